import { randomUUID } from 'node:crypto';
import type { ParsedInput } from '../../shared/contract.ts';
import { searchWords } from '../../shared/collation.ts';
import type { ExitReason, StaffCategory } from '../../shared/vocabulary.ts';
import { parseDate } from '../dates.ts';
import { refuse } from '../errors.ts';
import { decodeIin } from '../ids/iin.ts';
import { requireActiveOrg } from '../orgs/orgs.ts';
import { inTransaction, nowIso, today, type Register, type Tx } from '../register.ts';
import {
  checkMemberEvent,
  checkMemberRow,
  futureProblem,
  MEMBERSHIP_EVENT_KINDS,
  refuseFirst,
} from '../validation/index.ts';
import {
  countsSql,
  deriveState,
  type MemberEvent,
  type MemberEventKind,
  type MemberState,
} from './history.ts';
import { listBranchMembers } from './list.ts';
import { readSettings } from '../settings/settings.ts';

export interface Member {
  id: string;
  iin: string;
  surname: string;
  givenName: string;
  patronymic: string | null;
  birthDate: string;
  sex: 'male' | 'female';
  position: string | null;
  category: StaffCategory;
  phone: string | null;
  cardNo: string | null;
  orgId: string;
  orgCode: string;
  status: MemberState['status'];
  joinedOn: string;
  exitedOn: string | null;
  /** At headquarters: the branch whose snapshot the record is in. */
  branch?: string;
}

export interface MemberRow {
  id: string;
  iin: string;
  surname: string;
  given_name: string;
  patronymic: string | null;
  birth_date: string;
  sex: 'male' | 'female';
  position: string | null;
  category: StaffCategory;
  phone: string | null;
  card_no: string | null;
  org_id: string;
  org_code: string;
  status: MemberState['status'];
  joined_on: string;
  exited_on: string | null;
  branch_code?: string;
}

export function memberFromRow(r: MemberRow): Member {
  return {
    id: r.id,
    iin: r.iin,
    surname: r.surname,
    givenName: r.given_name,
    patronymic: r.patronymic,
    birthDate: r.birth_date,
    sex: r.sex,
    position: r.position,
    category: r.category,
    phone: r.phone,
    cardNo: r.card_no,
    orgId: r.org_id,
    orgCode: r.org_code,
    status: r.status,
    joinedOn: r.joined_on,
    exitedOn: r.exited_on,
    ...(r.branch_code ? { branch: r.branch_code } : {}),
  };
}

/** The columns a Member is made of: not the stored sort keys and search text (long, and list-only). */
export const MEMBER_COLUMNS = [
  'id',
  'iin',
  'surname',
  'given_name',
  'patronymic',
  'birth_date',
  'sex',
  'position',
  'category',
  'phone',
  'card_no',
  'org_id',
  'status',
  'joined_on',
  'exited_on',
].map((c) => `members.${c}`);

function memberQuery(db: Tx) {
  return db('members')
    .join('orgs', 'orgs.id', 'members.org_id')
    .select(...MEMBER_COLUMNS, 'orgs.code as org_code');
}

export async function findMember(db: Tx, iin: string): Promise<Member | null> {
  const row: MemberRow | undefined = await memberQuery(db).where('members.iin', iin).first();
  return row ? memberFromRow(row) : null;
}

export async function requireMember(db: Tx, iin: string): Promise<Member> {
  const member = await findMember(db, iin);
  if (!member) refuse('member.not_found', { iin });
  return member;
}

async function requireActiveMember(db: Tx, iin: string): Promise<Member> {
  const member = await requireMember(db, iin);
  if (member.status !== 'active') refuse('member.not_active', { iin });
  return member;
}

export interface EventInput {
  kind: MemberEventKind;
  orgId: string;
  eventDate: string;
  applicationDate?: string | null;
  decisionBody?: string | null;
  decisionNo?: string | null;
  decisionDate?: string | null;
  reason?: string | null;
  counterpartOrgId?: string | null;
  counterpartBranch?: string | null;
  note?: string | null;
  /** On an `annulled` event: the event it annuls. */
  annulsEventId?: string | null;
}

/** Appends events to a member's history and refreshes the derived status in the same transaction. */
export async function appendEvents(
  trx: Tx,
  memberId: string,
  events: EventInput[],
  now: string,
): Promise<void> {
  const last = await trx('member_events')
    .where({ member_id: memberId })
    .max<{ seq: number | null }[]>({ seq: 'seq' });
  let seq = Number(last[0]?.seq ?? 0);
  for (const e of events) {
    seq += 1;
    await trx('member_events').insert({
      id: randomUUID(),
      member_id: memberId,
      seq,
      kind: e.kind,
      org_id: e.orgId,
      event_date: e.eventDate,
      application_date: e.applicationDate ?? null,
      decision_body: e.decisionBody ?? null,
      decision_no: e.decisionNo ?? null,
      decision_date: e.decisionDate ?? null,
      reason: e.reason ?? null,
      counterpart_org_id: e.counterpartOrgId ?? null,
      counterpart_branch: e.counterpartBranch ?? null,
      note: e.note ?? null,
      annuls_event_id: e.annulsEventId ?? null,
      created_at: now,
    });
  }
  await refreshState(trx, memberId, now);
}

/** A member's events as `deriveState` and the order checks read them (annulled ones included, marked). */
export async function memberEvents(trx: Tx, memberId: string): Promise<Required<MemberEvent>[]> {
  const rows: Array<{
    id: string;
    seq: number;
    kind: MemberEventKind;
    org_id: string;
    event_date: string;
    annuls_event_id: string | null;
  }> = await trx('member_events')
    .where({ member_id: memberId })
    .orderBy('seq')
    .select('id', 'seq', 'kind', 'org_id', 'event_date', 'annuls_event_id');
  return rows.map((r) => ({
    id: r.id,
    seq: Number(r.seq),
    kind: r.kind,
    orgId: r.org_id,
    eventDate: r.event_date,
    annuls: r.annuls_event_id,
  }));
}

export async function refreshState(trx: Tx, memberId: string, now: string): Promise<void> {
  const state = deriveState(await memberEvents(trx, memberId));
  await trx('members').where({ id: memberId }).update({
    status: state.status,
    org_id: state.orgId,
    joined_on: state.joinedOn,
    exited_on: state.exitedOn,
    updated_at: now,
  });
}

/** The event as the register stores it, for the row checks of `validation/rows.ts`. */
function eventRow(e: EventInput): Record<string, unknown> {
  return {
    kind: e.kind,
    event_date: e.eventDate,
    application_date: e.applicationDate ?? null,
    decision_body: e.decisionBody ?? null,
    decision_no: e.decisionNo ?? null,
    decision_date: e.decisionDate ?? null,
    reason: e.reason ?? null,
    note: e.note ?? null,
  };
}

/**
 * The member's last membership event that counts (admission, exit, transfer; an annulled one does not): a
 * new one may not precede it.
 */
async function lastMembershipEvent(trx: Tx, memberId: string): Promise<Record<string, unknown> | null> {
  const row = await trx('member_events')
    .where({ member_id: memberId })
    .whereIn('kind', [...MEMBERSHIP_EVENT_KINDS])
    .whereRaw(countsSql('member_events'))
    .orderBy('seq', 'desc')
    .first('kind', 'event_date');
  return (row as Record<string, unknown> | undefined) ?? null;
}

/**
 * Checks new events of a member against the last one in the register and each other: dates real and not
 * in the future, decision after application, in order, and for an admission the age rules.
 */
async function checkNewEvents(
  reg: Register,
  trx: Tx,
  member: { id?: string; iin: string },
  events: EventInput[],
  confirmedMinor = false,
): Promise<void> {
  let previous = member.id ? await lastMembershipEvent(trx, member.id) : null;
  for (const e of events) {
    const row = eventRow(e);
    refuseFirst(checkMemberEvent(row, previous, { today: today(reg), iin: member.iin, confirmedMinor }));
    if ((MEMBERSHIP_EVENT_KINDS as readonly string[]).includes(e.kind)) previous = row;
  }
}

/** Checks an IIN and, when given, that the birth date and sex entered agree with what it encodes. */
export function identityOrThrow(
  iin: string,
  entered: { birthDate?: string | null; sex?: 'male' | 'female' | null },
  reg?: Register,
) {
  const row = { iin, birth_date: entered.birthDate ?? null, sex: entered.sex ?? null };
  const problems = checkMemberRow(row, { today: reg ? today(reg) : '9999-12-31' }).filter((p) =>
    ['iin', 'birth_date', 'sex'].includes(p.column ?? ''),
  );
  refuseFirst(problems);
  return decodeIin(iin)!;
}

/**
 * Admits one person on their own application and a decision. A person who left earlier is readmitted
 * into the same record (one IIN, one history); a person active in the branch is refused. Nobody under 14;
 * under 16 only with `confirmMinor`. The check and the write are one transaction: the same IIN admitted
 * twice at once ends in one admission and one `member.already_active`.
 */
export async function admitMember(reg: Register, input: ParsedInput<'members.admit'>): Promise<Member> {
  const birthDate = input.birthDate ? parseDate(input.birthDate, 'birthDate') : null;
  const facts = identityOrThrow(input.iin, { birthDate, sex: input.sex ?? null }, reg);
  const applicationDate = parseDate(input.applicationDate, 'applicationDate');
  const decisionDate = parseDate(input.decision.date, 'decision.date');
  const admittedOn = input.admittedOn ? parseDate(input.admittedOn, 'admittedOn') : decisionDate;
  const person = {
    surname: input.surname,
    given_name: input.givenName,
    patronymic: input.patronymic || null,
    birth_date: facts.birthDate,
    sex: facts.sex,
    position: input.position || null,
    category: input.category,
    phone: input.phone || null,
    card_no: input.cardNo || null,
  };
  refuseFirst(checkMemberRow({ iin: input.iin, ...person }, { today: today(reg) }));
  return inTransaction(reg, async (trx) => {
    if (input.fromBranch) await refuseOwnBranch(trx, input.fromBranch);
    const org = await requireActiveOrg(trx, input.orgCode);
    const existing = await findMember(trx, input.iin);
    if (existing?.status === 'active') {
      refuse('member.already_active', {
        iin: input.iin,
        name: `${existing.surname} ${existing.givenName}`,
        org: existing.orgCode,
      });
    }
    const event: EventInput = {
      kind: input.fromBranch ? 'transferred_from_branch' : 'admitted',
      counterpartBranch: input.fromBranch ?? null,
      orgId: org.id,
      eventDate: admittedOn,
      applicationDate,
      decisionBody: input.decision.body,
      decisionNo: input.decision.number,
      decisionDate,
    };
    await checkNewEvents(reg, trx, { id: existing?.id, iin: input.iin }, [event], input.confirmMinor);
    const now = nowIso(reg);
    let memberId = existing?.id;
    if (memberId) {
      await trx('members')
        .where({ id: memberId })
        .update({ ...person, updated_at: now });
    } else {
      memberId = randomUUID();
      await trx('members').insert({
        ...person,
        id: memberId,
        iin: input.iin,
        org_id: org.id,
        status: 'active',
        joined_on: admittedOn,
        created_at: now,
        updated_at: now,
      });
    }
    await appendEvents(trx, memberId, [event], now);
    return (await findMember(trx, input.iin))!;
  });
}

/** Reasons that rest on the member's own written application. */
const APPLICATION_REASONS: ExitReason[] = ['own_will', 'retirement'];

export async function exitMember(reg: Register, input: ParsedInput<'members.exit'>): Promise<Member> {
  const applicationDate = input.applicationDate ? parseDate(input.applicationDate, 'applicationDate') : null;
  if (!applicationDate && APPLICATION_REASONS.includes(input.reason)) {
    refuse(
      'member.application_required',
      "leaving the union of one's own will or on retirement needs the date of the member's written application",
      'Для выхода по собственному желанию или в связи с выходом на пенсию нужна дата письменного заявления члена профсоюза',
    );
  }
  const decisionDate = parseDate(input.decision.date, 'decision.date');
  const exitedOn = input.exitedOn ? parseDate(input.exitedOn, 'exitedOn') : decisionDate;
  return inTransaction(reg, async (trx) => {
    const member = await requireActiveMember(trx, input.iin);
    const event: EventInput = {
      kind: 'exited',
      orgId: member.orgId,
      eventDate: exitedOn,
      applicationDate,
      decisionBody: input.decision.body,
      decisionNo: input.decision.number,
      decisionDate,
      reason: input.reason,
      note: input.note ?? null,
    };
    await checkNewEvents(reg, trx, member, [event]);
    await appendEvents(trx, member.id, [event], nowIso(reg));
    return (await findMember(trx, input.iin))!;
  });
}

async function refuseOwnBranch(trx: Tx, other: string): Promise<void> {
  const own = (await readSettings(trx)).branchCode;
  if (other === own) {
    refuse(
      'member.same_branch',
      `${other} is this branch's own code; a transfer inside the branch goes to a PPO`,
      `${other} — код этого же филиала; перевод внутри филиала оформляется в другую ППО`,
    );
  }
}

/**
 * A transfer inside the branch is recorded on both sides: out of the old PPO and into the new one, on the
 * same date. To another branch, this branch records only the transfer out and the person leaves its
 * register; the other branch admits them with `fromBranch`, and headquarters pairs the two halves.
 */
export async function transferMember(reg: Register, input: ParsedInput<'members.transfer'>): Promise<Member> {
  const transferredOn = parseDate(input.transferredOn, 'transferredOn');
  const { toOrgCode, toBranch } = input;
  if (!toOrgCode === !toBranch) {
    refuse(
      'member.transfer_target',
      'a transfer goes either to a PPO of this branch or to another branch: give exactly one of them',
      'Укажите одно из двух: ППО этого филиала или другой филиал',
    );
  }
  const shared = {
    eventDate: transferredOn,
    note: input.note ?? null,
    ...(input.decision
      ? {
          decisionBody: input.decision.body,
          decisionNo: input.decision.number,
          decisionDate: parseDate(input.decision.date, 'decision.date'),
        }
      : {}),
  };
  return inTransaction(reg, async (trx) => {
    const member = await requireActiveMember(trx, input.iin);
    let events: EventInput[];
    if (toBranch) {
      await refuseOwnBranch(trx, toBranch);
      events = [
        { kind: 'transferred_to_branch', orgId: member.orgId, counterpartBranch: toBranch, ...shared },
      ];
    } else {
      const target = await requireActiveOrg(trx, toOrgCode!);
      if (target.id === member.orgId) {
        refuse(
          'member.same_org',
          `the member already belongs to PPO ${target.code}`,
          `Член профсоюза уже состоит в ППО ${target.code}`,
        );
      }
      events = [
        { kind: 'transferred_out', orgId: member.orgId, counterpartOrgId: target.id, ...shared },
        { kind: 'transferred_in', orgId: target.id, counterpartOrgId: member.orgId, ...shared },
      ];
    }
    await checkNewEvents(reg, trx, member, events);
    await appendEvents(trx, member.id, events, nowIso(reg));
    return (await findMember(trx, input.iin))!;
  });
}

export async function issueCard(reg: Register, input: ParsedInput<'members.issueCard'>): Promise<Member> {
  const issuedOn = parseDate(input.issuedOn, 'issuedOn');
  refuseFirst([futureProblem(issuedOn, today(reg), 'issuedOn')]);
  return inTransaction(reg, async (trx) => {
    const member = await requireMember(trx, input.iin);
    const now = nowIso(reg);
    await trx('members').where({ id: member.id }).update({ card_no: input.cardNo, updated_at: now });
    await appendEvents(
      trx,
      member.id,
      [{ kind: 'card_issued', orgId: member.orgId, eventDate: issuedOn, note: input.cardNo }],
      now,
    );
    return (await findMember(trx, input.iin))!;
  });
}

export interface MemberHistoryEntry extends MemberEvent {
  id: string;
  /** The annulment that cancelled this event, if one did: its reason and date. */
  annulledBy: { seq: number; reason: string | null; on: string } | null;
  orgCode: string;
  counterpartOrgCode: string | null;
  counterpartBranch: string | null;
  applicationDate: string | null;
  decisionBody: string | null;
  decisionNo: string | null;
  decisionDate: string | null;
  reason: string | null;
  note: string | null;
}

export async function memberHistory(db: Tx, memberId: string): Promise<MemberHistoryEntry[]> {
  const rows: Array<Record<string, string | number | null>> = await db('member_events as e')
    .join('orgs as o', 'o.id', 'e.org_id')
    .leftJoin('orgs as c', 'c.id', 'e.counterpart_org_id')
    .where('e.member_id', memberId)
    .orderBy('e.seq')
    .select('e.*', 'o.code as org_code', 'c.code as counterpart_code');
  const annulments = new Map(
    rows
      .filter((r) => r.kind === 'annulled')
      .map((r) => [
        String(r.annuls_event_id),
        { seq: Number(r.seq), reason: r.note as string | null, on: String(r.event_date) },
      ]),
  );
  return rows.map((r) => ({
    id: String(r.id),
    seq: Number(r.seq),
    kind: r.kind as MemberEventKind,
    annuls: (r.annuls_event_id as string | null) ?? null,
    annulledBy: annulments.get(String(r.id)) ?? null,
    orgId: String(r.org_id),
    orgCode: String(r.org_code),
    counterpartOrgCode: (r.counterpart_code as string | null) ?? null,
    counterpartBranch: (r.counterpart_branch as string | null) ?? null,
    eventDate: String(r.event_date),
    applicationDate: r.application_date as string | null,
    decisionBody: r.decision_body as string | null,
    decisionNo: r.decision_no as string | null,
    decisionDate: r.decision_date as string | null,
    reason: r.reason as string | null,
    note: r.note as string | null,
  }));
}

export async function getMember(reg: Register, iin: string) {
  const member = await requireMember(reg.db, iin);
  return { ...member, history: await memberHistory(reg.db, member.id) };
}

/**
 * A page of the member list, sorted in the alphabet of the UI language by SQL over stored sort keys, so a
 * list of 75,000 answers a keystroke with one page instead of the whole register.
 */
export async function listMembers(
  reg: Register,
  input: ParsedInput<'members.list'>,
): Promise<{ total: number; rows: Member[] }> {
  // At headquarters the keys are the snapshot's, computed when it was merged (exchange/hq-people.ts).
  const atHq = 'hq' in reg;
  if (!atHq) return listBranchMembers(reg, input);
  const q = reg.db('members').join('orgs', 'orgs.id', 'members.org_id');
  if (input.orgCode) q.where('orgs.code', input.orgCode);
  if (input.status) q.where('members.status', input.status);
  if (input.category) q.where('members.category', input.category);
  // Every typed word, folded as the stored text is, anywhere in it: «Сәуле Өмір» finds «Өмірзақова Сәуле».
  for (const word of searchWords(input.search ?? '')) q.whereRaw('instr(members.search_text, ?) > 0', [word]);
  const [{ n }] = (await q.clone().count<{ n: number }[]>({ n: '*' })) as [{ n: number }];
  const sortColumn = input.language === 'kk' ? 'members.sort_key_kk' : 'members.sort_key_ru';
  const page = q
    .select(...MEMBER_COLUMNS, 'orgs.code as org_code', 'members.branch_code')
    .orderBy([sortColumn, 'members.iin']);
  if (input.limit) page.limit(input.limit);
  if (input.offset) page.offset(input.offset).limit(input.limit ?? -1);
  const rows: MemberRow[] = await page;
  return { total: Number(n), rows: rows.map(memberFromRow) };
}
