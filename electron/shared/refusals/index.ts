import { APP_FIELDS, APP_REFUSALS } from './app.ts';
import { APPEALS_FIELDS, APPEALS_REFUSALS } from './appeals.ts';
import { BACKUPS_FIELDS, BACKUPS_REFUSALS } from './backups.ts';
import { COMMON_FIELDS, COMMON_REFUSALS } from './common.ts';
import { DUES_FIELDS, DUES_REFUSALS } from './dues.ts';
import { EXCHANGE_FIELDS, EXCHANGE_REFUSALS } from './exchange.ts';
import { IMPORTS_FIELDS, IMPORTS_REFUSALS } from './imports.ts';
import { MEMBERS_FIELDS, MEMBERS_REFUSALS } from './members.ts';
import { ORGS_FIELDS, ORGS_REFUSALS } from './orgs.ts';
import { REGISTER_FIELDS, REGISTER_REFUSALS } from './register.ts';
import { REPORTS_FIELDS, REPORTS_REFUSALS } from './reports.ts';
import type { FieldLabel, RefusalParams, Sentence } from './types.ts';

export type { FieldLabel, RefusalParams, Sentence } from './types.ts';

/**
 * Every refusal the register can give, by its stable code, worded in Russian, Kazakh and English. The core
 * refuses with a code and its parameters (`refuse('member.not_found', { iin })`); the CLI prints the
 * Russian or English sentence and the window words the same code in its UI language, so no language is
 * a translation of another's text and none can lack a sentence (the tables' type says so).
 *
 * One file per domain, as the core is split, so that each domain's refusals live beside each other.
 */
export const REFUSALS = {
  ...COMMON_REFUSALS,
  ...APP_REFUSALS,
  ...REGISTER_REFUSALS,
  ...ORGS_REFUSALS,
  ...MEMBERS_REFUSALS,
  ...DUES_REFUSALS,
  ...APPEALS_REFUSALS,
  ...IMPORTS_REFUSALS,
  ...EXCHANGE_REFUSALS,
  ...BACKUPS_REFUSALS,
  ...REPORTS_REFUSALS,
} satisfies Record<string, Sentence>;

export type RefusalCode = keyof typeof REFUSALS;

/** Field labels by the contract's field name (`transferredOn` → «Дата перевода»). */
export const FIELD_LABELS: Record<string, FieldLabel> = {
  ...COMMON_FIELDS,
  ...APP_FIELDS,
  ...REGISTER_FIELDS,
  ...ORGS_FIELDS,
  ...MEMBERS_FIELDS,
  ...DUES_FIELDS,
  ...APPEALS_FIELDS,
  ...IMPORTS_FIELDS,
  ...EXCHANGE_FIELDS,
  ...BACKUPS_FIELDS,
  ...REPORTS_FIELDS,
};

export type Language = keyof Sentence;

export function isRefusalCode(code: string): code is RefusalCode {
  return Object.hasOwn(REFUSALS, code);
}

/** A field's label in the language; an unknown name (a file's own column header) is shown as it is. */
export function fieldLabel(field: string, language: Language): string {
  return Object.hasOwn(FIELD_LABELS, field) ? FIELD_LABELS[field]![language] : field;
}

/**
 * The refusal's sentence in the language with its parameters filled in. `{field}` is looked up as a field
 * label; a parameter the sentence does not name is left out, one it names but was not given stays visible
 * as `{name}` (a test checks that every code's sentences name the same parameters).
 */
export function wordRefusal(code: RefusalCode, params: RefusalParams, language: Language): string {
  const sentence: Sentence = REFUSALS[code];
  return sentence[language].replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name]!;
    return name === 'field' ? fieldLabel(String(value), language) : String(value);
  });
}

/** The names of the parameters a sentence uses. */
export function sentenceParams(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}
