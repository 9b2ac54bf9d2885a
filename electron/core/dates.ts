import { refuse } from './errors.ts';

/** Dates are stored as ISO `YYYY-MM-DD` text: sortable, readable in the sqlite3 tool, no time zones. */
export type IsoDate = string;
/** A month of dues, `YYYY-MM`. */
export type Month = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const RU = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

export function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1800 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Parses `YYYY-MM-DD` or `dd.mm.yyyy`; returns null when the text is not a real calendar date. */
export function tryParseDate(text: string): IsoDate | null {
  const t = text.trim();
  const iso = ISO.exec(t);
  const ru = iso ? null : RU.exec(t);
  const [y, m, d] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : ru
      ? [Number(ru[3]), Number(ru[2]), Number(ru[1])]
      : [NaN, NaN, NaN];
  return isRealDate(y, m, d) ? isoDate(y, m, d) : null;
}

/** Parses a date typed into `field` (the contract's field name), refusing with the field's label. */
export function parseDate(text: string, field = 'date'): IsoDate {
  const parsed = tryParseDate(text);
  if (!parsed) refuse('date.invalid', { field, value: text });
  return parsed;
}

/** Kazakhstan's offset from UTC: one zone, UTC+5, for the whole country since 1 March 2024. */
export const OFFICE_UTC_OFFSET_HOURS = 5;

/** The calendar date in Kazakhstan at an instant, independent of the computer's time zone. */
export function officeDate(instant: Date): IsoDate {
  return new Date(instant.getTime() + OFFICE_UTC_OFFSET_HOURS * 3600_000).toISOString().slice(0, 10);
}

/** The office's date now; domain code asks `today(reg)` instead, which reads the register's clock. */
export function todayIso(now = new Date()): IsoDate {
  return officeDate(now);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export { formatDate as formatRuDate } from '../shared/format.ts';

const MONTH = /^(\d{4})-(\d{2})$/;
const MONTH_RU = /^(\d{1,2})[./](\d{4})$/;

/** Accepts `2024-11`, `11.2024` or a full date (its month). */
export function tryParseMonth(text: string): Month | null {
  const t = text.trim();
  const iso = MONTH.exec(t);
  if (iso && Number(iso[2]) >= 1 && Number(iso[2]) <= 12) return t;
  const ru = MONTH_RU.exec(t);
  if (ru && Number(ru[1]) >= 1 && Number(ru[1]) <= 12) return `${ru[2]}-${ru[1]!.padStart(2, '0')}`;
  const date = tryParseDate(t);
  return date ? date.slice(0, 7) : null;
}

export function addMonths(month: Month, n: number): Month {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The first day after the month: a month has ended when today is on or after this date. */
export function monthEnd(month: Month): IsoDate {
  return `${addMonths(month, 1)}-01`;
}

export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

export function quarterLabel(q: Quarter): string {
  return `${q.year}-Q${q.quarter}`;
}

/** Accepts `2024Q4`, `2024-Q4`, `2024-4`. */
export function parseQuarter(text: string): Quarter {
  const match = /^(\d{4})-?[Qq]?([1-4])$/.exec(text.trim());
  if (!match) {
    refuse(
      'quarter.invalid',
      `"${text}" is not a quarter (expected e.g. 2024Q4)`,
      `«${text}» — не квартал (ожидается, например, 2024Q4)`,
    );
  }
  return { year: Number(match[1]), quarter: Number(match[2]) as Quarter['quarter'] };
}

export function quarterOfMonth(month: Month): Quarter {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { year: y, quarter: (Math.floor((m - 1) / 3) + 1) as Quarter['quarter'] };
}

export function monthsOfPeriod(year: number, quarter?: number): Month[] {
  const first = quarter ? (quarter - 1) * 3 + 1 : 1;
  const count = quarter ? 3 : 12;
  return Array.from({ length: count }, (_, i) => `${year}-${String(first + i).padStart(2, '0')}`);
}

export function periodBounds(year: number, quarter?: number): { from: IsoDate; to: IsoDate } {
  const months = monthsOfPeriod(year, quarter);
  return { from: `${months[0]}-01`, to: addDays(monthEnd(months[months.length - 1]!), -1) };
}
