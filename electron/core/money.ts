import { problemRefusal } from './validation/problems.ts';
import { parseTenge as parseTengeValue } from './validation/amounts.ts';

/**
 * Money is integer tiyn (1 ₸ = 100 tiyn). Offices type amounts the Russian way (`12 759 543,50`, with
 * ordinary or non-breaking spaces as thousands separators) or the programmer's way (`12759543.50`).
 * The rules (range 0 ≤ amount ≤ 10¹² ₸, at most two decimals, no sign, exponent or hex) live in
 * `validation/amounts.ts`; these throw the refusal for callers that stop at the first problem.
 */
export function parseTenge(text: string, field = 'amount'): number {
  const parsed = parseTengeValue(text, field);
  if (parsed.problem) throw problemRefusal(parsed.problem);
  return parsed.tiyn;
}

/** A spreadsheet cell may hold a number (tenge) or text typed the Russian way. */
export function tengeCellToTiyn(value: number | string, field = 'amount'): number {
  const parsed = parseTengeValue(value, field);
  if (parsed.problem) throw problemRefusal(parsed.problem);
  return parsed.tiyn;
}

export { formatTiyn } from '../shared/format.ts';

/** Like `tengeCellToTiyn`, with the field (the contract's name: `received`) named in the refusal. */
export function tengeField(value: string | number, field: string): number {
  return tengeCellToTiyn(value, field);
}
