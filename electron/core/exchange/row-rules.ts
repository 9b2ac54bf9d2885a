import {
  APPEAL_CATEGORY_KEYS,
  APPEAL_CHANNEL_KEYS,
  APPEAL_STATUS_KEYS,
  EXIT_REASON_KEYS,
  LEGAL_KIND_KEYS,
  ORG_CLOSE_REASON_KEYS,
  SECTOR_KEYS,
  STAFF_CATEGORY_KEYS,
} from '../../shared/vocabulary.ts';
import type { RefusalCode, RefusalParams } from '../../shared/refusals/index.ts';
import { tryParseDate, type IsoDate } from '../dates.ts';
import { binProblem, iinProblem } from '../ids/iin.ts';
import { MEMBER_EVENT_KINDS } from '../members/history.ts';
import type { SnapshotTable } from './limits.ts';

/**
 * What each column of a package row may hold: the branch's own rules as they apply to one stored value
 * (types, required fields, vocabulary, text limits, dates real and not after today, money as safe-integer
 * tiyn in range). The rules across rows — unique keys, references, events in order — are in validate.ts.
 * A test checks that every column of every headquarters table has a rule here, so a migration that adds a
 * column also says what it may hold.
 */
export type Problem = { code: RefusalCode; params?: RefusalParams } | null;
export type Check = (value: unknown, today: IsoDate) => Problem;

/** A value as it can be shown in a sentence: short, one line. */
export function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  // eslint-disable-next-line no-control-regex -- control characters are what is being replaced
  return (text ?? String(value)).replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, 40);
}

const problem = (code: RefusalCode, params: RefusalParams = {}): Problem => ({ code, params });

/** 0 ≤ amount ≤ 10¹² ₸, in tiyn. */
export const MAX_TIYN = 100 * 10 ** 12;

// Control characters (but tab and line breaks in long texts) and bidirectional overrides: what is refused.
/* eslint-disable no-control-regex */
const CONTROL_ONE_LINE = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;
const CONTROL_LONG = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;
/* eslint-enable no-control-regex */

function text(max: number, options: { required?: boolean; long?: boolean; pattern?: RegExp } = {}): Check {
  return (v) => {
    if (v === null || v === undefined || v === '') return options.required ? problem('row.required') : null;
    if (typeof v !== 'string') return problem('row.not_text', { value: shown(v) });
    // code points, not UTF-16 units; counted only when the units alone could pass the limit
    if (v.length > max && [...v].length > max) return problem('row.too_long', { max });
    if ((options.long ? CONTROL_LONG : CONTROL_ONE_LINE).test(v))
      return problem('row.control_chars', { value: shown(v) });
    if (options.pattern && !options.pattern.test(v)) return problem('row.format', { value: shown(v) });
    return null;
  };
}

const required =
  (check: Check): Check =>
  (v, today) =>
    v === null || v === undefined || v === '' ? problem('row.required') : check(v, today);

function integer(min: number, max: number): Check {
  return (v) => {
    if (v === null || v === undefined) return null;
    if (typeof v !== 'number' || !Number.isSafeInteger(v))
      return problem('row.not_integer', { value: shown(v) });
    if (v < min || v > max) return problem('row.out_of_range', { value: v, min, max });
    return null;
  };
}

const tiyn: Check = (v) => {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0 || v > MAX_TIYN)
    return problem('row.money', { value: shown(v) });
  return null;
};

function date(options: { future?: boolean } = {}): Check {
  return (v, today) => {
    if (v === null || v === undefined) return null;
    if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v) || tryParseDate(v) !== v)
      return problem('row.date', { value: shown(v) });
    if (!options.future && v > today) return problem('row.date_future', { value: v, today });
    return null;
  };
}

const month: Check = (v, today) => {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(v) || v < '1990-01')
    return problem('row.month', { value: shown(v) });
  if (v > today.slice(0, 7)) return problem('row.date_future', { value: v, today });
  return null;
};

const timestamp: Check = (v) =>
  typeof v === 'string' && v.length <= 40 && !Number.isNaN(Date.parse(v))
    ? null
    : problem('row.date', { value: shown(v) });

function oneOf(values: readonly string[]): Check {
  return (v) => {
    if (v === null || v === undefined) return null;
    return typeof v === 'string' && values.includes(v)
      ? null
      : problem('row.vocabulary', { value: shown(v) });
  };
}

const iin: Check = (v) =>
  typeof v === 'string' && !iinProblem(v) ? null : problem('row.iin', { value: shown(v) });
const bin: Check = (v) =>
  v === null || v === undefined || v === '' || (typeof v === 'string' && !binProblem(v))
    ? null
    : problem('row.bin', { value: shown(v) });
const flag: Check = (v) => (v === 0 || v === 1 ? null : problem('row.vocabulary', { value: shown(v) }));
const id = text(64, { required: true });
const optionalId = text(64);
/** Filled by headquarters from the names (list-keys.ts); whatever a package brings is not used. */
const derived: Check = () => null;

const BRANCH_CODE = /^[A-Z0-9_-]{2,16}$/;

export const ROW_RULES: Record<SnapshotTable, Record<string, Check>> = {
  orgs: {
    id,
    code: text(16, { required: true }),
    name: text(500, { required: true }),
    short_name: text(200),
    bin,
    sector: required(oneOf(SECTOR_KEYS)),
    address: text(500, { long: true }),
    chair_name: text(200),
    chair_phone: text(40),
    headcount: integer(0, 1_000_000),
    registered_on: date(),
    status: required(oneOf(['active', 'closed'])),
    closed_on: date(),
    close_reason: oneOf(ORG_CLOSE_REASON_KEYS),
    merged_into_id: optionalId,
    created_at: timestamp,
    updated_at: timestamp,
  },
  members: {
    id,
    iin,
    surname: text(100, { required: true }),
    given_name: text(100, { required: true }),
    patronymic: text(100),
    birth_date: required(date()),
    sex: required(oneOf(['male', 'female'])),
    position: text(200),
    category: required(oneOf(STAFF_CATEGORY_KEYS)),
    phone: text(40),
    card_no: text(40),
    org_id: id,
    status: required(oneOf(['active', 'exited', 'annulled'])),
    joined_on: required(date()),
    exited_on: date(),
    created_at: timestamp,
    updated_at: timestamp,
    sort_key_ru: derived,
    sort_key_kk: derived,
    search_text: derived,
  },
  member_events: {
    id,
    member_id: id,
    seq: required(integer(1, 100_000)),
    kind: required(oneOf(MEMBER_EVENT_KINDS)),
    org_id: id,
    event_date: required(date()),
    application_date: date(),
    decision_body: text(200),
    decision_no: text(40),
    decision_date: date(),
    reason: text(4000, { long: true }),
    counterpart_org_id: optionalId,
    counterpart_branch: text(16, { pattern: BRANCH_CODE }),
    note: text(4000, { long: true }),
    annuls_event_id: optionalId,
    created_at: timestamp,
  },
  dues_rates: {
    id,
    valid_from: required(date({ future: true })),
    rate_bp: required(integer(0, 10_000)),
    share_ppo_bp: required(integer(0, 10_000)),
    share_branch_bp: required(integer(0, 10_000)),
    share_central_bp: required(integer(0, 10_000)),
    created_at: timestamp,
    updated_at: timestamp,
  },
  dues_remittances: {
    id,
    org_id: id,
    month: required(month),
    months_covered: required(integer(1, 12)),
    members_count: integer(0, 1_000_000),
    payroll_tiyn: tiyn,
    received_tiyn: required(tiyn),
    received_on: date(),
    doc_no: text(40),
    note: text(4000, { long: true }),
    created_at: timestamp,
    updated_at: timestamp,
  },
  dues_lines: {
    id,
    remittance_id: id,
    member_id: optionalId,
    iin,
    full_name: text(300),
    salary_tiyn: tiyn,
    withheld_tiyn: required(tiyn),
    created_at: timestamp,
    updated_at: timestamp,
  },
  quarter_actions: {
    id: required(integer(1, Number.MAX_SAFE_INTEGER)),
    quarter: text(7, { required: true, pattern: /^\d{4}-Q[1-4]$/ }),
    action: required(oneOf(['close', 'reopen'])),
    reason: text(4000, { long: true }),
    at: timestamp,
  },
  appeals: {
    id,
    year: required(integer(1990, 2100)),
    reg_no: text(32, { required: true }),
    reg_seq: integer(0, 1_000_000),
    received_on: required(date()),
    channel: required(oneOf(APPEAL_CHANNEL_KEYS)),
    applicant: text(300, { required: true }),
    applicant_kind: required(oneOf(['individual', 'collective'])),
    signatories: integer(1, 1_000_000),
    member_id: optionalId,
    org_id: optionalId,
    category: required(oneOf(APPEAL_CATEGORY_KEYS)),
    summary: text(4000, { long: true }),
    assignee: text(200),
    status: required(oneOf(APPEAL_STATUS_KEYS)),
    on_control: flag,
    outcome: text(4000, { long: true }),
    closed_on: date(),
    economic_effect_tiyn: tiyn,
    legal_kind: oneOf(LEGAL_KIND_KEYS),
    legal_sum_tiyn: tiyn,
    due_on: required(date({ future: true })),
    created_at: timestamp,
    updated_at: timestamp,
  },
};

/** Exit reasons are a closed list; other events may carry free text in `reason`. */
export const EXIT_REASON = oneOf(EXIT_REASON_KEYS);
