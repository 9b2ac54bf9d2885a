import { randomUUID } from 'node:crypto';
import type { ParsedInput } from '../../shared/contract.ts';
import type { AppealCategory, AppealChannel, AppealStatus, LegalKind } from '../../shared/vocabulary.ts';
import { addDays, parseDate } from '../dates.ts';
import { refuse } from '../errors.ts';
import { tengeField } from '../money.ts';
import { requireOrg } from '../orgs/orgs.ts';
import { inTransaction, nowIso, today, type Register, type Tx } from '../register.ts';
import { readSettings } from '../settings/settings.ts';
import { isRemovedNumber, removedAppealSeq } from '../removed/removed.ts';
import { checkAppealRow, refuseFirst } from '../validation/index.ts';

export interface Appeal {
  id: string;
  year: number;
  regNo: string;
  receivedOn: string;
  channel: AppealChannel;
  applicant: string;
  applicantKind: 'individual' | 'collective';
  signatories: number | null;
  memberIin: string | null;
  orgCode: string | null;
  category: AppealCategory;
  summary: string | null;
  assignee: string | null;
  status: AppealStatus;
  onControl: boolean;
  outcome: string | null;
  closedOn: string | null;
  economicEffectTiyn: number | null;
  legalKind: LegalKind | null;
  legalSumTiyn: number | null;
  dueOn: string;
  /** At headquarters: the branch whose journal the appeal is in. */
  branch?: string;
}

export function appealFromRow(r: Record<string, unknown>): Appeal {
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    id: String(r.id),
    year: Number(r.year),
    regNo: String(r.reg_no),
    receivedOn: String(r.received_on),
    channel: r.channel as AppealChannel,
    applicant: String(r.applicant),
    applicantKind: r.applicant_kind as Appeal['applicantKind'],
    signatories: n(r.signatories),
    memberIin: (r.member_iin as string | null) ?? null,
    orgCode: (r.org_code as string | null) ?? null,
    category: r.category as AppealCategory,
    summary: (r.summary as string | null) ?? null,
    assignee: (r.assignee as string | null) ?? null,
    status: r.status as AppealStatus,
    onControl: Number(r.on_control) === 1,
    outcome: (r.outcome as string | null) ?? null,
    closedOn: (r.closed_on as string | null) ?? null,
    economicEffectTiyn: n(r.economic_effect_tiyn),
    legalKind: (r.legal_kind as LegalKind | null) ?? null,
    legalSumTiyn: n(r.legal_sum_tiyn),
    dueOn: String(r.due_on),
    ...(r.branch_code ? { branch: String(r.branch_code) } : {}),
  };
}

function appealQuery(db: Tx) {
  return db('appeals as a')
    .leftJoin('members as m', 'm.id', 'a.member_id')
    .leftJoin('orgs as o', 'o.id', 'a.org_id')
    .select('a.*', 'm.iin as member_iin', 'o.code as org_code');
}

/** Registration numbers look like `2024/017`; the running part is kept to assign the next one. */
export function regSeqOf(regNo: string): number | null {
  const match = /(\d+)\s*$/.exec(regNo);
  return match ? Number(match[1]) : null;
}

export function formatRegNo(year: number, seq: number): string {
  return `${year}/${String(seq).padStart(3, '0')}`;
}

export async function findAppeal(db: Tx, year: number, regNo: string): Promise<Appeal | null> {
  const row = await appealQuery(db).where({ 'a.year': year, 'a.reg_no': regNo }).first();
  return row ? appealFromRow(row) : null;
}

export async function requireAppeal(db: Tx, year: number, regNo: string): Promise<Appeal> {
  const appeal = await findAppeal(db, year, regNo);
  if (!appeal) refuse('appeal.not_found', { regNo, year });
  return appeal;
}

async function memberIdOf(db: Tx, iin: string | undefined): Promise<string | null | undefined> {
  if (iin === undefined) return undefined;
  if (iin === '') return null;
  const row: { id: string } | undefined = await db('members').where({ iin }).first('id');
  if (!row) refuse('appeal.member_not_found', { field: 'memberIin', iin });
  return row.id;
}

export async function addAppeal(reg: Register, input: ParsedInput<'appeals.add'>): Promise<Appeal> {
  const receivedOn = parseDate(input.receivedOn, 'receivedOn');
  const year = Number(receivedOn.slice(0, 4));
  return inTransaction(reg, async (trx) => {
    const settings = await readSettings(trx);
    let regNo = input.regNo;
    if (!regNo) {
      // numbers of removed appeals are never given again
      const max = await trx('appeals').where({ year }).max<{ seq: number | null }[]>({ seq: 'reg_seq' });
      regNo = formatRegNo(year, Math.max(Number(max[0]?.seq ?? 0), await removedAppealSeq(trx, year)) + 1);
    } else if (await isRemovedNumber(trx, year, regNo)) {
      refuse('appeal.number_removed', { regNo, year });
    } else if (await findAppeal(trx, year, regNo)) {
      refuse('appeal.duplicate_reg_no', { field: 'regNo', regNo, year });
    }
    const dueOn = input.dueOn ? parseDate(input.dueOn, 'dueOn') : addDays(receivedOn, settings.appealDueDays);
    const row = {
      reg_no: regNo,
      received_on: receivedOn,
      channel: input.channel,
      applicant: input.applicant,
      applicant_kind: input.applicantKind,
      signatories: input.signatories ?? null,
      category: input.category,
      summary: input.summary || null,
      assignee: input.assignee || null,
      status: input.status,
      legal_kind: input.legalKind ?? null,
      legal_sum_tiyn: input.legalSum === undefined ? null : tengeField(input.legalSum, 'legalSum'),
      due_on: dueOn,
    };
    refuseFirst(checkAppealRow(row, { today: today(reg) }));
    const now = nowIso(reg);
    const id = randomUUID();
    await trx('appeals').insert({
      id,
      year,
      reg_no: regNo,
      reg_seq: regSeqOf(regNo),
      received_on: receivedOn,
      channel: input.channel,
      applicant: input.applicant,
      applicant_kind: input.applicantKind,
      signatories: input.signatories ?? null,
      member_id: (await memberIdOf(trx, input.memberIin)) ?? null,
      org_id: input.orgCode ? (await requireOrg(trx, input.orgCode)).id : null,
      category: input.category,
      summary: input.summary || null,
      assignee: input.assignee || null,
      status: input.status,
      on_control: input.onControl ? 1 : 0,
      legal_kind: input.legalKind ?? null,
      legal_sum_tiyn: row.legal_sum_tiyn,
      due_on: dueOn,
      created_at: now,
      updated_at: now,
    });
    return (await findAppeal(trx, year, regNo))!;
  });
}

/** Edits any field of an open appeal; a closed one is reopened first (with a reason). */
export async function updateAppeal(reg: Register, input: ParsedInput<'appeals.update'>): Promise<Appeal> {
  return inTransaction(
    reg,
    async (trx) => {
      const appeal = await requireAppeal(trx, input.year, input.regNo);
      if (appeal.status === 'closed') refuse('appeal.closed_edit', { regNo: input.regNo });
      const receivedOn = input.receivedOn ? parseDate(input.receivedOn, 'receivedOn') : undefined;
      if (receivedOn && Number(receivedOn.slice(0, 4)) !== appeal.year) {
        refuse('appeal.year_change', { field: 'receivedOn' });
      }
      const patch = Object.fromEntries(
        Object.entries({
          received_on: receivedOn,
          channel: input.channel,
          applicant: input.applicant,
          applicant_kind: input.applicantKind,
          signatories: input.signatories,
          member_id: await memberIdOf(trx, input.memberIin),
          org_id: input.orgCode ? (await requireOrg(trx, input.orgCode)).id : undefined,
          category: input.category,
          summary: input.summary,
          assignee: input.assignee,
          status: input.status,
          on_control: input.onControl === undefined ? undefined : input.onControl ? 1 : 0,
          due_on: input.dueOn ? parseDate(input.dueOn, 'dueOn') : undefined,
          legal_kind: input.legalKind,
          legal_sum_tiyn: input.legalSum === undefined ? undefined : tengeField(input.legalSum, 'legalSum'),
        }).filter(([, v]) => v !== undefined),
      );
      const stored: Record<string, unknown> = await trx('appeals').where({ id: appeal.id }).first();
      refuseFirst(checkAppealRow({ ...stored, ...patch }, { today: today(reg) }));
      await trx('appeals')
        .where({ id: appeal.id })
        .update({ ...patch, updated_at: nowIso(reg) });
      return (await findAppeal(trx, input.year, input.regNo))!;
    },
    { reason: input.reason ?? null },
  );
}

export async function closeAppeal(reg: Register, input: ParsedInput<'appeals.close'>): Promise<Appeal> {
  const closedOn = parseDate(input.closedOn, 'closedOn');
  return inTransaction(reg, async (trx) => {
    const appeal = await requireAppeal(trx, input.year, input.regNo);
    const patch = {
      status: 'closed',
      closed_on: closedOn,
      outcome: input.outcome ?? appeal.outcome,
      economic_effect_tiyn:
        input.economicEffect === undefined
          ? appeal.economicEffectTiyn
          : tengeField(input.economicEffect, 'economicEffect'),
    };
    const stored: Record<string, unknown> = await trx('appeals').where({ id: appeal.id }).first();
    refuseFirst(checkAppealRow({ ...stored, ...patch }, { today: today(reg) }));
    await trx('appeals')
      .where({ id: appeal.id })
      .update({ ...patch, updated_at: nowIso(reg) });
    return (await findAppeal(trx, input.year, input.regNo))!;
  });
}

export async function listAppeals(reg: Register, input: ParsedInput<'appeals.list'>): Promise<Appeal[]> {
  const q = appealQuery(reg.db).orderBy(['a.year', 'a.reg_seq', 'a.reg_no']);
  if (input.year) q.where('a.year', input.year);
  if (input.status) q.where('a.status', input.status);
  if (input.category) q.where('a.category', input.category);
  if (input.onControl !== undefined) q.where('a.on_control', input.onControl ? 1 : 0);
  if (input.overdue) q.whereNot('a.status', 'closed').where('a.due_on', '<', today(reg));
  if (input.open) q.whereNot('a.status', 'closed');
  if (input.orgCode) q.where('o.code', input.orgCode);
  const rows: Array<Record<string, unknown>> = await q;
  return rows.map(appealFromRow);
}
