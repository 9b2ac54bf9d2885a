import { RegisterError, refuse } from './errors.ts';

/**
 * Money is integer tiyn (1 ₸ = 100 tiyn). Offices type amounts the Russian way (`12 759 543,50`, with
 * ordinary or non-breaking spaces as thousands separators) or the programmer's way (`12759543.50`).
 * Anything else (two separators, three decimals, letters, a sign) is refused rather than guessed.
 */
const AMOUNT = /^(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,](\d{1,2}))?$/;

export function parseTenge(text: string): number {
  const trimmed = text.trim().replace(/\s*(₸|тг\.?|тенге|KZT)$/i, '');
  const match = AMOUNT.exec(trimmed);
  if (!match) {
    refuse(
      'money.invalid',
      `"${text}" is not an amount in tenge (expected e.g. 12 759 543,50)`,
      `«${text}» — не сумма в тенге (ожидается, например, 12 759 543,50)`,
    );
  }
  const whole = Number(match[1]!.replace(/[ \u00a0\u202f]/g, ''));
  const fraction = Number((match[2] ?? '').padEnd(2, '0'));
  const tiyn = whole * 100 + fraction;
  if (!Number.isSafeInteger(tiyn)) {
    refuse('money.too_large', `"${text}" is too large an amount`, `Сумма «${text}» слишком велика`);
  }
  return tiyn;
}

/** A spreadsheet cell may hold a number (tenge) or text typed the Russian way. */
export function tengeCellToTiyn(value: number | string): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) {
      refuse('money.invalid', `${value} is not an amount in tenge`, `${value} — не сумма в тенге`);
    }
    const tiyn = Math.round(value * 100);
    // A cell like 1234.567 carries more precision than tiyn; refuse instead of silently rounding.
    if (Math.abs(tiyn - value * 100) > 1e-6 * Math.max(1, value)) {
      refuse(
        'money.invalid',
        `${value} has more than two decimals`,
        `В сумме ${value} больше двух знаков после запятой`,
      );
    }
    return tiyn;
  }
  return parseTenge(value);
}

export { formatTiyn } from '../shared/format.ts';

/** Like `tengeCellToTiyn`, with the field named in the refusal («received: …»). */
export function tengeField(value: string | number, field: string): number {
  try {
    return tengeCellToTiyn(value);
  } catch (err) {
    if (err instanceof RegisterError)
      throw new RegisterError(err.code, `${field}: ${err.message}`, `${field}: ${err.messageRu}`);
    throw err;
  }
}
