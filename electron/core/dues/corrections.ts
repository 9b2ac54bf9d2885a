import type { ParsedInput } from '../../shared/contract.ts';
import { parseDate } from '../dates.ts';
import { refuse } from '../errors.ts';
import { tengeField } from '../money.ts';
import { inTransaction, nowIso, today, type Register, type Tx } from '../register.ts';
import { checkRemittanceRow, refuseFirst } from '../validation/index.ts';
import { keepRemoved, takeRemoved } from '../removed/removed.ts';
import { assertMonthsOpen } from './quarters.ts';
import { listRemittances, type Remittance } from './remittances.ts';

/**
 * Corrections of dues in an open quarter: a remittance's date, document, amounts and note edited; a
 * remittance (with its lines) or one line deleted and kept whole, so that «Отменить» can bring it back with
 * its own id. A closed quarter refuses all of them until it is reopened with a reason.
 */
type Row = Record<string, string | number | null>;

async function requireRemittance(trx: Tx, id: string): Promise<Row> {
  const row: Row | undefined = await trx('dues_remittances').where({ id }).first();
  if (!row) refuse('dues.not_found', { id });
  await assertMonthsOpen(trx, String(row.month), Number(row.months_covered));
  return row;
}

async function refuseDuplicateDocument(trx: Tx, row: Row, docNo: string | null, except: string) {
  if (!docNo) return;
  const dup = await trx('dues_remittances')
    .where({ org_id: row.org_id, month: row.month, doc_no: docNo })
    .whereNot({ id: except })
    .first('id');
  if (dup) {
    const org: { code: string } = await trx('orgs').where({ id: row.org_id }).first('code');
    refuse('dues.duplicate_document', { org: org.code, month: String(row.month), docNo });
  }
}

function changed(patch: Row, stored: Row): Row {
  return Object.fromEntries(Object.entries(patch).filter(([k, v]) => v !== undefined && v !== stored[k]));
}

export async function updateRemittance(
  reg: Register,
  input: ParsedInput<'dues.update'>,
): Promise<Remittance> {
  const patch: Row = Object.fromEntries(
    Object.entries({
      received_tiyn: input.received === undefined ? undefined : tengeField(input.received, 'received'),
      payroll_tiyn:
        input.payroll === undefined
          ? undefined
          : input.payroll === null
            ? null
            : tengeField(input.payroll, 'payroll'),
      members_count: input.membersCount,
      received_on:
        input.receivedOn === undefined
          ? undefined
          : input.receivedOn
            ? parseDate(input.receivedOn, 'receivedOn')
            : null,
      doc_no: input.docNo === undefined ? undefined : input.docNo || null,
      note: input.note === undefined ? undefined : input.note || null,
    }).filter(([, v]) => v !== undefined),
  ) as Row;
  return inTransaction(
    reg,
    async (trx) => {
      const row = await requireRemittance(trx, input.id);
      const diff = changed(patch, row);
      if (Object.keys(diff).length === 0) refuse('dues.nothing_to_change');
      // the corrected remittance obeys the rules of a new one: no date to come, counts and amounts in range
      refuseFirst(checkRemittanceRow({ ...row, ...diff }, { today: today(reg) }));
      if ('doc_no' in diff) await refuseDuplicateDocument(trx, row, diff.doc_no as string | null, input.id);
      await trx('dues_remittances')
        .where({ id: input.id })
        .update({ ...diff, updated_at: nowIso(reg) });
      return (await listRemittances(trx, { id: input.id }))[0]!;
    },
    { reason: input.reason ?? null },
  );
}

/** Deletes a remittance and its lines; returns the id of what was kept, for «Отменить». */
export async function deleteRemittance(reg: Register, input: ParsedInput<'dues.delete'>) {
  return inTransaction(
    reg,
    async (trx) => {
      const row = await requireRemittance(trx, input.id);
      const lines: Row[] = await trx('dues_lines').where({ remittance_id: input.id }).orderBy('id');
      const removalId = await keepRemoved(
        trx,
        reg,
        'dues_remittances',
        input.id,
        { row, lines },
        input.reason ?? null,
      );
      await trx('dues_lines').where({ remittance_id: input.id }).delete();
      await trx('dues_remittances').where({ id: input.id }).delete();
      return { deleted: input.id, removalId };
    },
    { reason: input.reason ?? null },
  );
}

export interface DuesLine {
  id: string;
  remittanceId: string;
  iin: string;
  fullName: string | null;
  memberId: string | null;
  salaryTiyn: number | null;
  withheldTiyn: number;
}

function lineFromRow(r: Row): DuesLine {
  return {
    id: String(r.id),
    remittanceId: String(r.remittance_id),
    iin: String(r.iin),
    fullName: (r.full_name as string | null) ?? null,
    memberId: (r.member_id as string | null) ?? null,
    salaryTiyn: r.salary_tiyn === null ? null : Number(r.salary_tiyn),
    withheldTiyn: Number(r.withheld_tiyn),
  };
}

export async function listLines(db: Tx, remittanceId: string): Promise<DuesLine[]> {
  const rows: Row[] = await db('dues_lines')
    .where({ remittance_id: remittanceId })
    .orderBy(['full_name', 'iin']);
  return rows.map(lineFromRow);
}

async function requireLine(trx: Tx, id: string): Promise<Row> {
  const line: Row | undefined = await trx('dues_lines').where({ id }).first();
  if (!line) refuse('dues.line_not_found', { id });
  await requireRemittance(trx, String(line.remittance_id));
  return line;
}

export async function updateLine(reg: Register, input: ParsedInput<'dues.updateLine'>): Promise<DuesLine> {
  const patch: Row = {
    withheld_tiyn: input.withheld === undefined ? undefined : tengeField(input.withheld, 'withheld'),
    salary_tiyn:
      input.salary === undefined
        ? undefined
        : input.salary === null
          ? null
          : tengeField(input.salary, 'salary'),
    full_name: input.fullName === undefined ? undefined : input.fullName || null,
  } as Row;
  return inTransaction(
    reg,
    async (trx) => {
      const line = await requireLine(trx, input.id);
      const diff = changed(patch, line);
      if (Object.keys(diff).length === 0) refuse('dues.nothing_to_change');
      await trx('dues_lines')
        .where({ id: input.id })
        .update({ ...diff, updated_at: nowIso(reg) });
      return lineFromRow(await trx('dues_lines').where({ id: input.id }).first());
    },
    { reason: input.reason ?? null },
  );
}

export async function deleteLine(reg: Register, input: ParsedInput<'dues.deleteLine'>) {
  return inTransaction(
    reg,
    async (trx) => {
      const line = await requireLine(trx, input.id);
      const removalId = await keepRemoved(trx, reg, 'dues_lines', input.id, { line }, input.reason ?? null);
      await trx('dues_lines').where({ id: input.id }).delete();
      return { deleted: input.id, removalId };
    },
    { reason: input.reason ?? null },
  );
}

/**
 * «Отменить»: brings a deleted remittance (with its lines) or line back, with the same ids, if its quarter
 * is still open and its document number was not taken meanwhile.
 */
export async function restoreDeleted(reg: Register, input: ParsedInput<'dues.restore'>) {
  return inTransaction(
    reg,
    async (trx) => {
      const kept = await takeRemoved<{ row?: Row; lines?: Row[]; line?: Row }>(trx, reg, input.removalId, [
        'dues_remittances',
        'dues_lines',
      ]);
      const now = nowIso(reg);
      if (kept.entity === 'dues_remittances') {
        const row = kept.data.row!;
        await assertMonthsOpen(trx, String(row.month), Number(row.months_covered));
        await refuseDuplicateDocument(trx, row, row.doc_no as string | null, String(row.id));
        await trx('dues_remittances').insert({ ...row, updated_at: now });
        for (const line of kept.data.lines ?? []) await trx('dues_lines').insert(line);
        return { restored: 'remittance' as const, id: String(row.id) };
      }
      const line = kept.data.line!;
      await requireRemittance(trx, String(line.remittance_id));
      await trx('dues_lines').insert({ ...line, updated_at: now });
      return { restored: 'line' as const, id: String(line.id) };
    },
    { reason: input.reason ?? null },
  );
}
