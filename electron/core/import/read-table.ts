import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { refuse } from '../errors.ts';
import { decodeText, type TextEncoding } from './encoding.ts';
import { sheetExtent, workbookSheets, type SheetInfo } from './xlsx-inspect.ts';

/** A cell as read from a file: text from CSV; text, number or date from XLSX. */
export type Cell = string | number | Date | boolean | null;

export interface RawTable {
  /** Row number as the user sees it in Excel or a text editor (1-based). */
  rows: Array<{ row: number; cells: Cell[] }>;
  /** The text file's encoding, as read. */
  encoding?: TextEncoding;
  /** The workbook's sheet the rows come from, and the hidden sheets skipped before it. */
  sheet?: string;
  hiddenSheets?: string[];
}

/**
 * What an import reads at most. A register of 100,000 members is a 15 MB file; the limits keep a wrong
 * file (a whole database dump, a 3,000,000-row sheet) from exhausting an office PC's memory: it is refused
 * before parsing, with a sentence.
 */
export const IMPORT_LIMITS = { maxBytes: 100 * 1024 * 1024, maxRows: 1_000_000 };
export type ImportLimits = typeof IMPORT_LIMITS;

/**
 * Semicolon (Excel in Russian) or comma: whichever occurs more outside quotes in the first ten lines (a
 * journal often begins with a title line that has neither).
 */
export function detectDelimiter(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  let lines = 0;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '\n' && ++lines >= 10) break;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
  }
  return semicolons >= commas && semicolons > 0 ? ';' : ',';
}

function countLines(text: string, stopAfter: number): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0 && lines <= stopAfter; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

export function readCsv(buffer: Uint8Array, file = '', limits: ImportLimits = IMPORT_LIMITS): RawTable {
  const { text, encoding } = decodeText(buffer, file);
  // a header area (title, empty row) above the data, then at most maxRows rows
  if (countLines(text, limits.maxRows + 21) > limits.maxRows + 20)
    refuse('import.too_many_rows', { file, limit: limits.maxRows });
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
    }) as string[][];
  } catch (err) {
    return refuse('import.bad_csv', { file, line: (err as { lines?: number }).lines ?? 1 });
  }
  return { rows: records.map((cells, i) => ({ row: i + 1, cells })), encoding };
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('result' in value) return cellValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String((value as { text: unknown }).text);
    if ('error' in value) return null;
  }
  return String(value);
}

/**
 * The first visible sheet of a workbook. Its size is checked from the ZIP before the workbook is loaded:
 * a sheet declaring more than `maxRows` rows (or, without a declaration, a sheet XML larger than a
 * register's could be) is refused without being read. Hidden sheets before it are named in the result, so
 * the person sees which sheet was read.
 */
export async function readXlsx(
  buffer: Uint8Array,
  file = '',
  limits: ImportLimits = IMPORT_LIMITS,
): Promise<RawTable> {
  let sheets: SheetInfo[];
  try {
    sheets = workbookSheets(buffer);
  } catch {
    return refuse('import.bad_xlsx', { file });
  }
  const index = sheets.findIndex((sh) => !sh.hidden);
  if (index < 0) refuse(sheets.length ? 'import.no_visible_sheet' : 'import.bad_xlsx', { file });
  const chosen = sheets[index]!;
  if (chosen.path) {
    // what the sheet declares, and what it holds (counted as a stream): either beyond the limit is refused
    const max = limits.maxRows + 20;
    const extent = sheetExtent(buffer, chosen.path, max);
    if ((extent.lastRow ?? 0) > max || extent.rows > max)
      refuse('import.too_many_rows', { file, limit: limits.maxRows });
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return refuse('import.bad_xlsx', { file });
  }
  const sheet = workbook.getWorksheet(chosen.name) ?? workbook.worksheets.find((w) => w.state === 'visible');
  if (!sheet) return refuse('import.bad_xlsx', { file });
  const rows: RawTable['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellValue(cell.value);
    });
    rows.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? null) });
  });
  if (rows.length > limits.maxRows + 20) refuse('import.too_many_rows', { file, limit: limits.maxRows });
  return { rows, sheet: sheet.name, hiddenSheets: sheets.slice(0, index).map((sh) => sh.name) };
}

export interface TableSource {
  file?: string;
  /** The file's bytes, base64, when there is no path (a browser upload). */
  content?: string;
  fileName?: string;
}

/**
 * The file's bytes, with every reason it cannot be read said before anything is parsed: it does not exist,
 * it is a folder, it is empty, it is larger than the import reads.
 */
export function readSourceBytes(source: TableSource, limits: ImportLimits = IMPORT_LIMITS): Buffer {
  const name = source.file ?? source.fileName ?? '';
  if (source.file) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(source.file);
    } catch {
      return refuse('import.file_not_found', { file: source.file });
    }
    if (stat.isDirectory()) refuse('import.not_a_file', { file: source.file });
    if (stat.size > limits.maxBytes)
      refuse('import.too_large', {
        file: name,
        size: Math.ceil(stat.size / 1024 / 1024),
        limit: limits.maxBytes / 1024 / 1024,
      });
    if (stat.size === 0) refuse('import.empty_file', { file: name });
    try {
      return fs.readFileSync(source.file);
    } catch {
      return refuse('import.file_not_found', { file: source.file });
    }
  }
  const bytes = Buffer.from(source.content ?? '', 'base64');
  if (bytes.length > limits.maxBytes)
    refuse('import.too_large', {
      file: name,
      size: Math.ceil(bytes.length / 1024 / 1024),
      limit: limits.maxBytes / 1024 / 1024,
    });
  if (bytes.length === 0) refuse('import.empty_file', { file: name });
  return bytes;
}

export async function readTable(
  source: TableSource,
  limits: ImportLimits = IMPORT_LIMITS,
): Promise<RawTable> {
  const name = source.file ?? source.fileName ?? '';
  const ext = path.extname(name).toLowerCase();
  const known = ext === '.xlsx' || ext === '.csv' || ext === '.txt';
  // a folder or a missing path is said as such, whatever its name ends with
  if (source.file && !known && !fs.existsSync(source.file)) refuse('import.file_not_found', { file: name });
  if (source.file && !known && fs.statSync(source.file).isDirectory())
    refuse('import.not_a_file', { file: name });
  if (!known) refuse('import.unknown_format', { file: name });
  const bytes = readSourceBytes(source, limits);
  const file = path.basename(name);
  return ext === '.xlsx' ? readXlsx(bytes, file, limits) : readCsv(bytes, file, limits);
}
