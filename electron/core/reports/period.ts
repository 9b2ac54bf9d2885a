import type { Period } from '../../shared/contract.ts';
import { formatDate } from '../../shared/format.ts';
import { addMonths, parseDate, periodBounds, type IsoDate, type Month } from '../dates.ts';
import { refuse } from '../errors.ts';

/**
 * The periods the union counts in: a year, a quarter of a year, or any range of dates («с ноября 2021
 * года» up to the end of the report's year). Every report resolves its period here to the first and last
 * day it covers and the months it spans.
 */
export interface ResolvedPeriod {
  year: number | null;
  quarter: number | null;
  from: IsoDate;
  to: IsoDate;
}

/** Ranges longer than this are not a period the union reports on (and would be a typo). */
const MAX_YEARS = 30;

export function resolvePeriod(period: Pick<Period, 'year' | 'quarter' | 'from' | 'to'>): ResolvedPeriod {
  const ranged = period.from !== undefined || period.to !== undefined;
  if (ranged) {
    if (period.year !== undefined || period.quarter !== undefined) refuse('period.both', {});
    if (period.from === undefined || period.to === undefined) refuse('period.incomplete', {});
    const from = parseDate(period.from, 'from');
    const to = parseDate(period.to, 'to');
    if (to < from) refuse('period.reversed', { from: formatDate(from), to: formatDate(to) });
    if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > MAX_YEARS)
      refuse('period.too_long', { years: MAX_YEARS });
    return { year: null, quarter: null, from, to };
  }
  if (period.year === undefined) refuse('period.missing', {});
  return { year: period.year, quarter: period.quarter ?? null, ...periodBounds(period.year, period.quarter) };
}

/** The months a period spans, first to last (a range's partial months included). */
export function periodMonths(p: ResolvedPeriod): Month[] {
  const months: Month[] = [];
  for (let m = p.from.slice(0, 7); m <= p.to.slice(0, 7); m = addMonths(m, 1)) months.push(m);
  return months;
}

/** The period as a sheet's or file's name says it: `2024`, `2024 Q4`, `01.11.2021–31.12.2024`. */
export function periodName(p: ResolvedPeriod): string {
  if (p.year !== null) return p.quarter ? `${p.year} Q${p.quarter}` : String(p.year);
  return `${formatDate(p.from)}–${formatDate(p.to)}`;
}
