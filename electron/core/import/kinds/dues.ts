import { randomUUID } from 'node:crypto';
import { quarterLabel, quarterOfMonth } from '../../dates.ts';
import { closedQuarters } from '../../dues/quarters.ts';
import { checkRemittanceRow } from '../../validation/index.ts';
import { COLUMNS } from '../columns.ts';
import { ProblemList } from '../problems.ts';
import { RowReader } from '../row-reader.ts';
import { TableChanges, type Planner } from './types.ts';

/** The import's columns by the register's. */
const IMPORT_COLUMN: Record<string, string> = {
  members_count: 'members',
  payroll_tiyn: 'payroll',
  received_tiyn: 'received',
};
const label = (column: string) => COLUMNS.dues[IMPORT_COLUMN[column] ?? column]?.ru ?? column;

/**
 * Remittances; a row matches an existing one by PPO, month and document number (or, without a document,
 * by PPO, month and amount). An import loads history: it is not asked whether an amount is plausible.
 */
export const planDues: Planner = async (trx, table, today) => {
  const problems = new ProblemList();
  const orgs = new Map<string, string>(
    (await trx('orgs').select('id', 'code')).map((o: { id: string; code: string }) => [o.code, o.id]),
  );
  const closed = await closedQuarters(trx);
  const existing: Array<Record<string, unknown>> = await trx('dues_remittances').select('*');
  const keyOf = (orgId: string, month: string, docNo: string | null, received: number) =>
    docNo ? `${orgId}|${month}|doc:${docNo}` : `${orgId}|${month}|sum:${received}`;
  const byKey = new Map(
    existing.map((e) => [
      keyOf(String(e.org_id), String(e.month), e.doc_no as string | null, Number(e.received_tiyn)),
      e,
    ]),
  );
  const seen = new Map<string, number>();
  const changes = new TableChanges('dues_remittances', label);
  const has = (column: string) => table.columns.includes(column);
  for (const row of table.rows) {
    const r = new RowReader('dues', row, problems);
    const orgCode = r.required('org_code', 'code');
    const orgId = orgCode ? orgs.get(orgCode) : undefined;
    if (orgCode && !orgId) r.add('org_code', 'org.not_found', { code: orgCode });
    const month = r.month('month');
    const fields = {
      members_count: has('members') ? r.integer('members', 'membersCount') : undefined,
      payroll_tiyn: has('payroll') ? r.money('payroll') : undefined,
      received_tiyn: r.money('received', true),
      received_on: has('received_on') ? r.date('received_on') : undefined,
      doc_no: has('doc_no') ? r.text('doc_no', 'number') : undefined,
    };
    r.check(
      checkRemittanceRow({ month, months_covered: 1, ...fields }, { today, row: row.row }),
      IMPORT_COLUMN,
    );
    if (month && closed.has(quarterLabel(quarterOfMonth(month))))
      r.add('month', 'dues.quarter_closed', { quarter: quarterLabel(quarterOfMonth(month)) });
    if (!orgId || !month || fields.received_tiyn === null) continue;
    const docNo = fields.doc_no ?? null;
    const key = keyOf(orgId, month, docNo, fields.received_tiyn);
    const shownKey = [orgCode, month, docNo ?? ''].filter(Boolean).join(' · ');
    if (seen.has(key)) r.add('doc_no', 'import.repeated_key', { value: shownKey, firstRow: seen.get(key)! });
    seen.set(key, row.row);
    if (!r.clean) continue;
    changes.upsert(
      byKey.get(key),
      fields,
      () => ({ id: randomUUID(), org_id: orgId, month, months_covered: 1, ...fields }),
      { row: row.row, key: shownKey },
    );
  }
  return changes.plan(problems);
};
