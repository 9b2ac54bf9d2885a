import { fieldLabel } from './refusals/index.ts';
import { formatDate, formatTiyn } from './format.ts';
import {
  APPEAL_CATEGORIES,
  APPEAL_CHANNELS,
  APPEAL_STATUSES,
  EXIT_REASONS,
  LEGAL_KINDS,
  ORG_CLOSE_REASONS,
  SECTORS,
  STAFF_CATEGORIES,
  termLabel,
  type Term,
} from './vocabulary.ts';

/**
 * The history of changes as people read it, shared by the core (which reads `audit_log`), the CLI and the
 * window: what each stored column is called (the contract's field name, worded by the field labels of
 * shared/refusals), how its value is shown, and what each action is called, in Russian, Kazakh and English.
 */
export type HistoryKind = 'member' | 'org' | 'remittance' | 'appeal';
export const HISTORY_KINDS: readonly HistoryKind[] = ['member', 'org', 'remittance', 'appeal'];

/** What the journal can also show beside the four kinds of record. */
export type JournalKind = HistoryKind | 'rate' | 'quarter' | 'import' | 'register' | 'key';
export const JOURNAL_KINDS: readonly JournalKind[] = [
  ...HISTORY_KINDS,
  'rate',
  'quarter',
  'import',
  'register',
  'key',
];

export type ValueType = 'text' | 'date' | 'money' | 'percent' | 'bool' | 'term';

export interface FieldShape {
  field: string;
  type: ValueType;
  terms?: Record<string, Term>;
}

export const MEMBER_STATUSES = {
  active: { ru: 'состоит', kk: 'мүше', en: 'active' },
  exited: { ru: 'выбыл', kk: 'шыққан', en: 'exited' },
  annulled: { ru: 'запись аннулирована', kk: 'жазбаның күші жойылған', en: 'record annulled' },
} satisfies Record<string, Term>;
const ORG_STATUSES = {
  active: { ru: 'действует', kk: 'жұмыс істейді', en: 'active' },
  closed: { ru: 'закрыта', kk: 'жабылған', en: 'closed' },
} satisfies Record<string, Term>;
const SEXES = {
  male: { ru: 'мужской', kk: 'ер', en: 'male' },
  female: { ru: 'женский', kk: 'әйел', en: 'female' },
} satisfies Record<string, Term>;
const APPLICANT_KINDS = {
  individual: { ru: 'индивидуальное', kk: 'жеке', en: 'individual' },
  collective: { ru: 'коллективное', kk: 'ұжымдық', en: 'collective' },
} satisfies Record<string, Term>;

const t = (field: string, type: ValueType = 'text', terms?: Record<string, Term>): FieldShape => ({
  field,
  type,
  ...(terms ? { terms } : {}),
});

/** By audited table, then stored column. Columns absent here (links, sequence numbers) are not shown. */
export const HISTORY_FIELDS: Record<string, Record<string, FieldShape>> = {
  orgs: {
    code: t('code'),
    name: t('name'),
    short_name: t('shortName'),
    bin: t('bin'),
    sector: t('sector', 'term', SECTORS),
    address: t('address'),
    chair_name: t('chairName'),
    chair_phone: t('chairPhone'),
    headcount: t('headcount'),
    registered_on: t('registeredOn', 'date'),
    status: t('status', 'term', ORG_STATUSES),
    closed_on: t('closedOn', 'date'),
    close_reason: t('closeReason', 'term', ORG_CLOSE_REASONS),
    merged_into_id: t('mergedInto'),
  },
  members: {
    iin: t('iin'),
    surname: t('surname'),
    given_name: t('givenName'),
    patronymic: t('patronymic'),
    birth_date: t('birthDate', 'date'),
    sex: t('sex', 'term', SEXES),
    position: t('position'),
    category: t('category', 'term', STAFF_CATEGORIES),
    phone: t('phone'),
    card_no: t('cardNo'),
    org_id: t('orgCode'),
    status: t('status', 'term', MEMBER_STATUSES),
    joined_on: t('joinedOn', 'date'),
    exited_on: t('exitedOn', 'date'),
  },
  member_events: {
    event_date: t('date', 'date'),
    org_id: t('orgCode'),
    application_date: t('applicationDate', 'date'),
    decision_body: t('decisionBody'),
    decision_no: t('decisionNo'),
    decision_date: t('decision.date', 'date'),
    reason: t('reason', 'term', EXIT_REASONS),
    counterpart_org_id: t('counterpartOrg'),
    counterpart_branch: t('counterpartBranch'),
    note: t('note'),
  },
  dues_rates: {
    valid_from: t('validFrom', 'date'),
    rate_bp: t('ratePercent', 'percent'),
    share_ppo_bp: t('sharePpoPercent', 'percent'),
    share_branch_bp: t('shareBranchPercent', 'percent'),
    share_central_bp: t('shareCentralPercent', 'percent'),
  },
  dues_remittances: {
    org_id: t('orgCode'),
    month: t('month'),
    months_covered: t('monthsCovered'),
    members_count: t('membersCount'),
    payroll_tiyn: t('payroll', 'money'),
    received_tiyn: t('received', 'money'),
    received_on: t('receivedOn', 'date'),
    doc_no: t('docNo'),
    note: t('note'),
  },
  dues_lines: {
    iin: t('iin'),
    full_name: t('fullName'),
    salary_tiyn: t('salary', 'money'),
    withheld_tiyn: t('withheld', 'money'),
  },
  appeals: {
    year: t('year'),
    reg_no: t('regNo'),
    received_on: t('receivedOn', 'date'),
    channel: t('channel', 'term', APPEAL_CHANNELS),
    applicant: t('applicant'),
    applicant_kind: t('applicantKind', 'term', APPLICANT_KINDS),
    signatories: t('signatories'),
    member_id: t('memberIin'),
    org_id: t('orgCode'),
    category: t('category', 'term', APPEAL_CATEGORIES),
    summary: t('summary'),
    assignee: t('assignee'),
    status: t('status', 'term', APPEAL_STATUSES),
    on_control: t('onControl', 'bool'),
    outcome: t('outcome'),
    closed_on: t('closedOn', 'date'),
    economic_effect_tiyn: t('economicEffect', 'money'),
    legal_kind: t('legalKind', 'term', LEGAL_KINDS),
    legal_sum_tiyn: t('legalSum', 'money'),
    due_on: t('dueOn', 'date'),
  },
  quarters: { reason: t('reason') },
  import: {
    file: t('file'),
    sha256: t('sha256'),
    rows: t('rows'),
    created: t('created'),
    updated: t('updated'),
    unchanged: t('unchanged'),
  },
  register: { backup: t('backup'), savedAs: t('savedAs') },
};

export const ACTION_WORDS: Record<string, Term> = {
  create: { ru: 'создано', kk: 'құрылды', en: 'created' },
  update: { ru: 'изменено', kk: 'өзгертілді', en: 'changed' },
  delete: { ru: 'удалено', kk: 'жойылды', en: 'deleted' },
  admitted: { ru: 'принят(а)', kk: 'қабылданды', en: 'admitted' },
  imported: { ru: 'загружен(а) из реестра', kk: 'тізілімнен жүктелді', en: 'loaded from the register' },
  exited: { ru: 'выбыл(а)', kk: 'шықты', en: 'exited' },
  transferred_out: { ru: 'переведён(а) из ППО', kk: 'БКҰ-дан ауыстырылды', en: 'transferred out of the PPO' },
  transferred_in: { ru: 'переведён(а) в ППО', kk: 'БКҰ-ға ауыстырылды', en: 'transferred into the PPO' },
  transferred_to_branch: {
    ru: 'переведён(а) в другой филиал',
    kk: 'басқа филиалға ауыстырылды',
    en: 'transferred to another branch',
  },
  transferred_from_branch: {
    ru: 'принят(а) переводом из другого филиала',
    kk: 'басқа филиалдан ауыстырумен қабылданды',
    en: 'admitted on transfer from another branch',
  },
  card_issued: { ru: 'выдан билет', kk: 'билет берілді', en: 'card issued' },
  corrected: { ru: 'данные исправлены', kk: 'деректер түзетілді', en: 'data corrected' },
  annulled: { ru: 'событие аннулировано', kk: 'оқиғаның күші жойылды', en: 'event annulled' },
  close: { ru: 'квартал закрыт', kk: 'тоқсан жабылды', en: 'quarter closed' },
  reopen: { ru: 'квартал открыт заново', kk: 'тоқсан қайта ашылды', en: 'quarter reopened' },
  restore: {
    ru: 'восстановлен из резервной копии',
    kk: 'сақтық көшірмеден қалпына келтірілді',
    en: 'restored from a backup',
  },
};

export const KIND_WORDS: Record<JournalKind, Term> = {
  member: { ru: 'член профсоюза', kk: 'кәсіподақ мүшесі', en: 'member' },
  org: { ru: 'ППО', kk: 'БКҰ', en: 'PPO' },
  remittance: { ru: 'поступление взносов', kk: 'жарна түсімі', en: 'remittance' },
  appeal: { ru: 'обращение', kk: 'өтініш', en: 'appeal' },
  rate: { ru: 'ставка взносов', kk: 'жарна мөлшерлемесі', en: 'dues rate' },
  quarter: { ru: 'квартал', kk: 'тоқсан', en: 'quarter' },
  import: { ru: 'импорт', kk: 'импорт', en: 'import' },
  register: { ru: 'реестр', kk: 'тізілім', en: 'register' },
  key: { ru: 'ключ филиала', kk: 'филиал кілті', en: 'branch key' },
};

export type Language = 'ru' | 'kk' | 'en';

/** One field of an entry: before → after, as stored (links already turned into codes and IINs). */
export interface HistoryChange {
  table: string;
  column: string;
  field: string;
  type: ValueType;
  before: string | number | null;
  after: string | number | null;
}

export interface HistoryEntry {
  id: number;
  /** UTC, as SQLite wrote it. */
  at: string;
  /** The register's user, or the operating-system account; null when unknown (a write outside the app). */
  actor: string | null;
  reason: string | null;
  kind: JournalKind;
  /** The record as people name it: IIN and name, PPO code, appeal number, PPO · month · document. */
  record: string;
  action: string;
  changes: HistoryChange[];
}

/** A stored value as people read it in the language. */
export function formatHistoryValue(change: HistoryChange, value: string | number | null, language: Language) {
  if (value === null || value === '') return '—';
  switch (change.type) {
    case 'date':
      return formatDate(String(value));
    case 'money':
      return formatTiyn(Number(value));
    case 'percent':
      return `${(Number(value) / 100).toString().replace('.', ',')} %`;
    case 'bool':
      return Number(value)
        ? { ru: 'да', kk: 'иә', en: 'yes' }[language]
        : { ru: 'нет', kk: 'жоқ', en: 'no' }[language];
    case 'term': {
      const terms = HISTORY_FIELDS[change.table]?.[change.column]?.terms;
      return terms ? termLabel(terms, String(value), language) : String(value);
    }
    default:
      return String(value);
  }
}

/** `field: before → after`, one line per change. */
export function describeChange(change: HistoryChange, language: Language): string {
  const label = fieldLabel(change.field, language);
  const after = formatHistoryValue(change, change.after, language);
  if (change.before === null) return `${label}: ${after}`;
  return `${label}: ${formatHistoryValue(change, change.before, language)} → ${after}`;
}

/** When, in the office's time (Kazakhstan, UTC+5): `dd.mm.yyyy hh:mm`. */
export function formatAt(iso: string): string {
  const local = new Date(new Date(iso).getTime() + 5 * 3600 * 1000).toISOString();
  return `${formatDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

export function actionLabel(action: string, language: Language): string {
  return ACTION_WORDS[action]?.[language] ?? action;
}

/** Entries as plain text for a terminal: when, who, what record, what happened, why, then each change. */
export function historyText(entries: HistoryEntry[], language: Language): string {
  if (entries.length === 0) return { ru: 'Изменений нет', kk: 'Өзгерістер жоқ', en: 'No changes' }[language];
  return entries
    .map((e) => {
      const head = [
        formatAt(e.at),
        e.actor ?? '—',
        `${KIND_WORDS[e.kind][language]} ${e.record}`,
        actionLabel(e.action, language),
      ].join('  ');
      const why = e.reason ? `\n    ${fieldLabel('reason', language)}: ${e.reason}` : '';
      return `${head}${why}${e.changes.map((c) => `\n    ${describeChange(c, language)}`).join('')}`;
    })
    .join('\n');
}
