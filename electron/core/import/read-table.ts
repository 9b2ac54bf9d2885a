import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { refuse } from '../errors.ts';

/** A cell as read from a file: text from CSV; text, number or date from XLSX. */
export type Cell = string | number | Date | boolean | null;

export interface RawTable {
  /** Row number as the user sees it in Excel or a text editor (1-based). */
  rows: Array<{ row: number; cells: Cell[] }>;
}

/**
 * Text as offices save it: UTF-8 with or without a BOM, or Windows-1251 (Excel "CSV" in a Russian locale).
 * A file that is not valid UTF-8 is read as Windows-1251, the only other encoding such files come in.
 */
export function decodeText(buffer: Buffer): string {
  if (buffer.length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    return buffer.subarray(3).toString('utf8');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return iconv.decode(buffer, 'win1251');
  }
}

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

export function readCsv(buffer: Buffer): RawTable {
  const text = decodeText(buffer);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
    }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    return refuse(
      'import.bad_csv',
      `the CSV file cannot be read${line ? ` near line ${line}` : ''}: ${(err as Error).message}`,
      `CSV-файл не удаётся прочитать${line ? ` (около строки ${line})` : ''}: проверьте кавычки и разделители`,
    );
  }
  return { rows: records.map((cells, i) => ({ row: i + 1, cells })) };
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

export async function readXlsx(buffer: Buffer): Promise<RawTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return refuse(
      'import.bad_xlsx',
      'the file is not a readable XLSX workbook',
      'Файл не является читаемой книгой Excel (XLSX)',
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { rows: [] };
  const rows: RawTable['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellValue(cell.value);
    });
    rows.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? null) });
  });
  return { rows };
}

export interface TableSource {
  file?: string;
  /** The file's bytes, base64, when there is no path (a browser upload). */
  content?: string;
  fileName?: string;
}

export async function readTable(source: TableSource): Promise<RawTable> {
  const name = source.file ?? source.fileName ?? '';
  let buffer: Buffer;
  if (source.file) {
    if (!fs.existsSync(source.file)) {
      return refuse(
        'import.file_not_found',
        `file ${source.file} does not exist`,
        `Файл ${source.file} не найден`,
      );
    }
    buffer = fs.readFileSync(source.file);
  } else {
    buffer = Buffer.from(source.content ?? '', 'base64');
  }
  const ext = path.extname(name).toLowerCase();
  if (ext === '.xlsx') return readXlsx(buffer);
  if (ext === '.csv' || ext === '.txt') return readCsv(buffer);
  return refuse(
    'import.unknown_format',
    `${name}: only .csv and .xlsx files can be imported`,
    `${name}: импортировать можно только файлы .csv и .xlsx`,
  );
}
