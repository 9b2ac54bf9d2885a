import type { Command, Flags } from './commands.ts';

/**
 * The CLI's corrections: each names its record as the command that made it does (`--iin`, `--year` and
 * `--reg-no`, `--id`, `--code`, `--valid-from`) and carries `--reason`.
 */
const s = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);
const n = (v: string | boolean | undefined) =>
  typeof v === 'string' && v.trim() !== '' ? Number(v) : undefined;

/** An appeal is named as `appeal close` names it: year and registration number. */
const APPEAL = { year: 'string', 'reg-no': 'string', reason: 'string' } as const;
const appeal = (f: Flags) => ({ year: n(f.year), regNo: s(f['reg-no']), reason: s(f.reason) });

export const CORRECTION_COMMANDS: Record<string, Command> = {
  'member correct': {
    op: 'members.correct',
    flags: {
      iin: 'string',
      'new-iin': 'string',
      surname: 'string',
      'given-name': 'string',
      patronymic: 'string',
      position: 'string',
      category: 'string',
      phone: 'string',
      card: 'string',
      reason: 'string',
    },
    input: (f: Flags) => ({
      iin: s(f.iin),
      newIin: s(f['new-iin']),
      surname: s(f.surname),
      givenName: s(f['given-name']),
      patronymic: s(f.patronymic),
      position: s(f.position),
      category: s(f.category),
      phone: s(f.phone),
      cardNo: s(f.card),
      reason: s(f.reason),
    }),
  },
  'member annul': {
    op: 'members.annul',
    flags: { iin: 'string', reason: 'string' },
    input: (f: Flags) => ({ iin: s(f.iin), reason: s(f.reason) }),
  },

  'appeal edit': {
    op: 'appeals.update',
    flags: {
      ...APPEAL,
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
      'off-control': 'boolean',
      'due-on': 'string',
      'legal-kind': 'string',
      'legal-sum': 'string',
      status: 'string',
    },
    input: (f: Flags) => ({
      ...appeal(f),
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
      onControl: f['on-control'] ? true : f['off-control'] ? false : undefined,
      dueOn: s(f['due-on']),
      legalKind: s(f['legal-kind']),
      legalSum: s(f['legal-sum']),
      status: s(f.status),
    }),
  },
  'appeal reopen': { op: 'appeals.reopen', flags: APPEAL, input: appeal },
  'appeal remove': { op: 'appeals.remove', flags: APPEAL, input: appeal },

  'dues edit': {
    op: 'dues.update',
    flags: {
      id: 'string',
      received: 'string',
      payroll: 'string',
      members: 'string',
      'received-on': 'string',
      'doc-no': 'string',
      note: 'string',
      reason: 'string',
    },
    input: (f: Flags) => ({
      id: s(f.id),
      received: s(f.received),
      payroll: s(f.payroll),
      membersCount: n(f.members),
      receivedOn: s(f['received-on']),
      docNo: s(f['doc-no']),
      note: s(f.note),
      reason: s(f.reason),
    }),
  },
  'dues delete': {
    op: 'dues.delete',
    flags: { id: 'string', reason: 'string' },
    input: (f: Flags) => ({ id: s(f.id), reason: s(f.reason) }),
  },
  'dues restore': {
    op: 'dues.restore',
    flags: { removal: 'string', reason: 'string' },
    input: (f: Flags) => ({ removalId: n(f.removal), reason: s(f.reason) }),
  },
  'dues lines': {
    op: 'dues.lines',
    flags: { id: 'string' },
    input: (f: Flags) => ({ remittanceId: s(f.id) }),
  },
  'dues line-edit': {
    op: 'dues.updateLine',
    flags: { line: 'string', withheld: 'string', salary: 'string', name: 'string', reason: 'string' },
    input: (f: Flags) => ({
      id: s(f.line),
      withheld: s(f.withheld),
      salary: s(f.salary),
      fullName: s(f.name),
      reason: s(f.reason),
    }),
  },
  'dues line-delete': {
    op: 'dues.deleteLine',
    flags: { line: 'string', reason: 'string' },
    input: (f: Flags) => ({ id: s(f.line), reason: s(f.reason) }),
  },

  'rate delete': {
    op: 'rates.delete',
    flags: { 'valid-from': 'string', reason: 'string' },
    input: (f: Flags) => ({ validFrom: s(f['valid-from']), reason: s(f.reason) }),
  },
  /** `history --entity KIND --key KEY` for one record; `history --since D` (and filters) for the journal. */
  history: {
    op: 'history.journal',
    flags: {
      entity: 'string',
      key: 'string',
      year: 'string',
      since: 'string',
      until: 'string',
      kind: 'string',
      record: 'string',
      limit: 'string',
    },
    input: (f: Flags) =>
      typeof f.entity === 'string'
        ? { kind: f.entity, key: s(f.key), year: n(f.year) }
        : {
            since: s(f.since),
            until: s(f.until),
            kind: s(f.kind),
            record: s(f.record),
            limit: n(f.limit),
          },
  },
  'backup list': { op: 'backups.list', flags: {}, input: () => ({}) },
  'backup create': { op: 'backups.create', flags: {}, input: () => ({}) },
  'backup copy': {
    op: 'backups.copy',
    flags: { id: 'string', to: 'string' },
    input: (f: Flags) => ({ id: s(f.id), to: s(f.to) }),
  },
  'backup restore': {
    op: 'backups.restore',
    flags: { id: 'string', reason: 'string' },
    input: (f: Flags) => ({ id: s(f.id), reason: s(f.reason) }),
  },
  'org reopen': {
    op: 'orgs.reopen',
    flags: { code: 'string', reason: 'string' },
    input: (f: Flags) => ({ code: s(f.code), reason: s(f.reason) }),
  },
};
