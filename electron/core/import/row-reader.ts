import { matchTerm, SECTORS, STAFF_CATEGORIES, type Term } from '../../shared/vocabulary.ts';
import { isoDate, tryParseDate, tryParseMonth } from '../dates.ts';
import { RegisterError, type RowProblem } from '../errors.ts';
import { tengeCellToTiyn } from '../money.ts';
import { COLUMNS, type ImportKind, type MappedRow } from './columns.ts';
import type { Cell } from './read-table.ts';

/**
 * Reads typed values from one import row, collecting every problem (row, column, reason) instead of
 * stopping at the first, so the user fixes the whole file in one pass.
 */
export class RowReader {
  constructor(
    private readonly kind: ImportKind,
    private readonly row: MappedRow,
    private readonly problems: RowProblem[],
  ) {}

  get rowNumber(): number {
    return this.row.row;
  }

  problem(column: string, message: string, messageRu: string): void {
    const label = COLUMNS[this.kind][column]?.ru ?? column;
    this.problems.push({ row: this.row.row, column: label, message: `${column}: ${message}`, messageRu });
  }

  private raw(column: string): Cell {
    return this.row.values[column] ?? null;
  }

  text(column: string): string | null {
    const v = this.raw(column);
    if (v === null) return null;
    if (v instanceof Date) return isoDate(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
    const s = String(v).trim();
    return s === '' ? null : s;
  }

  required(column: string): string {
    const s = this.text(column);
    if (s === null) this.problem(column, 'is empty', 'не заполнено');
    return s ?? '';
  }

  date(column: string, required = false): string | null {
    const v = this.raw(column);
    if (v instanceof Date) return isoDate(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
    const s = this.text(column);
    if (s === null) {
      if (required) this.problem(column, 'is empty', 'не заполнено');
      return null;
    }
    const d = tryParseDate(s);
    if (!d)
      this.problem(
        column,
        `"${s}" is not a date (YYYY-MM-DD or dd.mm.yyyy)`,
        `«${s}» — не дата (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД)`,
      );
    return d;
  }

  month(column: string): string | null {
    const v = this.raw(column);
    if (v instanceof Date) return `${v.getUTCFullYear()}-${String(v.getUTCMonth() + 1).padStart(2, '0')}`;
    const s = this.required(column);
    if (!s) return null;
    const m = tryParseMonth(s);
    if (!m)
      this.problem(column, `"${s}" is not a month (YYYY-MM)`, `«${s}» — не месяц (ГГГГ-ММ или ММ.ГГГГ)`);
    return m;
  }

  money(column: string, required = false): number | null {
    const v = this.raw(column);
    if (v === null || (typeof v === 'string' && v.trim() === '')) {
      if (required) this.problem(column, 'is empty', 'не заполнено');
      return null;
    }
    try {
      return tengeCellToTiyn(typeof v === 'number' ? v : String(v));
    } catch (err) {
      if (!(err instanceof RegisterError)) throw err;
      this.problem(column, err.message, err.messageRu);
      return null;
    }
  }

  integer(column: string): number | null {
    const v = this.raw(column);
    if (v === null || (typeof v === 'string' && v.trim() === '')) return null;
    const n = typeof v === 'number' ? v : Number(String(v).replace(/[\s\u00a0]/g, ''));
    if (!Number.isInteger(n) || n < 0) {
      this.problem(column, `"${v}" is not a whole number`, `«${v}» — не целое число`);
      return null;
    }
    return n;
  }

  /** A value from a closed list: its English key, its Russian or Kazakh label, or a recognised keyword. */
  choice<K extends string>(
    column: string,
    terms: Record<K, Term>,
    keywords: Array<[RegExp, K]> = [],
  ): K | null {
    const s = this.required(column);
    if (!s) return null;
    const key = matchTerm(terms, s, keywords);
    if (key) return key;
    const allowed = Object.values<Term>(terms)
      .map((t) => t.ru)
      .join(', ');
    this.problem(
      column,
      `"${s}" is not one of: ${Object.keys(terms).join(', ')}`,
      `«${s}» — недопустимое значение (допустимо: ${allowed})`,
    );
    return null;
  }

  yesNo(column: string): boolean {
    const s = (this.text(column) ?? '').toLowerCase();
    if (['', 'нет', 'no', 'false', '0', '-', 'жоқ'].includes(s)) return false;
    if (['да', 'yes', 'true', '1', '+', 'на контроле', 'иә', 'взято'].includes(s)) return true;
    this.problem(column, `"${s}" is neither yes nor no`, `«${s}» — ожидается «да» или «нет»`);
    return false;
  }
}

export { APPEAL_CATEGORY_WORDS, CHANNEL_WORDS } from '../../shared/vocabulary.ts';

export const SECTOR_WORDS: Array<[RegExp, keyof typeof SECTORS]> = [
  [/здрав|денсаулық|медицин.*(орган|учрежд)|больниц|поликлин/, 'healthcare'],
  [/социал|әлеуметтік/, 'social'],
  [/образов|колледж|білім/, 'education_medical'],
  [/проч|друг|басқа/, 'other'],
];

export const STAFF_WORDS: Array<[RegExp, keyof typeof STAFF_CATEGORIES]> = [
  [/^врач|^дәрігер/, 'physician'],
  [/^средн|орта/, 'nursing'],
  [/^младш|кіші/, 'junior'],
  [/^проч|^друг|басқа/, 'other'],
  [/^студент/, 'student'],
  [/^пенсион|зейнеткер/, 'pensioner'],
];

export const STATUS_WORDS: Array<[RegExp, 'registered' | 'in_progress' | 'closed']> = [
  [/закрыт|рассмотрено|исполнено|решено|жабылды/, 'closed'],
  [/на рассмотрении|в работе|рассматрива|қаралуда/, 'in_progress'],
  [/зарегистр|нов|тіркелді/, 'registered'],
];

export const LEGAL_WORDS: Array<[RegExp, 'criminal' | 'administrative' | 'civil' | 'labour']> = [
  [/уголов|қылмыс/, 'criminal'],
  [/администр|әкімшілік/, 'administrative'],
  [/граждан|азаматтық/, 'civil'],
  [/трудов|еңбек/, 'labour'],
];
