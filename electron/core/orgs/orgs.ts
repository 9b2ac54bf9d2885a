import { randomUUID } from 'node:crypto';
import { compareNames, searchWords, type UiLanguage } from '../../shared/collation.ts';
import type { ParsedInput } from '../../shared/contract.ts';
import type { OrgCloseReason, Sector } from '../../shared/vocabulary.ts';
import { parseDate } from '../dates.ts';
import { refuse } from '../errors.ts';
import { formatDate } from '../../shared/format.ts';
import { inTransaction, nowIso, today, type Register, type Tx } from '../register.ts';
import { checkOrgRow, futureProblem, refuseFirst } from '../validation/index.ts';

export interface Org {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  bin: string | null;
  sector: Sector;
  address: string | null;
  chairName: string | null;
  chairPhone: string | null;
  headcount: number | null;
  registeredOn: string | null;
  status: 'active' | 'closed';
  closedOn: string | null;
  closeReason: OrgCloseReason | null;
  mergedIntoId: string | null;
}

export interface OrgRow {
  id: string;
  code: string;
  name: string;
  short_name: string | null;
  bin: string | null;
  sector: Sector;
  address: string | null;
  chair_name: string | null;
  chair_phone: string | null;
  headcount: number | null;
  registered_on: string | null;
  status: 'active' | 'closed';
  closed_on: string | null;
  close_reason: OrgCloseReason | null;
  merged_into_id: string | null;
}

export function orgFromRow(r: OrgRow): Org {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    bin: r.bin,
    sector: r.sector,
    address: r.address,
    chairName: r.chair_name,
    chairPhone: r.chair_phone,
    headcount: r.headcount,
    registeredOn: r.registered_on,
    status: r.status,
    closedOn: r.closed_on,
    closeReason: r.close_reason,
    mergedIntoId: r.merged_into_id,
  };
}

export async function findOrg(db: Tx, code: string): Promise<Org | null> {
  const row: OrgRow | undefined = await db('orgs').where({ code }).first();
  return row ? orgFromRow(row) : null;
}

export async function requireOrg(db: Tx, code: string): Promise<Org> {
  const org = await findOrg(db, code);
  if (!org) refuse('org.not_found', { code });
  return org;
}

export async function requireActiveOrg(db: Tx, code: string): Promise<Org> {
  const org = await requireOrg(db, code);
  if (org.status !== 'active') refuse('org.closed', { code, closedOn: formatDate(org.closedOn) });
  return org;
}

type OrgFields = Omit<ParsedInput<'orgs.update'>, 'code'>;

function orgColumns(input: OrgFields): Partial<OrgRow> {
  const columns: Partial<OrgRow> = {
    name: input.name,
    short_name: input.shortName,
    bin: input.bin,
    sector: input.sector,
    address: input.address,
    chair_name: input.chairName,
    chair_phone: input.chairPhone,
    headcount: input.headcount,
    registered_on: input.registeredOn ? parseDate(input.registeredOn, 'registeredOn') : undefined,
  };
  return Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined));
}

async function otherCodes(trx: Tx, exceptId?: string): Promise<string[]> {
  const rows: Array<{ id: string; code: string }> = await trx('orgs').select('id', 'code');
  return rows.filter((r) => r.id !== exceptId).map((r) => r.code);
}

/** A new PPO: its code unique and unlike any other's, checked and written in one transaction. */
export async function createOrg(reg: Register, input: ParsedInput<'orgs.create'>): Promise<Org> {
  const columns = orgColumns(input);
  return inTransaction(reg, async (trx) => {
    if (await findOrg(trx, input.code)) refuse('org.duplicate_code', { code: input.code });
    const row = { ...columns, code: input.code, status: 'active' };
    refuseFirst(checkOrgRow(row, { today: today(reg), otherCodes: await otherCodes(trx) }));
    const now = nowIso(reg);
    await trx('orgs').insert({ ...row, id: randomUUID(), created_at: now, updated_at: now });
    return (await findOrg(trx, input.code))!;
  });
}

export async function updateOrg(reg: Register, input: ParsedInput<'orgs.update'>): Promise<Org> {
  const columns = orgColumns(input);
  return inTransaction(reg, async (trx) => {
    const org = await requireOrg(trx, input.code);
    const stored: OrgRow = await trx('orgs').where({ id: org.id }).first();
    refuseFirst(checkOrgRow({ ...stored, ...columns }, { today: today(reg) }));
    if (Object.keys(columns).length > 0) {
      await trx('orgs')
        .where({ id: org.id })
        .update({ ...columns, updated_at: nowIso(reg) });
    }
    return (await findOrg(trx, input.code))!;
  });
}

/**
 * Closing a PPO with active members would leave them nowhere: they are transferred or exit first. The
 * count and the closing are one transaction, so an admission at the same moment either comes first (and
 * the closing is refused) or finds the PPO closed.
 */
export async function closeOrg(reg: Register, input: ParsedInput<'orgs.close'>): Promise<Org> {
  const closedOn = parseDate(input.closedOn, 'closedOn');
  refuseFirst([futureProblem(closedOn, today(reg), 'closedOn')]);
  if (input.reason === 'merged') {
    if (!input.mergedInto) refuse('org.merge_target_required', { field: 'mergedInto' });
    if (input.mergedInto === input.code) refuse('org.merge_into_self', { field: 'mergedInto' });
  }
  return inTransaction(reg, async (trx) => {
    const org = await requireActiveOrg(trx, input.code);
    if (org.registeredOn && closedOn < org.registeredOn)
      refuse('org.closed_before_registered', {
        closedOn: formatDate(closedOn),
        registeredOn: formatDate(org.registeredOn),
      });
    const mergedIntoId =
      input.reason === 'merged' ? (await requireActiveOrg(trx, input.mergedInto!)).id : null;
    const active = await trx('members')
      .where({ org_id: org.id, status: 'active' })
      .count<{ n: number }[]>({ n: '*' });
    const n = Number(active[0]?.n ?? 0);
    if (n > 0) refuse('org.has_members', { code: org.code, count: n });
    await trx('orgs')
      .where({ id: org.id })
      .update({
        status: 'closed',
        closed_on: closedOn,
        close_reason: input.reason,
        merged_into_id: mergedIntoId,
        updated_at: nowIso(reg),
      });
    return (await findOrg(trx, input.code))!;
  });
}

/** A PPO closed by mistake (or revived) is reopened with the reason; its closing stays in the history. */
export async function reopenOrg(reg: Register, input: ParsedInput<'orgs.reopen'>): Promise<Org> {
  return inTransaction(
    reg,
    async (trx) => {
      const org = await requireOrg(trx, input.code);
      if (org.status !== 'closed') refuse('org.not_closed', { code: input.code });
      await trx('orgs')
        .where({ id: org.id })
        .update({
          status: 'active',
          closed_on: null,
          close_reason: null,
          merged_into_id: null,
          updated_at: nowIso(reg),
        });
      return (await findOrg(trx, input.code))!;
    },
    { reason: input.reason },
  );
}

export interface OrgListItem extends Org {
  activeMembers: number;
  /** At headquarters: the branch whose snapshot the PPO is in. */
  branch?: string;
}

export async function listOrgs(reg: Register, input: ParsedInput<'orgs.list'>): Promise<OrgListItem[]> {
  const q = reg
    .db('orgs')
    .select('orgs.*')
    .select(
      reg.db.raw(
        "(SELECT count(*) FROM members m WHERE m.org_id = orgs.id AND m.status = 'active') AS active_members",
      ),
    );
  if (input.status) q.where('orgs.status', input.status);
  if (input.sector) q.where('orgs.sector', input.sector);
  // search_fold is the shared fold (collation.ts), registered on every connection by the SQLite client.
  for (const word of searchWords(input.search ?? ''))
    q.whereRaw(
      "instr(search_fold(orgs.code || ' ' || orgs.name || ' ' || coalesce(orgs.short_name, '') || ' ' || coalesce(orgs.bin, '')), ?) > 0",
      [word],
    );
  const rows: Array<OrgRow & { active_members: number; branch_code?: string }> = await q;
  return rows
    .map((r) => ({
      ...orgFromRow(r),
      activeMembers: Number(r.active_members),
      ...(r.branch_code ? { branch: r.branch_code } : {}),
    }))
    .sort((a, b) => compareNames(a.code, b.code, input.language as UiLanguage));
}
