import { problem, type Problem } from './problems.ts';

/**
 * Text as people type or paste it: bounded in length, free of control characters and of the invisible
 * characters that flip the direction of text (a "bidi override" can make `P026` display as `620P`), with
 * whitespace normalised (non-breaking and other spaces are one space; runs collapse; ends trimmed), so
 * that a copy from Word or a web page stores what it shows.
 */
export type TextKind = 'name' | 'orgName' | 'code' | 'number' | 'line' | 'long';

/** Characters, by kind. Long texts (summaries, outcomes, notes) keep their line breaks. */
export const TEXT_LIMITS: Record<TextKind, number> = {
  /** A person's surname, given name, patronymic; a PPO's short name; an applicant; an assignee. */
  name: 100,
  /** The employer's official full name («Коммунальное государственное предприятие … области»). */
  orgName: 300,
  /** A PPO's or a branch's code. */
  code: 16,
  /** Card, document, decision and registration numbers. */
  number: 32,
  /** One line: position, address, phone, decision body, reason, search. */
  line: 200,
  /** Summaries, outcomes and notes. */
  long: 4000,
};

/** Spaces that are shown as a space: no-break, narrow no-break, figure, ideographic, en/em… */
const SPACES = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
/** Zero-width characters that carry nothing in a register's text: removed. */
const ZERO_WIDTH = /[\u200b\u2060\ufeff]/g;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f]/;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The text with whitespace normalised. Single-line kinds turn line breaks into spaces (an Excel cell with
 * Alt+Enter in a name); long texts keep single and double line breaks and trim each line.
 */
export function normalizeText(value: string, kind: TextKind = 'line'): string {
  const text = value.replace(ZERO_WIDTH, '').replace(SPACES, ' ');
  if (kind !== 'long')
    return text
      .replace(/[\r\n]+/g, ' ')
      .replace(/ {2,}/g, ' ')
      .trim();
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * What is wrong with a text (after normalising), or null. Checks, in order: control characters (NUL
 * included), direction controls, a broken encoding's U+FFFD, length in characters (code points).
 */
export function textProblem(value: string, field: string, kind: TextKind = 'line'): Problem | null {
  const control = (kind === 'long' ? CONTROL : CONTROL_SINGLE_LINE).exec(value);
  if (control) {
    return problem('text.control_char', field, {
      char: codePoint(control[0]),
      position: control.index + 1,
    });
  }
  const surrogate = LONE_SURROGATE.exec(value);
  if (surrogate)
    return problem('text.control_char', field, {
      char: codePoint(surrogate[0]),
      position: surrogate.index + 1,
    });
  const bidi = BIDI.exec(value);
  if (bidi) return problem('text.bidi_char', field, { char: codePoint(bidi[0]), position: bidi.index + 1 });
  const broken = value.indexOf('\ufffd');
  if (broken >= 0) return problem('text.broken_char', field, { position: broken + 1 });
  const length = [...value].length;
  if (length > TEXT_LIMITS[kind]) return problem('text.too_long', field, { max: TEXT_LIMITS[kind], length });
  return null;
}

/** Normalises and checks in one step: the text to store, or the problem. */
export function cleanText(
  value: string,
  field: string,
  kind: TextKind = 'line',
): { value: string; problem: null } | { value: null; problem: Problem } {
  const normalized = normalizeText(value, kind);
  const found = textProblem(normalized, field, kind);
  return found ? { value: null, problem: found } : { value: normalized, problem: null };
}
