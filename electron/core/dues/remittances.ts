import { randomUUID } from 'node:crypto';
import type { ParsedInput } from '../../shared/contract.ts';
import { parseDate, tryParseMonth, type Month } from '../dates.ts';
import { refuse } from '../errors.ts';
import { tengeField } from '../money.ts';
import { requireOrg } from '../orgs/orgs.ts';
import { inTransaction, nowIso, today, type Register, type Tx } from '../register.ts';
import { listRates, rateOn } from '../settings/settings.ts';
import {
  checkDuesLineRow,
  checkRemittanceRow,
  implausibleRemittance,
  refuseFirst,
} from '../validation/index.ts';
import { assertMonthsOpen } from './quarters.ts';

export interface Remittance {
  id: string;
  orgCode: string;
  month: Month;
  monthsCovered: number;
  membersCount: number | null;
  payrollTiyn: number | null;
  receivedTiyn: number;
  receivedOn: string | null;
  docNo: string | null;
  note: string | null;
  lines: number;
  /** At headquarters: the branch whose snapshot the remittance is in. */
  branch?: string;
}

export function parseMonthOrThrow(text: string, field = 'month'): Month {
  const month = tryParseMonth(text);
  if (!month) refuse('date.invalid_month', { field, value: text });
  return month;
}

/** What the PPO paid per month before (tiyn, one total per month), for the plausibility rule. */
async function monthTotals(trx: Tx, orgId: string, except: Month): Promise<number[]> {
  const rows: Array<{ month: string; total: number; months: number }> = await trx('dues_remittances')
    .where({ org_id: orgId })
    .whereNot({ month: except })
    .groupBy('month')
    .select('month', trx.raw('sum(received_tiyn) AS total'), trx.raw('max(months_covered) AS months'));
  return rows.map((r) => Math.round(Number(r.total) / Math.max(1, Number(r.months))));
}

/**
 * Records one remittance (several per PPO and month are allowed and summed in reports). Every value is
 * checked as a row (month begun, exact tiyn in range, date received not in the future); an amount far
 * above the PPO's payroll or its usual month is refused unless `confirmImplausible`. The duplicate check
 * and the insert are one transaction.
 */
export async function recordRemittance(
  reg: Register,
  input: ParsedInput<'dues.record'>,
): Promise<Remittance> {
  const month = parseMonthOrThrow(input.month);
  const received = tengeField(input.received, 'received');
  const payroll = input.payroll === undefined ? null : tengeField(input.payroll, 'payroll');
  const receivedOn = input.receivedOn ? parseDate(input.receivedOn, 'receivedOn') : null;
  const row = {
    month,
    months_covered: input.monthsCovered,
    members_count: input.membersCount ?? null,
    payroll_tiyn: payroll,
    received_tiyn: received,
    received_on: receivedOn,
    doc_no: input.docNo || null,
    note: input.note || null,
  };
  refuseFirst(checkRemittanceRow(row, { today: today(reg) }));
  const lines = (input.lines ?? []).map((line, i) => {
    const parsed = {
      iin: line.iin,
      full_name: line.fullName ?? null,
      salary_tiyn: line.salary === undefined ? null : tengeField(line.salary, 'salary'),
      withheld_tiyn: tengeField(line.withheld, 'withheld'),
    };
    refuseFirst(checkDuesLineRow(parsed, { today: today(reg), row: i + 1 }));
    return parsed;
  });
  return inTransaction(reg, async (trx) => {
    const org = await requireOrg(trx, input.orgCode);
    await assertMonthsOpen(trx, month, input.monthsCovered);
    if (input.docNo) {
      const dup = await trx('dues_remittances').where({ org_id: org.id, month, doc_no: input.docNo }).first();
      if (dup) refuse('dues.duplicate_document', { org: org.code, month, docNo: input.docNo });
    }
    if (!input.confirmImplausible) {
      const rate = rateOn(await listRates(trx), `${month}-01`);
      refuseFirst([
        implausibleRemittance({
          org: org.code,
          month,
          receivedTiyn: received,
          monthsCovered: input.monthsCovered,
          payrollTiyn: payroll,
          rateBp: rate.rateBp,
          monthTotals: await monthTotals(trx, org.id, month),
        }),
      ]);
    }
    const now = nowIso(reg);
    const id = randomUUID();
    await trx('dues_remittances').insert({
      ...row,
      id,
      org_id: org.id,
      created_at: now,
      updated_at: now,
    });
    for (const line of lines) {
      const member = await trx('members').where({ iin: line.iin }).first('id');
      await trx('dues_lines').insert({
        ...line,
        id: randomUUID(),
        remittance_id: id,
        member_id: member?.id ?? null,
        created_at: now,
        updated_at: now,
      });
    }
    return (await listRemittances(trx, { id }))[0]!;
  });
}

export async function listRemittances(
  db: Tx,
  filter: { id?: string; year?: number; orgCode?: string },
): Promise<Remittance[]> {
  const q = db('dues_remittances as r')
    .join('orgs as o', 'o.id', 'r.org_id')
    .select('r.*', 'o.code as org_code')
    .select(db.raw('(SELECT count(*) FROM dues_lines l WHERE l.remittance_id = r.id) AS line_count'))
    .orderBy(['r.month', 'o.code', 'r.received_on']);
  if (filter.id) q.where('r.id', filter.id);
  if (filter.year) q.where('r.month', 'like', `${filter.year}-%`);
  if (filter.orgCode) q.where('o.code', filter.orgCode);
  const rows: Array<Record<string, string | number | null>> = await q;
  return rows.map((r) => ({
    id: String(r.id),
    orgCode: String(r.org_code),
    month: String(r.month),
    monthsCovered: Number(r.months_covered),
    membersCount: r.members_count === null ? null : Number(r.members_count),
    payrollTiyn: r.payroll_tiyn === null ? null : Number(r.payroll_tiyn),
    receivedTiyn: Number(r.received_tiyn),
    receivedOn: r.received_on as string | null,
    docNo: r.doc_no as string | null,
    note: r.note as string | null,
    lines: Number(r.line_count),
    ...(r.branch_code ? { branch: String(r.branch_code) } : {}),
  }));
}
