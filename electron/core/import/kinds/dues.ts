import { randomUUID } from 'node:crypto';
import { quarterLabel, quarterOfMonth } from '../../dates.ts';
import { closedQuarters } from '../../dues/quarters.ts';
import type { RowProblem } from '../../errors.ts';
import { RowReader } from '../row-reader.ts';
import { TableChanges, type Planner } from './types.ts';

/** Remittances; a row matches an existing one by PPO, month and document number. */
export const planDues: Planner = async (trx, table) => {
  const problems: RowProblem[] = [];
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
  const changes = new TableChanges('dues_remittances');
  for (const row of table.rows) {
    const r = new RowReader('dues', row, problems);
    const orgCode = r.required('org_code');
    const orgId = orgCode ? orgs.get(orgCode) : undefined;
    if (orgCode && !orgId) r.problem('org_code', `no PPO with code ${orgCode}`, `нет ППО с кодом ${orgCode}`);
    const month = r.month('month');
    const fields = {
      members_count: r.integer('members'),
      payroll_tiyn: r.money('payroll'),
      received_tiyn: r.money('received', true),
      received_on: r.date('received_on'),
      doc_no: r.text('doc_no'),
    };
    if (month && closed.has(quarterLabel(quarterOfMonth(month)))) {
      r.problem(
        'month',
        `quarter ${quarterLabel(quarterOfMonth(month))} is closed`,
        `квартал ${quarterLabel(quarterOfMonth(month))} закрыт`,
      );
    }
    if (!orgId || !month || fields.received_tiyn === null) continue;
    const key = keyOf(orgId, month, fields.doc_no, fields.received_tiyn);
    if (seen.has(key))
      r.problem(
        'doc_no',
        `the same remittance is in row ${seen.get(key)}`,
        `то же поступление уже есть в строке ${seen.get(key)}`,
      );
    seen.set(key, row.row);
    changes.upsert(byKey.get(key), fields, () => ({
      id: randomUUID(),
      org_id: orgId,
      month,
      months_covered: 1,
      ...fields,
    }));
  }
  return changes.plan(problems);
};
