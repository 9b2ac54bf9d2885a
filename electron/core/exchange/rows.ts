import { refuse, rowProblem, type RowProblem } from '../errors.ts';
import { MAX_LINE_BYTES } from './limits.ts';

/**
 * A table's JSONL file, read line by line from its (already authenticated) bytes: each line at most
 * `MAX_LINE_BYTES`, valid UTF-8, one flat JSON object (a row's values are text, numbers, booleans or null),
 * one row per line (so a row's number is its line's), and no more lines than the manifest declared — so a file cannot make headquarters build more than it
 * said it would.
 */
export type Row = Record<string, string | number | boolean | null>;

/** Row problems listed per package; beyond this many the list stops (the package is refused anyway). */
export const MAX_PROBLEMS = 200;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function flatObject(value: unknown): value is Row {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  for (const v of Object.values(value)) if (v !== null && typeof v === 'object') return false;
  return true;
}

export function readRows(
  data: Buffer,
  file: { table: string; name: string; branch: string; declaredRows: number },
  problems: RowProblem[],
): Row[] {
  const rows: Row[] = [];
  let line = 0;
  for (let start = 0; start < data.length;) {
    let end = data.indexOf(0x0a, start);
    if (end < 0) end = data.length;
    line++;
    if (end - start > MAX_LINE_BYTES)
      refuse('package.line_too_long', { branch: file.branch, name: file.name, line, max: MAX_LINE_BYTES });
    const bytes = data.subarray(start, end);
    start = end + 1;
    if (rows.length >= file.declaredRows) {
      refuse('package.row_count', {
        branch: file.branch,
        name: file.name,
        rows: `${file.declaredRows}+`,
        declared: file.declaredRows,
      });
    }
    let value: unknown;
    try {
      value = JSON.parse(utf8.decode(bytes));
    } catch {
      value = undefined;
    }
    if (!flatObject(value)) {
      if (problems.length < MAX_PROBLEMS)
        problems.push(rowProblem(line, file.table, 'row.not_a_row', { table: file.table }));
      rows.push({});
      continue;
    }
    rows.push(value);
  }
  if (rows.length !== file.declaredRows) {
    refuse('package.row_count', {
      branch: file.branch,
      name: file.name,
      rows: rows.length,
      declared: file.declaredRows,
    });
  }
  return rows;
}
