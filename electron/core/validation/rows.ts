import {
  APPEAL_CATEGORY_KEYS,
  APPEAL_CHANNEL_KEYS,
  APPEAL_STATUS_KEYS,
  LEGAL_KIND_KEYS,
  ORG_CLOSE_REASON_KEYS,
  SECTOR_KEYS,
  STAFF_CATEGORY_KEYS,
} from '../../shared/vocabulary.ts';
import { formatDate } from '../../shared/format.ts';
import { isRealDate, type IsoDate } from '../dates.ts';
import { binProblem, decodeIin, iinProblem } from '../ids/iin.ts';
import { countProblem, tiynProblem } from './amounts.ts';
import { admissionAgeProblem, decisionProblem, futureMonthProblem, futureProblem } from './dates.ts';
import { problem, type Problem } from './problems.ts';
import { codeProblem } from './scripts.ts';
import { textProblem, type TextKind } from './text.ts';

/**
 * Row-level checks: one function per kind of row, over the register's own columns (snake_case, as the
 * tables store them and as a package's `data/<table>.jsonl` carries them). Every door uses them — the
 * window's forms and the CLI (through the service, after building the row), imports (after reading each
 * line), and headquarters' merge (every row of a signed package, with headquarters' own `today`).
 *
 *   const problems = checkMemberRow(row, { today: today(reg), row: 7 });
 *   // each: { code, params, field: 'admittedOn', table: 'members', column: 'joined_on', row: 7 }
 *
 * They return every problem of the row (never throw). Text is checked, not normalised: normalise with
 * `normalizeText` at the door (imports and the service do), so a check of stored rows flags only what is
 * really wrong. A form refuses with `refuseFirst(problems)`; an import words each with `asRowProblem`.
 */
export interface RowContext {
  /** The office's today (`today(reg)`), or headquarters' own when it checks a package. */
  today: IsoDate;
  /** The row's number as the caller counts it (a file's row, a package's line). */
  row?: number;
}

type Row = Record<string, unknown>;

/** The register's columns as the contract names them: problems are worded with the field's label. */
const FIELDS: Record<string, Record<string, string>> = {
  orgs: {
    code: 'code',
    name: 'name',
    short_name: 'shortName',
    bin: 'bin',
    sector: 'sector',
    address: 'address',
    chair_name: 'chairName',
    chair_phone: 'chairPhone',
    headcount: 'headcount',
    registered_on: 'registeredOn',
    closed_on: 'closedOn',
    close_reason: 'reason',
    status: 'status',
  },
  members: {
    iin: 'iin',
    surname: 'surname',
    given_name: 'givenName',
    patronymic: 'patronymic',
    birth_date: 'birthDate',
    sex: 'sex',
    position: 'position',
    category: 'category',
    phone: 'phone',
    card_no: 'cardNo',
    status: 'status',
    joined_on: 'admittedOn',
    exited_on: 'exitedOn',
  },
  member_events: {
    application_date: 'applicationDate',
    decision_body: 'decision.body',
    decision_no: 'decision.number',
    decision_date: 'decision.date',
    reason: 'reason',
    note: 'note',
    kind: 'kind',
  },
  dues_remittances: {
    month: 'month',
    months_covered: 'monthsCovered',
    members_count: 'membersCount',
    payroll_tiyn: 'payroll',
    received_tiyn: 'received',
    received_on: 'receivedOn',
    doc_no: 'docNo',
    note: 'note',
  },
  dues_lines: { iin: 'iin', full_name: 'fullName', salary_tiyn: 'salary', withheld_tiyn: 'withheld' },
  appeals: {
    reg_no: 'regNo',
    received_on: 'receivedOn',
    channel: 'channel',
    applicant: 'applicant',
    applicant_kind: 'applicantKind',
    signatories: 'signatories',
    category: 'category',
    summary: 'summary',
    assignee: 'assignee',
    status: 'status',
    outcome: 'outcome',
    closed_on: 'closedOn',
    due_on: 'dueOn',
    economic_effect_tiyn: 'economicEffect',
    legal_kind: 'legalKind',
    legal_sum_tiyn: 'legalSum',
  },
};

/** The contract's field name of a register column (the column itself when the contract has none). */
export function fieldOf(table: string, column: string): string {
  return FIELDS[table]?.[column] ?? column;
}

/** Collects a row's problems, each placed at its table, column and row. */
class RowProblems {
  readonly list: Problem[] = [];
  constructor(
    readonly table: string,
    readonly row: Row,
    readonly ctx: RowContext,
    /** Fields that depend on the row (an event's date is the form's Дата выхода, Дата перевода…). */
    readonly fields: Record<string, string> = {},
  ) {}

  field(column: string): string {
    return this.fields[column] ?? fieldOf(this.table, column);
  }

  add(column: string, found: Problem | null): void {
    if (!found) return;
    this.list.push({ ...found, table: this.table, column, ...(this.ctx.row ? { row: this.ctx.row } : {}) });
  }

  /** The column has a problem already (the first one per column is the one worth reading). */
  has(column: string): boolean {
    return this.list.some((p) => p.column === column);
  }

  value(column: string): unknown {
    return this.row[column];
  }

  text(column: string, kind: TextKind, required = false): string | null {
    const v = this.row[column];
    if (v === null || v === undefined || v === '') {
      if (required) this.add(column, problem('text.required', this.field(column)));
      return null;
    }
    if (typeof v !== 'string') {
      this.add(column, problem('input.not_in_list', this.field(column), { value: String(v) }));
      return null;
    }
    this.add(column, textProblem(v, this.field(column), kind));
    return v;
  }

  /** A stored date: ISO and real; not after today unless `future` is allowed (a due date). */
  date(column: string, options: { required?: boolean; future?: boolean } = {}): IsoDate | null {
    const v = this.row[column];
    if (v === null || v === undefined || v === '') {
      if (options.required) this.add(column, problem('text.required', this.field(column)));
      return null;
    }
    const m = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) : null;
    if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
      this.add(column, problem('date.invalid', this.field(column), { value: String(v) }));
      return null;
    }
    if (!options.future) this.add(column, futureProblem(v as string, this.ctx.today, this.field(column)));
    return v as string;
  }

  choice(column: string, allowed: readonly string[], required = true): string | null {
    const v = this.row[column];
    if (v === null || v === undefined || v === '') {
      if (required) this.add(column, problem('text.required', this.field(column)));
      return null;
    }
    if (typeof v !== 'string' || !allowed.includes(v)) {
      this.add(column, problem('input.not_in_list', this.field(column), { value: String(v) }));
      return null;
    }
    return v;
  }

  money(column: string, required = false): void {
    this.add(column, tiynProblem(this.row[column], this.field(column), required));
  }

  /** `later` (a closing, an exit) not before `earlier`, with the refusal the domain words for it. */
  order(column: string, earlier: IsoDate | null, later: IsoDate | null, found: () => Problem): void {
    if (earlier && later && later < earlier && !this.has(column)) this.add(column, found());
  }
}

/**
 * A PPO row. `otherCodes`: the codes already in the register (or in the package), so that a code that
 * looks the same as another but is typed with other letters (`Р026` beside `P026`) is refused.
 */
export function checkOrgRow(row: Row, ctx: RowContext & { otherCodes?: Iterable<string> }): Problem[] {
  const r = new RowProblems('orgs', row, ctx);
  const code = row.code;
  if (typeof code !== 'string' || code === '') r.add('code', problem('text.required', 'code'));
  else r.add('code', codeProblem(code, 'code', ctx.otherCodes));
  r.text('name', 'orgName', true);
  r.text('short_name', 'name');
  r.text('chair_name', 'name');
  r.text('chair_phone', 'line');
  r.text('address', 'line');
  const bin = r.text('bin', 'number');
  if (bin && binProblem(bin)) r.add('bin', problem('org.invalid_bin', 'bin', { bin }));
  r.choice('sector', SECTOR_KEYS, false);
  r.add('headcount', countProblem(row.headcount, 'headcount', 'headcount'));
  const registeredOn = r.date('registered_on');
  const closedOn = r.date('closed_on');
  r.choice('status', ['active', 'closed'], false);
  r.choice('close_reason', ORG_CLOSE_REASON_KEYS, false);
  r.order('closed_on', registeredOn, closedOn, () =>
    problem('org.closed_before_registered', 'closedOn', {
      closedOn: formatDate(closedOn),
      registeredOn: formatDate(registeredOn),
    }),
  );
  return r.list;
}

/**
 * A member row: a valid IIN whose birth date is not in the future and agrees with `birth_date` and `sex`
 * when they are given; names and the other texts; the category; the dates admitted and exited (real, not
 * in the future, in order, admitted after birth).
 */
export function checkMemberRow(row: Row, ctx: RowContext): Problem[] {
  const r = new RowProblems('members', row, ctx);
  const iin = typeof row.iin === 'string' ? row.iin : '';
  const facts = iinProblem(iin) ? null : decodeIin(iin);
  if (!facts) r.add('iin', problem('member.invalid_iin', 'iin', { iin: String(row.iin ?? '') }));
  r.text('surname', 'name', true);
  r.text('given_name', 'name', true);
  r.text('patronymic', 'name');
  r.text('position', 'line');
  r.text('phone', 'line');
  r.text('card_no', 'number');
  r.choice('category', STAFF_CATEGORY_KEYS);
  r.choice('status', ['active', 'exited'], false);
  const birthDate = r.date('birth_date', { future: true });
  if (facts) {
    if (birthDate && birthDate !== facts.birthDate)
      r.add(
        'birth_date',
        problem('member.iin_birth_date_mismatch', 'birthDate', {
          iin,
          iinBirthDate: formatDate(facts.birthDate),
          birthDate: formatDate(birthDate),
        }),
      );
    if (row.sex !== undefined && row.sex !== null && row.sex !== facts.sex)
      r.add('sex', problem('member.iin_sex_mismatch', 'sex', { iin }));
    if (facts.birthDate > ctx.today)
      r.add(
        'iin',
        problem('member.iin_birth_in_future', 'iin', { iin, birthDate: formatDate(facts.birthDate) }),
      );
  }
  const joinedOn = r.date('joined_on', { required: 'joined_on' in row });
  const exitedOn = r.date('exited_on');
  if (facts && joinedOn && joinedOn < facts.birthDate && !r.has('iin'))
    r.add(
      'joined_on',
      problem('member.admitted_before_birth', 'admittedOn', {
        date: formatDate(joinedOn),
        birthDate: formatDate(facts.birthDate),
      }),
    );
  r.order('exited_on', joinedOn, exitedOn, () =>
    problem('member.event_out_of_order', 'exitedOn', {
      date: formatDate(exitedOn),
      previousDate: formatDate(joinedOn),
    }),
  );
  return r.list;
}

/** Events that change membership; their dates must follow each other. Cards and corrections do not. */
export const MEMBERSHIP_EVENT_KINDS = [
  'admitted',
  'imported',
  'exited',
  'transferred_out',
  'transferred_in',
  'transferred_to_branch',
  'transferred_from_branch',
] as const;
const EVENT_KINDS = [...MEMBERSHIP_EVENT_KINDS, 'card_issued', 'corrected'];
const ADMISSION_KINDS = new Set(['admitted', 'imported', 'transferred_from_branch']);

/** The form field an event's date comes from, for the refusal's wording. */
function eventDateField(kind: unknown): string {
  switch (kind) {
    case 'exited':
      return 'exitedOn';
    case 'transferred_out':
    case 'transferred_in':
    case 'transferred_to_branch':
      return 'transferredOn';
    case 'card_issued':
      return 'issuedOn';
    default:
      return 'admittedOn';
  }
}

export interface EventContext extends RowContext {
  /** The member's IIN; with it the age rules of an admission are checked. */
  iin?: string;
  /**
   * The office confirmed admitting someone under 16 (`--confirm-minor`, the form's checkbox). Packages
   * carry no such flag: headquarters passes `true` (the branch asked at its door) and still refuses anyone
   * admitted before 14.
   */
  confirmedMinor?: boolean;
}

/**
 * One event of a member's history against the membership event before it (`previous`, or null for the
 * first): its dates real and not in the future, the decision not before the application, its date not
 * before the previous membership event's, and for an admission the age rules. Forms check the new event
 * against the last one; a whole history is `checkMemberEvents`.
 */
export function checkMemberEvent(event: Row, previous: Row | null, ctx: EventContext): Problem[] {
  const dateField = eventDateField(event.kind);
  const r = new RowProblems('member_events', event, ctx, { event_date: dateField });
  const kind = r.choice('kind', EVENT_KINDS);
  const eventDate = r.date('event_date', { required: true });
  const applicationDate = r.date('application_date');
  const decisionDate = r.date('decision_date');
  r.text('decision_body', 'line');
  r.text('decision_no', 'number');
  r.text('reason', 'line');
  r.text('note', 'long');
  if (!r.has('decision_date')) r.add('decision_date', decisionProblem(applicationDate, decisionDate));
  const previousDate = typeof previous?.event_date === 'string' ? previous.event_date : null;
  const isMembership = (MEMBERSHIP_EVENT_KINDS as readonly string[]).includes(String(kind));
  if (isMembership && eventDate && previousDate && eventDate < previousDate && !r.has('event_date'))
    r.add(
      'event_date',
      problem('member.event_out_of_order', dateField, {
        date: formatDate(eventDate),
        previousDate: formatDate(previousDate),
      }),
    );
  if (kind && ADMISSION_KINDS.has(kind) && ctx.iin && eventDate && !r.has('event_date')) {
    const facts = iinProblem(ctx.iin) ? null : decodeIin(ctx.iin);
    if (facts)
      r.add(
        'event_date',
        admissionAgeProblem(
          { iin: ctx.iin, birthDate: facts.birthDate },
          eventDate,
          ctx.today,
          ctx.confirmedMinor ?? false,
          dateField,
        ),
      );
  }
  return r.list;
}

/**
 * A member's whole history (rows of `member_events`, any order: sorted by `seq`). Each event is checked
 * against the membership event before it; `rowOf` gives each event's row number (a package's line).
 */
export function checkMemberEvents(
  events: Row[],
  ctx: EventContext & { rowOf?: (event: Row) => number | undefined },
): Problem[] {
  const ordered = [...events].sort((a, b) => Number(a.seq) - Number(b.seq));
  const problems: Problem[] = [];
  let previous: Row | null = null;
  for (const e of ordered) {
    problems.push(...checkMemberEvent(e, previous, { ...ctx, row: ctx.rowOf?.(e) ?? ctx.row }));
    if ((MEMBERSHIP_EVENT_KINDS as readonly string[]).includes(String(e.kind))) previous = e;
  }
  return problems;
}

/** A remittance row: a real month that has begun, counts and tiyn in range, the date received. */
export function checkRemittanceRow(row: Row, ctx: RowContext): Problem[] {
  const r = new RowProblems('dues_remittances', row, ctx);
  const month = row.month;
  if (typeof month !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    r.add('month', problem('date.invalid_month', 'month', { value: String(month ?? '') }));
  else r.add('month', futureMonthProblem(month, ctx.today, 'month'));
  r.add('months_covered', countProblem(row.months_covered, 'monthsCovered', 'monthsCovered'));
  r.add('members_count', countProblem(row.members_count, 'membersCount', 'membersCount'));
  r.money('payroll_tiyn');
  r.money('received_tiyn', true);
  r.date('received_on');
  r.text('doc_no', 'number');
  r.text('note', 'long');
  return r.list;
}

/** A per-member line of a remittance (an employer's payroll register). */
export function checkDuesLineRow(row: Row, ctx: RowContext): Problem[] {
  const r = new RowProblems('dues_lines', row, ctx);
  const iin = typeof row.iin === 'string' ? row.iin : '';
  if (iinProblem(iin)) r.add('iin', problem('member.invalid_iin', 'iin', { iin: String(row.iin ?? '') }));
  r.text('full_name', 'line');
  r.money('salary_tiyn');
  r.money('withheld_tiyn', true);
  return r.list;
}

/**
 * An appeal row: number, dates (received and closed not in the future, closed not before received, a
 * closed appeal has its date), the closed lists, texts, signatories and money.
 */
export function checkAppealRow(row: Row, ctx: RowContext): Problem[] {
  const r = new RowProblems('appeals', row, ctx);
  r.text('reg_no', 'number', true);
  const receivedOn = r.date('received_on', { required: true });
  const closedOn = r.date('closed_on');
  r.date('due_on', { future: true });
  r.choice('channel', APPEAL_CHANNEL_KEYS);
  r.choice('category', APPEAL_CATEGORY_KEYS);
  const status = r.choice('status', APPEAL_STATUS_KEYS);
  r.choice('applicant_kind', ['individual', 'collective'], false);
  r.choice('legal_kind', LEGAL_KIND_KEYS, false);
  // a collective's applicant is often its employer's whole name: one line, not a person's name
  r.text('applicant', 'line', true);
  r.text('assignee', 'name');
  r.text('summary', 'long');
  r.text('outcome', 'long');
  r.add('signatories', countProblem(row.signatories, 'signatories', 'signatories'));
  r.money('economic_effect_tiyn');
  r.money('legal_sum_tiyn');
  if (status === 'closed' && !closedOn && !r.has('closed_on'))
    r.add('closed_on', problem('appeal.closed_without_date', 'closedOn'));
  r.order('closed_on', receivedOn, closedOn, () =>
    problem('appeal.closed_before_received', 'closedOn', {
      closedOn: formatDate(closedOn),
      receivedOn: formatDate(receivedOn),
    }),
  );
  return r.list;
}
