import { matchTerm, SECTORS, STAFF_CATEGORIES, type Term } from '../../shared/vocabulary.ts';
import type { RefusalCode, RefusalParams } from '../../shared/refusals/index.ts';
import { isoDate, tryParseDate, tryParseMonth } from '../dates.ts';
import { rowProblem } from '../errors.ts';
import {
  asRowProblem,
  normalizeText,
  parseCount,
  parseTenge,
  type CountKind,
  type Problem,
  type TextKind,
} from '../validation/index.ts';
import { COLUMNS, type ImportKind, type MappedRow } from './columns.ts';
import type { ProblemList } from './problems.ts';
import type { Cell } from './read-table.ts';

/**
 * Reads typed values from one import row, collecting every problem (row, column, reason) instead of
 * stopping at the first, so the user fixes the whole file in one pass. It parses (dates, months, money,
 * counts, the closed lists) and normalises text; the register's rules for the values themselves are the
 * row checks of `validation/rows.ts`, which each planner runs on the row it builds (`check`).
 */
export class RowReader {
  private readonly problemsBefore: number;

  constructor(
    private readonly kind: ImportKind,
    private readonly row: MappedRow,
    private readonly problems: ProblemList,
  ) {
    this.problemsBefore = problems.total;
  }

  get rowNumber(): number {
    return this.row.row;
  }

  /** The column as the file names it (the header offices use). */
  label(column: string): string {
    return COLUMNS[this.kind][column]?.ru ?? column;
  }

  add(column: string, code: RefusalCode, params: RefusalParams = {}): void {
    const label = this.label(column);
    if (!this.problems.has(this.row.row, label))
      this.problems.push(rowProblem(this.row.row, label, code, params));
  }

  /**
   * The row checks' problems, each at the file's column: `columnOf` maps the register's column to the
   * import's (`received_tiyn` → `received`). A cell that already has a problem keeps its first one.
   */
  check(problems: Problem[], columnOf: Record<string, string> = {}): void {
    for (const p of problems) {
      const label = this.label(columnOf[p.column ?? ''] ?? p.column ?? p.field);
      if (!this.problems.has(this.row.row, label)) this.problems.push(asRowProblem(p, this.row.row, label));
    }
  }

  /** The row has no problem so far. */
  get clean(): boolean {
    return this.problems.total === this.problemsBefore;
  }

  /** Whether the file has this column at all (absent columns never overwrite what is stored). */
  present(column: string): boolean {
    return column in this.row.values;
  }

  private raw(column: string): Cell {
    return this.row.values[column] ?? null;
  }

  /** Text, whitespace normalised; the rules for it are the row checks'. */
  text(column: string, kind: TextKind = 'line'): string | null {
    const v = this.raw(column);
    if (v === null) return null;
    if (v instanceof Date) return isoDate(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
    const s = normalizeText(String(v), kind);
    return s === '' ? null : s;
  }

  required(column: string, kind: TextKind = 'line'): string {
    const s = this.text(column, kind);
    if (s === null) this.add(column, 'text.required');
    return s ?? '';
  }

  date(column: string, required = false): string | null {
    const v = this.raw(column);
    if (v instanceof Date) return isoDate(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
    const s = this.text(column);
    if (s === null) {
      if (required) this.add(column, 'text.required');
      return null;
    }
    const d = tryParseDate(s);
    if (!d) this.add(column, 'date.invalid', { value: s });
    return d;
  }

  month(column: string): string | null {
    const v = this.raw(column);
    if (v instanceof Date) return `${v.getUTCFullYear()}-${String(v.getUTCMonth() + 1).padStart(2, '0')}`;
    const s = this.required(column);
    if (!s) return null;
    const m = tryParseMonth(s);
    if (!m) this.add(column, 'date.invalid_month', { value: s });
    return m;
  }

  money(column: string, required = false): number | null {
    const v = this.raw(column);
    if (v === null || (typeof v === 'string' && v.trim() === '')) {
      if (required) this.add(column, 'text.required');
      return null;
    }
    const parsed = parseTenge(typeof v === 'number' ? v : String(v), column);
    if (parsed.problem) this.add(column, parsed.problem.code, parsed.problem.params);
    return parsed.tiyn;
  }

  integer(column: string, kind: CountKind): number | null {
    const v = this.raw(column);
    if (v === null || (typeof v === 'string' && v.trim() === '')) return null;
    const parsed = parseCount(typeof v === 'number' ? v : String(v), column, kind);
    if (parsed.problem) this.add(column, parsed.problem.code, parsed.problem.params);
    return parsed.count;
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
    this.add(column, 'import.not_in_list', { value: s, allowed });
    return null;
  }

  yesNo(column: string): boolean {
    const s = (this.text(column) ?? '').toLowerCase();
    if (['', 'нет', 'no', 'false', '0', '-', 'жоқ'].includes(s)) return false;
    if (['да', 'yes', 'true', '1', '+', 'на контроле', 'иә', 'взято'].includes(s)) return true;
    this.add(column, 'import.not_yes_no', { value: s });
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
