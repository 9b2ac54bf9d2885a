import { formatTiyn } from '../../shared/format.ts';
import { problem, type Problem } from './problems.ts';

/**
 * Money and counts as they arrive: typed the Russian way (`12 759 543,50`), as an XLSX number, or as a
 * stored integer in a package. Money is exact integer tiyn (1 ₸ = 100 tiyn) from 0 to 10¹² ₸ — a safe
 * integer, so sums stay exact —; anything else (a sign, an exponent `1e3`, hex `0x1F`, `NaN`, three
 * decimals, two separators) is refused rather than guessed, and nothing ever becomes a REAL.
 */
export const MAX_TENGE = 1_000_000_000_000;
export const MAX_TIYN = MAX_TENGE * 100;

const AMOUNT = /^(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,](\d+))?$/;
const CURRENCY = /\s*(₸|тг\.?|тенге|KZT)$/i;

type Parsed = { tiyn: number; problem: null } | { tiyn: null; problem: Problem };

const fail = (p: Problem): Parsed => ({ tiyn: null, problem: p });

function inRange(tiyn: number, value: string, field: string): Parsed {
  if (!Number.isSafeInteger(tiyn) || tiyn > MAX_TIYN)
    return fail(problem('money.out_of_range', field, { value, max: formatTiyn(MAX_TIYN) }));
  return { tiyn, problem: null };
}

/** An amount typed in tenge: digits, optional thousands spaces, up to two decimals after `,` or `.`. */
export function parseTengeText(text: string, field: string): Parsed {
  const value = text.trim();
  const match = AMOUNT.exec(value.replace(CURRENCY, ''));
  if (!match) {
    // a minus sign is a number, but not an amount the register accepts: say so as a range
    if (/^-\s*\d/.test(value) && AMOUNT.test(value.replace(/^-\s*/, '').replace(CURRENCY, '')))
      return fail(problem('money.out_of_range', field, { value, max: formatTiyn(MAX_TIYN) }));
    return fail(problem('money.invalid', field, { value: text }));
  }
  if ((match[2] ?? '').length > 2) return fail(problem('money.too_many_decimals', field, { value }));
  // digits only from here: BigInt keeps 30-digit inputs exact until the range check refuses them
  const whole = BigInt(match[1]!.replace(/[ \u00a0\u202f]/g, ''));
  const tiyn = whole * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
  if (tiyn > BigInt(MAX_TIYN))
    return fail(problem('money.out_of_range', field, { value, max: formatTiyn(MAX_TIYN) }));
  return inRange(Number(tiyn), value, field);
}

/** An XLSX cell's number of tenge: finite, in range, at most two decimals (never silently rounded). */
export function parseTengeNumber(value: number, field: string): Parsed {
  const shown = String(value);
  if (!Number.isFinite(value)) return fail(problem('money.invalid', field, { value: shown }));
  if (value < 0 || value > MAX_TENGE)
    return fail(problem('money.out_of_range', field, { value: shown, max: formatTiyn(MAX_TIYN) }));
  const tiyn = Math.round(value * 100);
  // 1234.56 * 100 is 123455.99999999999: a float's own error is not a third decimal
  if (Math.abs(tiyn - value * 100) > 1e-6 * Math.max(1, value))
    return fail(problem('money.too_many_decimals', field, { value: shown }));
  return inRange(tiyn === 0 ? 0 : tiyn, shown, field);
}

/** Tenge as typed or as a spreadsheet number. */
export function parseTenge(value: string | number, field: string): Parsed {
  return typeof value === 'number' ? parseTengeNumber(value, field) : parseTengeText(value, field);
}

/**
 * A stored amount (a package's row, a DB column): an integer of tiyn in range. A string, a fraction, a
 * negative or an exponent-sized number is refused; `null` is fine unless `required`.
 */
export function tiynProblem(value: unknown, field: string, required = false): Problem | null {
  if (value === null || value === undefined) return required ? problem('text.required', field) : null;
  if (typeof value !== 'number' || !Number.isInteger(value))
    return problem('money.not_tiyn', field, { value: String(value) });
  if (value < 0 || value > MAX_TIYN) {
    const shown = Number.isSafeInteger(value) ? formatTiyn(value) : String(value);
    return problem('money.out_of_range', field, { value: shown, max: formatTiyn(MAX_TIYN) });
  }
  return null;
}

/** The ranges of the register's counts. */
export const COUNT_RANGES = {
  /** Employees of one employer. */
  headcount: { min: 0, max: 1_000_000 },
  /** Members covered by one remittance. */
  membersCount: { min: 0, max: 1_000_000 },
  /** Signatories of one collective appeal. */
  signatories: { min: 1, max: 100_000 },
  /** Months one remittance pays for. */
  monthsCovered: { min: 1, max: 12 },
} as const;
export type CountKind = keyof typeof COUNT_RANGES;

const COUNT = /^(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)$/;

/**
 * A count typed or read from a file: plain decimal digits (thousands spaces allowed), in its range. No
 * sign, decimals, exponent or hex; an XLSX number must be a whole number.
 */
export function parseCount(
  value: string | number,
  field: string,
  kind: CountKind,
): { count: number; problem: null } | { count: null; problem: Problem } {
  const { min, max } = COUNT_RANGES[kind];
  let n: number;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value))
      return { count: null, problem: problem('count.invalid', field, { value: String(value) }) };
    n = value;
  } else {
    const text = value.trim();
    if (!COUNT.test(text)) return { count: null, problem: problem('count.invalid', field, { value: text }) };
    const digits = text.replace(/[ \u00a0\u202f]/g, '');
    n = digits.length > 15 ? Number.POSITIVE_INFINITY : Number(digits);
  }
  if (n < min || n > max)
    return {
      count: null,
      problem: problem('count.out_of_range', field, { value: String(value).trim(), min, max }),
    };
  return { count: n, problem: null };
}

/** A stored count (a package's row, a form's number): an integer in its range, or null. */
export function countProblem(value: unknown, field: string, kind: CountKind): Problem | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number' && typeof value !== 'string')
    return problem('count.invalid', field, { value: String(value) });
  return parseCount(value, field, kind).problem;
}

/** How far above the expected a remittance may be before the accountant must confirm it. */
export const IMPLAUSIBLE = { timesRatePayroll: 3, timesMedianMonth: 10, minMonthsForMedian: 3 } as const;

/**
 * A remittance far above what the PPO's payroll makes plausible needs a confirmation: more than
 * 3 × rate × payroll (when the payroll is given), or more than 10 × the median of the PPO's earlier months
 * (from three months of history on, so a first small test payment does not flag the second real one).
 * `monthTotals` are the tiyn the PPO paid per earlier month; `rateBp` is the rate in basis points.
 */
export function implausibleRemittance(input: {
  org: string;
  month: string;
  receivedTiyn: number;
  monthsCovered: number;
  payrollTiyn: number | null;
  rateBp: number;
  monthTotals: number[];
}): Problem | null {
  const amount = formatTiyn(input.receivedTiyn);
  const base = { org: input.org, month: input.month, amount };
  if (input.payrollTiyn !== null && input.payrollTiyn > 0) {
    const expected = Math.round((input.payrollTiyn * input.rateBp) / 10_000);
    if (input.receivedTiyn > IMPLAUSIBLE.timesRatePayroll * expected)
      return problem('dues.implausible_payroll', 'received', { ...base, expected: formatTiyn(expected) });
  }
  const totals = input.monthTotals.filter((t) => t > 0).sort((a, b) => a - b);
  if (totals.length >= IMPLAUSIBLE.minMonthsForMedian) {
    const mid = Math.floor(totals.length / 2);
    const median = totals.length % 2 ? totals[mid]! : Math.round((totals[mid - 1]! + totals[mid]!) / 2);
    const perMonth = input.receivedTiyn / Math.max(1, input.monthsCovered);
    if (perMonth > IMPLAUSIBLE.timesMedianMonth * median)
      return problem('dues.implausible_median', 'received', { ...base, median: formatTiyn(median) });
  }
  return null;
}
