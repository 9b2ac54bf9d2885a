import { refusal, rowProblem, type RowProblem } from '../errors.ts';
import type { IsoDate } from '../dates.ts';
import { deriveState, effectiveEvents, type MemberEventKind } from '../members/history.ts';
import { checkIdentity, isIdentityProblem } from '../members/identity.ts';
import {
  MEMBERSHIP_EVENT_KINDS,
  asRowProblem,
  checkAppealRow,
  checkDuesLineRow,
  checkMemberEvent,
  checkMemberRow,
  checkOrgRow,
  checkRemittanceRow,
  codeSkeleton,
  type Problem,
} from '../validation/index.ts';
import type { SnapshotTable } from './limits.ts';
import { EXIT_REASON, ROW_RULES, shown } from './row-rules.ts';
import { MAX_PROBLEMS, type Row } from './rows.ts';

/**
 * Every row of a package checked as the branch itself checks what it enters, before anything is written:
 * each value by its column's rule (row-rules.ts: what a stored value may be at all), then by the rules the
 * branch's own door applies to what people type and import (electron/core/validation: text limits and
 * characters, one-script codes unlike each other, dates in order, ages at admission, money), then what
 * only a whole snapshot can tell — ids and the branch's unique keys unique within it, every reference
 * resolved, each person's IIN agreeing with the birth date and sex, each history in order and the stored
 * status equal to what the history gives. One bad row refuses the package; each problem names the table,
 * the row (its line in the file) and the column.
 */
export type Snapshot = Record<SnapshotTable, Row[]>;

class Problems {
  readonly list: RowProblem[] = [];
  count = 0;
  /** One problem per cell: the first rule that finds one is the one worth reading. */
  private readonly cells = new Set<string>();

  add(table: string, index: number, column: string, code: Parameters<typeof rowProblem>[2], params = {}) {
    this.cells.add(`${table}\u0000${index}\u0000${column}`);
    this.count++;
    if (this.list.length < MAX_PROBLEMS)
      this.list.push(rowProblem(index + 1, `${table}.${column}`, code, params));
  }

  /** A problem found by the branch's own row checks, unless that cell has one already. */
  addFound(table: string, index: number, p: Problem) {
    const column = p.column ?? p.field;
    const cell = `${table}\u0000${index}\u0000${column}`;
    if (this.cells.has(cell)) return;
    this.cells.add(cell);
    this.count++;
    if (this.list.length < MAX_PROBLEMS) this.list.push(asRowProblem(p, index + 1, `${table}.${column}`));
  }
}

const key = (v: unknown) => (v === null || v === undefined ? '' : String(v));

function checkValues(snapshot: Snapshot, today: IsoDate, problems: Problems) {
  for (const [table, rules] of Object.entries(ROW_RULES) as Array<
    [SnapshotTable, (typeof ROW_RULES)[SnapshotTable]]
  >) {
    const checks = Object.entries(rules);
    snapshot[table].forEach((row, i) => {
      for (const [column, check] of checks) {
        const p = check(row[column], today);
        if (p) problems.add(table, i, column, p.code, p.params);
      }
    });
  }
}

/**
 * The branch's own door (electron/core/validation), row by row: what the branch refuses when a person types
 * or imports it, headquarters refuses when a package carries it. Stored values the door never sees are
 * left to row-rules.ts: a member's `annulled` status and `annulled` events come from a correction, not a form.
 */
function checkBranchRules(snapshot: Snapshot, today: IsoDate, problems: Problems) {
  // Look-alike codes are compared within one skeleton only: a hostile package of 20,000 PPOs stays linear.
  const bySkeleton = new Map<string, string[]>();
  for (const o of snapshot.orgs) {
    if (typeof o.code !== 'string') continue;
    const k = codeSkeleton(o.code);
    bySkeleton.set(k, [...(bySkeleton.get(k) ?? []), o.code]);
  }
  snapshot.orgs.forEach((o, i) => {
    const otherCodes = typeof o.code === 'string' ? bySkeleton.get(codeSkeleton(o.code)) : [];
    for (const p of checkOrgRow(o, { today, row: i + 1, otherCodes })) problems.addFound('orgs', i, p);
  });
  snapshot.members.forEach((m, i) => {
    const row = m.status === 'annulled' ? { ...m, status: null } : m;
    for (const p of checkMemberRow(row, { today, row: i + 1 })) problems.addFound('members', i, p);
  });
  checkEventsWithBranchRules(snapshot, today, problems);
  const each = (
    table: 'dues_remittances' | 'dues_lines' | 'appeals',
    check: (row: Row, ctx: { today: IsoDate; row: number }) => Problem[],
  ) =>
    snapshot[table].forEach((r, i) => {
      for (const p of check(r, { today, row: i + 1 })) problems.addFound(table, i, p);
    });
  each('dues_remittances', checkRemittanceRow);
  each('dues_lines', checkDuesLineRow);
  each('appeals', checkAppealRow);
}

/**
 * Each event as the branch checked it when it was entered: against the membership event before it that
 * counts (annulled events and their annulments left out, as at the branch), with the age rules of an
 * admission — under 16 taken as confirmed at the branch's door, under 14 refused.
 */
function checkEventsWithBranchRules(snapshot: Snapshot, today: IsoDate, problems: Problems) {
  const iinOf = new Map(snapshot.members.map((m) => [key(m.id), typeof m.iin === 'string' ? m.iin : '']));
  const byMember = new Map<string, Array<{ row: Row; index: number }>>();
  snapshot.member_events.forEach((row, index) => {
    const list = byMember.get(key(row.member_id)) ?? [];
    list.push({ row, index });
    byMember.set(key(row.member_id), list);
  });
  const membership = new Set<string>(MEMBERSHIP_EVENT_KINDS);
  for (const [memberId, list] of byMember) {
    const history = [...list].sort((a, b) => Number(a.row.seq) - Number(b.row.seq));
    const counted = new Set(
      effectiveEvents(
        history.map(({ row }) => ({
          id: key(row.id),
          seq: Number(row.seq),
          kind: row.kind as MemberEventKind,
          orgId: key(row.org_id),
          eventDate: key(row.event_date),
          annuls:
            row.annuls_event_id === null || row.annuls_event_id === undefined
              ? null
              : key(row.annuls_event_id),
        })),
      ).map((e) => e.id),
    );
    let previous: Row | null = null;
    for (const { row, index } of history) {
      if (row.kind === 'annulled') continue;
      const counts = counted.has(key(row.id));
      const found = checkMemberEvent(row, counts ? previous : null, {
        today,
        row: index + 1,
        iin: iinOf.get(memberId),
        confirmedMinor: true,
      });
      for (const p of found) problems.addFound('member_events', index, p);
      if (counts && membership.has(String(row.kind))) previous = row;
    }
  }
}

/** Unique within the snapshot, as the branch's own database keeps them unique. */
function checkUnique(snapshot: Snapshot, problems: Problems) {
  const unique = (table: SnapshotTable, column: string, keyOf: (r: Row) => string | null) => {
    const seen = new Map<string, number>();
    snapshot[table].forEach((r, i) => {
      const k = keyOf(r);
      if (k === null) return;
      const first = seen.get(k);
      if (first === undefined) seen.set(k, i);
      else
        problems.add(table, i, column, 'row.duplicate', {
          value: shown(k.replaceAll('\u0000', ' ')),
          other: first + 1,
        });
    });
  };
  for (const table of Object.keys(ROW_RULES) as SnapshotTable[])
    unique(table, 'id', (r) => (r.id === null || r.id === undefined ? null : key(r.id)));
  unique('orgs', 'code', (r) => key(r.code));
  // Unique active IINs follow: a person has one record in a branch, active or not.
  unique('members', 'iin', (r) => key(r.iin));
  unique('member_events', 'seq', (r) => `${key(r.member_id)}\u0000${key(r.seq)}`);
  unique('dues_rates', 'valid_from', (r) => key(r.valid_from));
  unique('dues_remittances', 'doc_no', (r) =>
    r.doc_no ? `${key(r.org_id)}\u0000${key(r.month)}\u0000${key(r.doc_no)}` : null,
  );
  unique('appeals', 'reg_no', (r) => `${key(r.year)}\u0000${key(r.reg_no)}`);
}

function checkReferences(snapshot: Snapshot, problems: Problems) {
  const ids = Object.fromEntries(
    (Object.keys(snapshot) as SnapshotTable[]).map((t) => [t, new Set(snapshot[t].map((r) => key(r.id)))]),
  ) as Record<SnapshotTable, Set<string>>;
  const ref = (table: SnapshotTable, column: string, target: SnapshotTable, optional = false) =>
    snapshot[table].forEach((r, i) => {
      const v = r[column];
      if ((v === null || v === undefined) && optional) return;
      if (!ids[target].has(key(v)))
        problems.add(table, i, column, 'row.reference', { value: shown(v), target });
    });
  ref('orgs', 'merged_into_id', 'orgs', true);
  ref('members', 'org_id', 'orgs');
  ref('member_events', 'member_id', 'members');
  ref('member_events', 'org_id', 'orgs');
  ref('member_events', 'counterpart_org_id', 'orgs', true);
  ref('member_events', 'annuls_event_id', 'member_events', true);
  ref('dues_remittances', 'org_id', 'orgs');
  ref('dues_lines', 'remittance_id', 'dues_remittances');
  ref('dues_lines', 'member_id', 'members', true);
  ref('appeals', 'org_id', 'orgs', true);
  ref('appeals', 'member_id', 'members', true);
}

const ADMISSIONS = new Set<string>(['admitted', 'imported', 'transferred_from_branch']);

/** Each person: the IIN agrees with birth date and sex; the history begins with an admission, runs in date order, and gives the stored status. */
function checkMembers(snapshot: Snapshot, problems: Problems) {
  const events = new Map<string, Array<{ row: Row; index: number }>>();
  snapshot.member_events.forEach((row, index) => {
    const list = events.get(key(row.member_id)) ?? [];
    list.push({ row, index });
    events.set(key(row.member_id), list);
    if (row.kind === 'exited' && EXIT_REASON(row.reason, ''))
      problems.add('member_events', index, 'reason', 'row.vocabulary', { value: shown(row.reason) });
    if (
      typeof row.application_date === 'string' &&
      typeof row.decision_date === 'string' &&
      row.decision_date < row.application_date
    )
      problems.add('member_events', index, 'decision_date', 'row.before', {
        value: row.decision_date,
        other: row.application_date,
      });
  });
  snapshot.members.forEach((m, i) => {
    if (typeof m.iin === 'string' && typeof m.birth_date === 'string') {
      const facts = checkIdentity(m.iin, {
        birthDate: m.birth_date,
        sex: m.sex === 'male' || m.sex === 'female' ? m.sex : null,
      });
      if (isIdentityProblem(facts)) problems.add('members', i, 'iin', 'row.iin_mismatch', { value: m.iin });
    }
    const history = (events.get(key(m.id)) ?? []).sort((a, b) => Number(a.row.seq) - Number(b.row.seq));
    if (history.length === 0 || !ADMISSIONS.has(String(history[0]!.row.kind))) {
      problems.add('members', i, 'id', 'row.history_start', { value: shown(m.iin) });
      return;
    }
    const personEvents = history.map(({ row, index }) => ({
      id: key(row.id),
      seq: Number(row.seq),
      kind: row.kind as MemberEventKind,
      orgId: key(row.org_id),
      eventDate: key(row.event_date),
      annuls:
        row.annuls_event_id === null || row.annuls_event_id === undefined ? null : key(row.annuls_event_id),
      index,
    }));
    // in order as the branch counts them: annulled events and their annulments left out
    const counted = effectiveEvents(personEvents);
    for (let n = 1; n < counted.length; n++) {
      const before = counted[n - 1]!;
      const e = counted[n]!;
      if (e.eventDate < before.eventDate)
        problems.add('member_events', e.index, 'event_date', 'row.before', {
          value: shown(e.eventDate),
          other: shown(before.eventDate),
        });
    }
    const state = deriveState(personEvents);
    const stored = {
      status: m.status,
      orgId: m.org_id,
      joinedOn: m.joined_on,
      exitedOn: m.exited_on ?? null,
    };
    for (const [field, column] of [
      ['status', 'status'],
      ['orgId', 'org_id'],
      ['joinedOn', 'joined_on'],
      ['exitedOn', 'exited_on'],
    ] as const) {
      if (stored[field] !== state[field])
        problems.add('members', i, column, 'row.history_state', {
          value: shown(stored[field]),
          expected: shown(state[field]),
        });
    }
  });
}

function checkRecords(snapshot: Snapshot, problems: Problems) {
  snapshot.orgs.forEach((o, i) => {
    if (o.status === 'closed' && !o.closed_on) problems.add('orgs', i, 'closed_on', 'row.required');
  });
  snapshot.dues_rates.forEach((r, i) => {
    const sum = Number(r.share_ppo_bp) + Number(r.share_branch_bp) + Number(r.share_central_bp);
    if (sum !== 10_000) problems.add('dues_rates', i, 'share_ppo_bp', 'row.shares', { value: sum / 100 });
  });
  snapshot.appeals.forEach((a, i) => {
    if (typeof a.received_on === 'string' && Number(a.received_on.slice(0, 4)) !== a.year)
      problems.add('appeals', i, 'year', 'row.format', { value: shown(a.year) });
    if (a.status === 'closed' && !a.closed_on) problems.add('appeals', i, 'closed_on', 'row.required');
    if (typeof a.closed_on === 'string' && typeof a.received_on === 'string' && a.closed_on < a.received_on)
      problems.add('appeals', i, 'closed_on', 'row.before', { value: a.closed_on, other: a.received_on });
  });
}

export function validateSnapshot(snapshot: Snapshot, branch: string, today: IsoDate): void {
  const problems = new Problems();
  checkValues(snapshot, today, problems);
  checkBranchRules(snapshot, today, problems);
  checkUnique(snapshot, problems);
  checkReferences(snapshot, problems);
  checkMembers(snapshot, problems);
  checkRecords(snapshot, problems);
  if (problems.count > 0) throw refusal('package.bad_rows', { branch, count: problems.count }, problems.list);
}
