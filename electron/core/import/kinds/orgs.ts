import { randomUUID } from 'node:crypto';
import { SECTORS } from '../../../shared/vocabulary.ts';
import { checkOrgRow } from '../../validation/index.ts';
import { COLUMNS } from '../columns.ts';
import { ProblemList } from '../problems.ts';
import { RowReader, SECTOR_WORDS } from '../row-reader.ts';
import { TableChanges, type Planner } from './types.ts';

/** The import's columns by the register's (for problems and the conflict list). */
const IMPORT_COLUMN: Record<string, string> = { chair_name: 'chair', chair_phone: 'phone' };
const label = (column: string) => COLUMNS.orgs[IMPORT_COLUMN[column] ?? column]?.ru ?? column;

/** A list of PPOs; a row matches an existing PPO by its code. */
export const planOrgs: Planner = async (trx, table, today) => {
  const problems = new ProblemList();
  const existing = new Map<string, Record<string, unknown>>(
    (await trx('orgs').select('*')).map((r: Record<string, unknown>) => [String(r.code), r]),
  );
  const codes = new Set(existing.keys());
  const seen = new Map<string, number>();
  const changes = new TableChanges('orgs', label, { sector: SECTORS });
  const has = (column: string) => table.columns.includes(column);
  for (const row of table.rows) {
    const r = new RowReader('orgs', row, problems);
    const code = r.required('code', 'code');
    const fields = {
      name: r.required('name', 'orgName'),
      short_name: has('short_name') ? r.text('short_name', 'name') : undefined,
      bin: has('bin') ? r.text('bin', 'number') : undefined,
      sector: has('sector') && r.text('sector') ? r.choice('sector', SECTORS, SECTOR_WORDS) : undefined,
      headcount: has('headcount') ? r.integer('headcount', 'headcount') : undefined,
      chair_name: has('chair') ? r.text('chair', 'name') : undefined,
      chair_phone: has('phone') ? r.text('phone') : undefined,
      address: has('address') ? r.text('address') : undefined,
    };
    // the file's own codes count too: `Р-01` and `P-01` in one file are two look-alike PPOs
    r.check(checkOrgRow({ ...fields, code }, { today, row: row.row, otherCodes: codes }), IMPORT_COLUMN);
    if (code && seen.has(code))
      r.add('code', 'import.repeated_key', { value: code, firstRow: seen.get(code)! });
    if (code) {
      seen.set(code, row.row);
      codes.add(code);
    }
    if (!r.clean) continue;
    changes.upsert(
      existing.get(code),
      fields,
      () => ({ id: randomUUID(), code, status: 'active', ...fields, sector: fields.sector ?? 'healthcare' }),
      { row: row.row, key: code },
    );
  }
  return changes.plan(problems);
};
