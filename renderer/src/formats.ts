import type { UiLanguage } from '../../electron/shared/collation.ts';
import { formatDate } from '../../electron/shared/format.ts';
import { en } from './i18n/en.ts';
import { kk } from './i18n/kk.ts';
import { ru } from './i18n/ru.ts';

/**
 * How the window writes months, quarters and counts in each UI language: «декабрь 2026» / «2026 жылғы
 * желтоқсан», «IV квартал 2026» / «2026 жылғы IV тоқсан», «70 803». Month names come from the translation
 * files, not Intl: Chromium may ship without Kazakh locale data.
 */
const MONTHS: Record<UiLanguage, readonly string[]> = { ru: ru.months, kk: kk.months, en: en.months };
const ROMAN = ['I', 'II', 'III', 'IV'];

/** `2026-12` → «декабрь 2026» (ru), «2026 жылғы желтоқсан» (kk), «December 2026» (en). */
export function formatMonth(month: string, language: UiLanguage): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const name = MONTHS[language][Number(m[2]) - 1];
  if (!name) return month;
  return language === 'kk' ? `${m[1]} жылғы ${name}` : `${name} ${m[1]}`;
}

/** `2026-Q4` (or `2026Q4`) → «IV квартал 2026», «2026 жылғы IV тоқсан», «Q4 2026». */
export function formatQuarter(quarter: string, language: UiLanguage): string {
  const m = /^(\d{4})-?Q([1-4])$/i.exec(quarter);
  if (!m) return quarter;
  const roman = ROMAN[Number(m[2]) - 1]!;
  if (language === 'kk') return `${m[1]} жылғы ${roman} тоқсан`;
  if (language === 'en') return `Q${m[2]} ${m[1]}`;
  return `${roman} квартал ${m[1]}`;
}

/**
 * What a person types into a month field, as `YYYY-MM`: «12.2026», «2026-12», «декабрь 2026» or
 * «2026 жылғы желтоқсан» (any letter case). Anything else is returned as typed, for the core to refuse
 * with the field's label.
 */
export function parseMonthText(text: string): string {
  const s = text.trim();
  let m = /^(\d{1,2})[./](\d{4})$/.exec(s);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return `${m[2]}-${m[1]!.padStart(2, '0')}`;
  m = /^(\d{4})-(\d{1,2})$/.exec(s);
  if (m) return `${m[1]}-${m[2]!.padStart(2, '0')}`;
  const lower = s.toLocaleLowerCase('ru');
  const year = /(\d{4})/.exec(lower)?.[1];
  if (year) {
    for (const names of Object.values(MONTHS)) {
      const i = names.findIndex((n) => lower.includes(n.toLocaleLowerCase('ru')));
      if (i >= 0) return `${year}-${String(i + 1).padStart(2, '0')}`;
    }
  }
  return s;
}

/** A count with thousands separated by a space, as the union's tables print: 70803 → «70 803». */
export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  const sign = n < 0 ? '-' : '';
  return (
    sign +
    Math.abs(Math.trunc(n))
      .toString()
      .replace(/\B(?=(\d{3})+(?!\d))/g, ' ')
  );
}

/** A chart axis in tenge: 16000000 → «16 млн», 250000 → «250 тыс.» (short, readable at a glance). */
export function formatAxisTenge(tenge: number, language: UiLanguage): string {
  const words = {
    ru: ['тыс.', 'млн', 'млрд'],
    kk: ['мың', 'млн', 'млрд'],
    en: ['k', 'M', 'bn'],
  }[language];
  const abs = Math.abs(tenge);
  const scaled = (value: number, word: string) =>
    `${String(Math.round(value * 10) / 10).replace('.', ',')} ${word}`;
  if (abs >= 1e9) return scaled(tenge / 1e9, words[2]!);
  if (abs >= 1e6) return scaled(tenge / 1e6, words[1]!);
  if (abs >= 1e4) return scaled(tenge / 1e3, words[0]!);
  return formatCount(tenge);
}

/**
 * A refusal's values as the window shows them: months, quarters and dates in the UI language's words.
 * The core keeps them machine-shaped (`2026-12`, `2026-Q4`, `2026-12-02`) for the CLI and the logs.
 */
export function wordValue(value: unknown, language: UiLanguage): unknown {
  if (typeof value !== 'string') return value;
  if (/^\d{4}-\d{2}$/.test(value)) return formatMonth(value, language);
  if (/^\d{4}-?Q[1-4]$/.test(value)) return formatQuarter(value, language);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  return value;
}
