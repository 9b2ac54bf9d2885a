import { randomUUID } from 'node:crypto';
import { SECTORS } from '../../../shared/vocabulary.ts';
import type { RowProblem } from '../../errors.ts';
import { binProblem, ID_PROBLEM_TEXT } from '../../ids/iin.ts';
import { RowReader, SECTOR_WORDS } from '../row-reader.ts';
import { TableChanges, type Planner } from './types.ts';

export const planOrgs: Planner = async (trx, table) => {
  const problems: RowProblem[] = [];
  const existing = new Map<string, Record<string, unknown>>(
    (await trx('orgs').select('*')).map((r: Record<string, unknown>) => [String(r.code), r]),
  );
  const seen = new Map<string, number>();
  const changes = new TableChanges('orgs');
  for (const row of table.rows) {
    const r = new RowReader('orgs', row, problems);
    const code = r.required('code');
    const bin = r.text('bin');
    if (bin && binProblem(bin)) {
      const p = binProblem(bin)!;
      r.problem('bin', `BIN ${bin} ${ID_PROBLEM_TEXT[p].en}`, `БИН ${bin} ${ID_PROBLEM_TEXT[p].ru}`);
    }
    const fields = {
      name: r.required('name'),
      short_name: r.text('short_name'),
      bin,
      sector:
        table.columns.includes('sector') && r.text('sector')
          ? r.choice('sector', SECTORS, SECTOR_WORDS)
          : 'healthcare',
      headcount: r.integer('headcount'),
      chair_name: r.text('chair'),
      chair_phone: r.text('phone'),
      address: r.text('address'),
    };
    if (code && seen.has(code)) {
      r.problem(
        'code',
        `code ${code} repeats row ${seen.get(code)}`,
        `код ${code} уже встречался в строке ${seen.get(code)}`,
      );
    }
    if (code) seen.set(code, row.row);
    changes.upsert(existing.get(code), fields, () => ({
      id: randomUUID(),
      code,
      status: 'active',
      ...fields,
    }));
  }
  return changes.plan(problems);
};
