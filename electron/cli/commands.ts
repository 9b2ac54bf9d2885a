import type { OperationName } from '../shared/contract.ts';
import { CORRECTION_COMMANDS } from './corrections.ts';

/**
 * The CLI's commands: each maps its flags onto one contract operation. Flags are kebab-case versions of
 * the contract's fields; the contract's zod schema does the validation, so the CLI adds no rules.
 */
export type Flags = Record<string, string | boolean | undefined>;

export interface Command {
  op: OperationName;
  flags: Record<string, 'string' | 'boolean'>;
  input(flags: Flags): Record<string, unknown>;
}

const s = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);
const n = (v: string | boolean | undefined) =>
  typeof v === 'string' && v.trim() !== '' ? Number(v) : undefined;
const decision = (f: Flags) => ({
  body: s(f['decision-body']),
  number: s(f['decision-no']),
  date: s(f['decision-date']),
});
const DECISION = { 'decision-body': 'string', 'decision-no': 'string', 'decision-date': 'string' } as const;
/** A report's period: `--year Y [--quarter Q]`, or `--from D --to D` (any range of dates). */
const PERIOD = { year: 'string', quarter: 'string', from: 'string', to: 'string', branch: 'string' } as const;
const period = (f: Flags) => ({
  year: n(f.year),
  quarter: n(f.quarter),
  from: s(f.from),
  to: s(f.to),
  branch: s(f.branch),
});

export const COMMANDS: Record<string, Command> = {
  info: { op: 'register.info', flags: {}, input: () => ({}) },
  'org add': {
    op: 'orgs.create',
    flags: {
      code: 'string',
      name: 'string',
      'short-name': 'string',
      bin: 'string',
      sector: 'string',
      address: 'string',
      chair: 'string',
      phone: 'string',
      headcount: 'string',
      'registered-on': 'string',
    },
    input: (f) => ({
      code: s(f.code),
      name: s(f.name),
      shortName: s(f['short-name']),
      bin: s(f.bin),
      sector: s(f.sector),
      address: s(f.address),
      chairName: s(f.chair),
      chairPhone: s(f.phone),
      headcount: n(f.headcount),
      registeredOn: s(f['registered-on']),
    }),
  },
  'org list': {
    op: 'orgs.list',
    flags: { status: 'string', search: 'string' },
    input: (f) => ({ status: s(f.status), search: s(f.search) }),
  },
  'org close': {
    op: 'orgs.close',
    flags: { code: 'string', 'closed-on': 'string', reason: 'string', 'merged-into': 'string' },
    input: (f) => ({
      code: s(f.code),
      closedOn: s(f['closed-on']),
      reason: s(f.reason),
      mergedInto: s(f['merged-into']),
    }),
  },
  'member admit': {
    op: 'members.admit',
    flags: {
      org: 'string',
      surname: 'string',
      'given-name': 'string',
      patronymic: 'string',
      iin: 'string',
      'birth-date': 'string',
      sex: 'string',
      position: 'string',
      category: 'string',
      phone: 'string',
      card: 'string',
      'application-date': 'string',
      'admitted-on': 'string',
      'from-branch': 'string',
      'confirm-minor': 'boolean',
      ...DECISION,
    },
    input: (f) => ({
      orgCode: s(f.org),
      surname: s(f.surname),
      givenName: s(f['given-name']),
      patronymic: s(f.patronymic),
      iin: s(f.iin),
      birthDate: s(f['birth-date']),
      sex: s(f.sex),
      position: s(f.position),
      category: s(f.category),
      phone: s(f.phone),
      cardNo: s(f.card),
      applicationDate: s(f['application-date']),
      admittedOn: s(f['admitted-on']),
      fromBranch: s(f['from-branch']),
      confirmMinor: f['confirm-minor'] === true,
      decision: decision(f),
    }),
  },
  'member exit': {
    op: 'members.exit',
    flags: {
      iin: 'string',
      reason: 'string',
      'application-date': 'string',
      'exited-on': 'string',
      note: 'string',
      ...DECISION,
    },
    input: (f) => ({
      iin: s(f.iin),
      reason: s(f.reason),
      applicationDate: s(f['application-date']),
      exitedOn: s(f['exited-on']),
      note: s(f.note),
      decision: decision(f),
    }),
  },
  'member transfer': {
    op: 'members.transfer',
    flags: {
      iin: 'string',
      to: 'string',
      'to-branch': 'string',
      date: 'string',
      note: 'string',
      ...DECISION,
    },
    input: (f) => ({
      iin: s(f.iin),
      toOrgCode: s(f.to),
      toBranch: s(f['to-branch']),
      transferredOn: s(f.date),
      note: s(f.note),
      decision: f['decision-body'] || f['decision-no'] || f['decision-date'] ? decision(f) : undefined,
    }),
  },
  'member show': { op: 'members.get', flags: { iin: 'string' }, input: (f) => ({ iin: s(f.iin) }) },
  'member list': {
    op: 'members.list',
    flags: { org: 'string', status: 'string', search: 'string', language: 'string', limit: 'string' },
    input: (f) => ({
      orgCode: s(f.org),
      status: s(f.status),
      search: s(f.search),
      language: s(f.language),
      limit: n(f.limit),
    }),
  },
  'dues add': {
    op: 'dues.record',
    flags: {
      org: 'string',
      month: 'string',
      months: 'string',
      members: 'string',
      payroll: 'string',
      received: 'string',
      'received-on': 'string',
      'doc-no': 'string',
      note: 'string',
      'confirm-amount': 'boolean',
    },
    input: (f) => ({
      orgCode: s(f.org),
      month: s(f.month),
      monthsCovered: n(f.months),
      membersCount: n(f.members),
      payroll: s(f.payroll),
      received: s(f.received),
      receivedOn: s(f['received-on']),
      docNo: s(f['doc-no']),
      note: s(f.note),
      confirmImplausible: f['confirm-amount'] === true,
    }),
  },
  'dues list': {
    op: 'dues.list',
    flags: { year: 'string', org: 'string' },
    input: (f) => ({ year: n(f.year), orgCode: s(f.org) }),
  },
  'quarter close': {
    op: 'quarters.close',
    flags: { quarter: 'string' },
    input: (f) => ({ quarter: s(f.quarter) }),
  },
  'quarter reopen': {
    op: 'quarters.reopen',
    flags: { quarter: 'string', reason: 'string' },
    input: (f) => ({ quarter: s(f.quarter), reason: s(f.reason) }),
  },
  'rate set': {
    op: 'rates.set',
    flags: {
      'valid-from': 'string',
      rate: 'string',
      ppo: 'string',
      branch: 'string',
      central: 'string',
      reason: 'string',
    },
    input: (f) => ({
      reason: s(f.reason),
      validFrom: s(f['valid-from']),
      ratePercent: s(f.rate),
      sharePpoPercent: s(f.ppo),
      shareBranchPercent: s(f.branch),
      shareCentralPercent: s(f.central),
    }),
  },
  'appeal add': {
    op: 'appeals.add',
    flags: {
      'reg-no': 'string',
      'received-on': 'string',
      channel: 'string',
      applicant: 'string',
      collective: 'boolean',
      signatories: 'string',
      'member-iin': 'string',
      org: 'string',
      category: 'string',
      summary: 'string',
      assignee: 'string',
      'on-control': 'boolean',
      'due-on': 'string',
      'legal-kind': 'string',
      'legal-sum': 'string',
      status: 'string',
    },
    input: (f) => ({
      regNo: s(f['reg-no']),
      receivedOn: s(f['received-on']),
      channel: s(f.channel),
      applicant: s(f.applicant),
      applicantKind: f.collective ? 'collective' : undefined,
      signatories: n(f.signatories),
      memberIin: s(f['member-iin']),
      orgCode: s(f.org),
      category: s(f.category),
      summary: s(f.summary),
      assignee: s(f.assignee),
      onControl: f['on-control'] === true,
      dueOn: s(f['due-on']),
      legalKind: s(f['legal-kind']),
      legalSum: s(f['legal-sum']),
      status: s(f.status),
    }),
  },
  'appeal close': {
    op: 'appeals.close',
    flags: { year: 'string', 'reg-no': 'string', 'closed-on': 'string', outcome: 'string', effect: 'string' },
    input: (f) => ({
      year: n(f.year),
      regNo: s(f['reg-no']),
      closedOn: s(f['closed-on']),
      outcome: s(f.outcome),
      economicEffect: s(f.effect),
    }),
  },
  'appeal list': {
    op: 'appeals.list',
    flags: { year: 'string', status: 'string', category: 'string', overdue: 'boolean' },
    input: (f) => ({
      year: n(f.year),
      status: s(f.status),
      category: s(f.category),
      overdue: f.overdue === true ? true : undefined,
    }),
  },
  'report appeals': { op: 'reports.appeals', flags: { ...PERIOD, xlsx: 'string' }, input: period },
  'report channels': { op: 'reports.appealsByChannel', flags: PERIOD, input: period },
  'report months': { op: 'reports.appealsByMonth', flags: PERIOD, input: period },
  'report overdue': { op: 'reports.overdue', flags: { date: 'string' }, input: (f) => ({ date: s(f.date) }) },
  'report legal': { op: 'reports.legal', flags: { ...PERIOD, xlsx: 'string' }, input: period },
  'report membership': {
    op: 'reports.membership',
    flags: {
      date: 'string',
      from: 'string',
      to: 'string',
      language: 'string',
      branch: 'string',
      xlsx: 'string',
    },
    input: (f) => ({
      date: s(f.date),
      from: s(f.from),
      to: s(f.to),
      language: s(f.language),
      branch: s(f.branch),
    }),
  },
  'report dues': { op: 'reports.dues', flags: { ...PERIOD, xlsx: 'string' }, input: period },
  'report annual': {
    op: 'reports.annual',
    flags: { year: 'string', 'legal-from': 'string', language: 'string', xlsx: 'string' },
    input: (f) => ({ year: n(f.year), legalFrom: s(f['legal-from']), language: s(f.language) }),
  },
};

Object.assign(COMMANDS, {
  'keys info': { op: 'keys.info', flags: {}, input: () => ({}) },
  'keys init': { op: 'keys.init', flags: {}, input: () => ({}) },
  'keys public': {
    op: 'keys.exportPublic',
    flags: { out: 'string' },
    input: (f: Flags) => ({ out: s(f.out) }),
  },
  'keys backup': { op: 'keys.backup', flags: { out: 'string' }, input: (f: Flags) => ({ out: s(f.out) }) },
  'keys restore': {
    op: 'keys.restore',
    flags: { file: 'string' },
    input: (f: Flags) => ({ file: s(f.file) }),
  },
  'hq-key init': { op: 'hqKey.init', flags: {}, input: () => ({}) },
  'hq-key recipient': {
    op: 'hqKey.exportRecipient',
    flags: { out: 'string' },
    input: (f: Flags) => ({ out: s(f.out) }),
  },
  'hq-key identity': {
    op: 'hqKey.exportIdentity',
    flags: { out: 'string' },
    input: (f: Flags) => ({ out: s(f.out) }),
  },
  export: {
    op: 'exchange.export',
    flags: { quarter: 'string', recipient: 'string', out: 'string' },
    input: (f: Flags) => ({ quarter: s(f.quarter), recipient: s(f.recipient), out: s(f.out) }),
  },
  trust: {
    op: 'exchange.trust',
    flags: { branch: 'string', key: 'string', 'valid-from': 'string', note: 'string' },
    input: (f: Flags) => ({
      branch: s(f.branch),
      key: s(f.key),
      validFrom: s(f['valid-from']),
      note: s(f.note),
    }),
  },
  'trust revoke': {
    op: 'exchange.revoke',
    flags: { branch: 'string', 'key-id': 'string', 'revoked-at': 'string' },
    input: (f: Flags) => ({ branch: s(f.branch), keyId: s(f['key-id']), revokedAt: s(f['revoked-at']) }),
  },
  'trust list': {
    op: 'exchange.trustedKeys',
    flags: { branch: 'string' },
    input: (f: Flags) => ({ branch: s(f.branch) }),
  },
  duplicates: { op: 'exchange.duplicates', flags: {}, input: () => ({}) },
  submissions: { op: 'exchange.submissions', flags: {}, input: () => ({}) },
  'import-log': { op: 'exchange.importLog', flags: {}, input: () => ({}) },
  transfers: { op: 'exchange.transfers', flags: {}, input: () => ({}) },
  exports: { op: 'exchange.exports', flags: {}, input: () => ({}) },
  verify: { op: 'exchange.verify', flags: { file: 'string' }, input: (f: Flags) => ({ file: s(f.file) }) },
  'hq-key set': {
    op: 'hqKey.setRecipient',
    flags: { recipient: 'string' },
    input: (f: Flags) => ({ recipient: s(f.recipient) }),
  },
  'hq-key signing': {
    op: 'hqKey.setSigning',
    flags: { key: 'string' },
    input: (f: Flags) => ({ key: s(f.key) }),
  },
  receipt: {
    op: 'exchange.receipt',
    flags: { branch: 'string', seq: 'string', out: 'string' },
    input: (f: Flags) => ({ branch: s(f.branch), seq: n(f.seq) }),
  },
  'receipt import': {
    op: 'exchange.importReceipt',
    flags: { file: 'string' },
    input: (f: Flags) => ({ file: s(f.file) }),
  },
  directive: {
    op: 'exchange.directive',
    flags: { 'valid-from': 'string', out: 'string' },
    input: (f: Flags) => ({ validFrom: s(f['valid-from']) }),
  },
  'directive apply': {
    op: 'exchange.applyDirective',
    flags: { file: 'string' },
    input: (f: Flags) => ({ file: s(f.file) }),
  },
} satisfies Record<string, Command>);

Object.assign(COMMANDS, CORRECTION_COMMANDS);

for (const kind of ['orgs', 'members', 'dues', 'appeals']) {
  COMMANDS[`import ${kind}`] = {
    op: 'import.run',
    flags: { file: 'string', 'dry-run': 'boolean', update: 'boolean' },
    input: (f) => ({ kind, file: s(f.file), update: f.update === true }),
  };
}

/** `export-xlsx members|appeals|dues … --out FILE.xlsx`: registers as spreadsheets. */
const XLSX_FLAGS = {
  org: 'string',
  year: 'string',
  status: 'string',
  language: 'string',
  branch: 'string',
  out: 'string',
} as const;
for (const kind of ['members', 'appeals', 'dues'] as const) {
  COMMANDS[`export-xlsx ${kind}`] = {
    op: 'xlsx.export',
    flags: XLSX_FLAGS,
    input: (f) => ({
      kind,
      orgCode: s(f.org),
      year: n(f.year),
      status: s(f.status),
      language: s(f.language),
      branch: s(f.branch),
    }),
  };
}

/** `report appeals|membership|dues … --xlsx FILE`: the same report as a spreadsheet instead of a table. */
export function reportAsXlsx(name: string, flags: Flags): Record<string, unknown> | null {
  const kind = {
    'report appeals': 'appeals-report',
    'report legal': 'legal-report',
    'report membership': 'membership-report',
    'report dues': 'dues-report',
    'report annual': 'annual-report',
  }[name];
  if (!kind || typeof flags.xlsx !== 'string') return null;
  return {
    kind,
    year: n(flags.year),
    quarter: n(flags.quarter),
    from: s(flags.from),
    to: s(flags.to),
    date: s(flags.date),
    legalFrom: s(flags['legal-from']),
    language: s(flags.language),
    branch: s(flags.branch),
  };
}

/** `import payroll --org CODE --month YYYY-MM --file FILE [--map JSON] [--confirm]`: exceptions first. */
COMMANDS['import payroll'] = {
  op: 'payroll.check',
  flags: {
    org: 'string',
    month: 'string',
    file: 'string',
    map: 'string',
    remittance: 'string',
    confirm: 'boolean',
  },
  input: (f) => {
    let map: unknown;
    try {
      map = typeof f.map === 'string' ? JSON.parse(f.map) : undefined;
    } catch {
      map = f.map; // the contract refuses it with a message saying map must be an object
    }
    return { orgCode: s(f.org), month: s(f.month), file: s(f.file), map, remittanceId: s(f.remittance) };
  },
};
