import { counter, type ProgressReporter } from '../progress.ts';
import { writeXlsx, type CellType, type CellValue } from './xlsx-writer.ts';

/**
 * Writes spreadsheets the way an accountant expects to open them: one header row, frozen; numbers as
 * numbers, dates as dates (dd.mm.yyyy), money in tenge with two decimals and thousands separators, IINs
 * as text (they may begin with 0), columns as wide as their content. Rows are streamed (xlsx-writer.ts),
 * so 75,000 members do not hold a whole workbook in memory.
 */
export type ColumnType = CellType;

export interface SheetColumn<Row> {
  header: string;
  type: ColumnType;
  value: (row: Row) => string | number | null | undefined;
}

export interface Sheet<Row> {
  name: string;
  columns: Array<SheetColumn<Row>>;
  rows: Row[];
  /** A last row in bold (totals), with the same columns. */
  total?: Row;
}

/** A sheet ready for the writer: columns with their widths, and its rows as cells (bold: a totals row). */
export interface Table {
  name: string;
  columns: Array<{ header: string; type: ColumnType; width: number }>;
  rows: () => AsyncIterable<{ cells: CellValue[]; bold?: boolean }>;
  /** How many rows `rows` yields, for the progress bar. */
  count: number;
}

/** A sheet whose rows are all at hand: widths measured from the values. */
export function table<Row>(sheet: Sheet<Row>): Table {
  const values = sheet.rows.map((row) => sheet.columns.map((c) => cell(c.type, c.value(row))));
  const total = sheet.total && sheet.columns.map((c) => cell(c.type, c.value(sheet.total!)));
  const all = total ? [...values, total] : values;
  return {
    name: sheet.name,
    columns: sheet.columns.map((c, i) => ({
      header: c.header,
      type: c.type,
      width: width(
        c.header,
        all.reduce((longest, v) => Math.max(longest, shownLength(c.type, v[i]!)), 0),
      ),
    })),
    rows: async function* () {
      for (const cells of values) yield { cells };
      if (total) yield { cells: total, bold: true };
    },
    count: all.length,
  };
}

/**
 * A sheet too large to hold twice (75,000 members): rows come page by page from the database and are
 * written as they come; the widths are given (measured in SQL) because columns precede the rows in XLSX.
 */
export function streamedTable<Row>(sheet: {
  name: string;
  /** `longest`: characters of the widest value, as shown (measured in SQL, dates 10). */
  columns: Array<SheetColumn<Row> & { longest: number }>;
  pages: () => AsyncIterable<Row[]>;
  count: number;
}): Table {
  return {
    name: sheet.name,
    columns: sheet.columns.map((c) => ({
      header: c.header,
      type: c.type,
      width: width(c.header, c.longest),
    })),
    rows: async function* () {
      for await (const page of sheet.pages())
        for (const row of page) yield { cells: sheet.columns.map((c) => cell(c.type, c.value(row))) };
    },
    count: sheet.count,
  };
}

/** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(text: string): string {
  return text.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
}

/** Cell values by column type: tiyn → tenge, ISO date → Date (UTC midnight, as Excel counts days). */
function cell(type: ColumnType, v: string | number | null | undefined): CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (type === 'money') return Number(v) / 100;
  if (type === 'date') {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(v));
    return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : String(v);
  }
  if (type === 'int' || type === 'percent') return Number(v);
  return String(v);
}

/** How many characters a value takes when shown (dates as dd.mm.yyyy, money with separators). */
function shownLength(type: ColumnType, v: CellValue): number {
  if (v === null) return 0;
  if (type === 'date') return 10;
  if (type === 'money') return (Number(v).toFixed(2).length * 4) / 3 + 1;
  if (type === 'percent') return 7;
  return String(v).length;
}

/** Column width (in characters, as Excel measures) for the longest value and the header's longest word. */
function width(header: string, longest: number): number {
  return Math.min(60, Math.max(longest, 6, ...header.split(' ').map((w) => w.length)) + 2);
}

export async function writeWorkbook(sheets: Table[], report?: ProgressReporter): Promise<Buffer> {
  const progress = counter(
    report,
    sheets.reduce((n, s) => n + s.count, 0),
  );
  const book = await writeXlsx(
    sheets.map((s) => ({ name: sheetName(s.name), columns: s.columns, rows: s.rows() })),
    () => progress.step(),
  );
  progress.finish();
  return book;
}
