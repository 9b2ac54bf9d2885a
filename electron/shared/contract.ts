import { z } from 'zod';
import {
  APPEAL_CATEGORIES,
  APPEAL_CATEGORY_KEYS,
  APPEAL_CATEGORY_WORDS,
  APPEAL_CHANNELS,
  CHANNEL_WORDS,
  matchTerm,
  APPEAL_CHANNEL_KEYS,
  APPEAL_STATUS_KEYS,
  EXIT_REASON_KEYS,
  LEGAL_KIND_KEYS,
  ORG_CLOSE_REASON_KEYS,
  SECTOR_KEYS,
  STAFF_CATEGORY_KEYS,
} from './vocabulary.ts';
import { HISTORY_KINDS, JOURNAL_KINDS, type HistoryKind, type JournalKind } from './history.ts';

/**
 * Every operation of the register: its name and the zod schema of its input. The CLI, the main process
 * (IPC), the preload, the web preview and the renderer's client are all built from this one list, and the
 * core's service implements exactly these names (a type error otherwise).
 *
 * Dates are text (`YYYY-MM-DD` or `dd.mm.yyyy`) and amounts are tenge as typed (`12 345,67`) or numbers;
 * the core parses both and names the field when it cannot.
 */
const text = z.string().trim().min(1);
const optionalText = z.string().trim().optional();
/** A correction's text field: absent leaves it, empty or null clears it. */
const clearableText = z.string().trim().nullable().optional();
const date = z.string().trim().min(1);
const tenge = z.union([z.string().trim().min(1), z.number().nonnegative()]);
const code = z.string().trim().min(1).max(32);
const iin = z.string().trim();
const language = z.enum(['ru', 'kk', 'en']).default('ru');

/** Russian and Kazakh labels are accepted where a person types a category or a channel. */
const appealCategory = z.preprocess(
  (v) => (typeof v === 'string' ? (matchTerm(APPEAL_CATEGORIES, v, APPEAL_CATEGORY_WORDS) ?? v) : v),
  z.enum(APPEAL_CATEGORY_KEYS),
);
const appealChannel = z.preprocess(
  (v) => (typeof v === 'string' ? (matchTerm(APPEAL_CHANNELS, v, CHANNEL_WORDS) ?? v) : v),
  z.enum(APPEAL_CHANNEL_KEYS),
);

const decision = z.object({
  body: text,
  number: text,
  date,
});

const orgFields = {
  name: text,
  shortName: optionalText,
  bin: optionalText,
  sector: z.enum(SECTOR_KEYS).default('healthcare'),
  address: optionalText,
  chairName: optionalText,
  chairPhone: optionalText,
  headcount: z.number().int().nonnegative().optional(),
  registeredOn: date.optional(),
};

const appealFields = {
  receivedOn: date,
  channel: appealChannel,
  applicant: text,
  applicantKind: z.enum(['individual', 'collective']).default('individual'),
  signatories: z.number().int().positive().optional(),
  memberIin: iin.optional(),
  orgCode: code.optional(),
  category: appealCategory,
  summary: optionalText,
  assignee: optionalText,
  onControl: z.boolean().default(false),
  dueOn: date.optional(),
  legalKind: z.enum(LEGAL_KIND_KEYS).optional(),
  legalSum: tenge.optional(),
};

/**
 * The largest file the window sends as bytes (base64 in one message): 30 MB, twice a 100,000-member
 * register. The window refuses a larger one before reading it (import.too_large); the CLI reads a path, up
 * to the core's own limit.
 */
export const MAX_UPLOAD_BYTES = 30 * 1024 * 1024;

/**
 * A file to import: a path (CLI, Electron's open dialog) or its bytes as base64 with the file's name (the
 * browser, which cannot hand out paths). The name's extension says CSV or XLSX.
 */
const fileFields = {
  file: text.optional(),
  content: z
    .string()
    .max(Math.ceil(MAX_UPLOAD_BYTES / 3) * 4)
    .optional(),
  fileName: text.optional(),
};
const oneFile = <T extends { file?: string; content?: string; fileName?: string }>(v: T) =>
  v.file ? !v.content : Boolean(v.content && v.fileName);
const oneFileMessage = { message: 'give either file, or content with fileName' };

const importSource = z
  .object({
    kind: z.enum(['orgs', 'members', 'dues', 'appeals']),
    ...fileFields,
    /** Write the file's values over records that already exist and differ (after seeing the list). */
    update: z.boolean().default(false),
  })
  .refine(oneFile, oneFileMessage);

/**
 * A report's period: a year, a quarter of it, or a range of dates (`from`, `to`: «с ноября 2021 года» up
 * to the end of a year). The core says which is missing or contradictory.
 */
const periodFields = {
  year: z.number().int().min(1990).max(2100).optional(),
  quarter: z.number().int().min(1).max(4).optional(),
  from: date.optional(),
  to: date.optional(),
};
const period = z.object({
  ...periodFields,
  /** At headquarters: one branch instead of the whole union. */
  branch: z.string().trim().min(1).max(32).optional(),
});

const payrollColumn = z.string().trim().min(1).max(200).optional();
/** An employer's payroll register for a PPO and month; the file as for imports. */
const payrollSource = z
  .object({
    orgCode: code,
    month: text,
    ...fileFields,
    /** Header text of each column, when the guess from the headers is wrong. */
    map: z
      .object({ iin: payrollColumn, name: payrollColumn, salary: payrollColumn, withheld: payrollColumn })
      .optional(),
    remittanceId: z.string().uuid().optional(),
  })
  .refine(oneFile, oneFileMessage);

/** Packages as bytes (base64) with their names: the window's file picker gives no paths. */
const uploads = z.object({
  packages: z
    .array(z.object({ name: text, content: z.string().max(60 * 1024 * 1024) }))
    .min(1)
    .max(40),
  /** Headquarters has confirmed with the branch a package number far past the last one accepted. */
  confirmSeqJump: z.boolean().optional(),
});

/** A small signed file from headquarters: a path (CLI) or its bytes as base64 (the window). */
const signedFile = z
  .object({
    file: text.optional(),
    content: z
      .string()
      .max(2 * 1024 * 1024)
      .optional(),
  })
  .refine((v) => Boolean(v.file) !== Boolean(v.content), { message: 'give either file or content' });

export const contract = {
  'register.info': z.object({}),
  /**
   * A new register file (File → New): a branch or headquarters, its code and name. `file`: the CLI's path,
   * or the main process's save dialog; the window then switches to it.
   */
  'register.create': z.object({
    kind: z.enum(['branch', 'hq']),
    code: z
      .string()
      .trim()
      .regex(/^[A-Z0-9_-]{2,16}$/, 'code: 2-16 capital Latin letters or digits'),
    name: text,
    file: text,
  }),
  'settings.update': z.object({
    branchCode: z
      .string()
      .trim()
      .regex(/^[A-Z0-9_-]{2,16}$/, 'branch code: 2-16 capital Latin letters or digits')
      .optional(),
    branchName: optionalText,
    /** The branch's name in Kazakh, used by Kazakh prints. */
    branchNameKk: optionalText,
    region: optionalText,
    chair: optionalText,
    phone: optionalText,
    appealDueDays: z.number().int().min(1).max(365).optional(),
    packageDueDays: z.number().int().min(0).max(120).optional(),
    updateUrl: z.string().trim().max(500).optional(),
    /** Where copies go before imports; empty: `backups` beside the database file. */
    backupsDir: z.string().trim().max(1000).optional(),
    language: z.enum(['ru', 'kk', 'en']).optional(),
  }),
  /**
   * Where copies go before imports: a folder (the CLI's path, or the main process's folder dialog for the
   * window); empty: `backups` beside the database.
   */
  'settings.backupsDir': z.object({ dir: z.string().trim().max(1000) }),
  'rates.list': z.object({}),
  'rates.set': z.object({
    validFrom: date,
    ratePercent: z.union([z.string(), z.number()]),
    sharePpoPercent: z.union([z.string(), z.number()]),
    shareBranchPercent: z.union([z.string(), z.number()]),
    shareCentralPercent: z.union([z.string(), z.number()]),
    /** Why, when a rate still to come is changed. */
    reason: optionalText,
  }),
  /** Only a rate still to come can be deleted. */
  'rates.delete': z.object({ validFrom: date, reason: optionalText }),

  'orgs.list': z.object({
    status: z.enum(['active', 'closed']).optional(),
    sector: z.enum(SECTOR_KEYS).optional(),
    search: optionalText,
    language,
    /** At headquarters: one branch's PPOs (without it, the union's, codes qualified as KRG/P001). */
    branch: code.optional(),
  }),
  /** At headquarters: `branch`, or a qualified code (KRG/P001). */
  'orgs.get': z.object({ code, branch: code.optional() }),
  'orgs.create': z.object({ code, ...orgFields }),
  'orgs.update': z.object({ code, ...z.object(orgFields).partial().shape }),
  'orgs.close': z.object({
    code,
    closedOn: date,
    reason: z.enum(ORG_CLOSE_REASON_KEYS),
    mergedInto: code.optional(),
  }),
  'orgs.reopen': z.object({ code, reason: text }),

  'members.list': z.object({
    orgCode: code.optional(),
    status: z.enum(['active', 'exited', 'annulled']).optional(),
    category: z.enum(STAFF_CATEGORY_KEYS).optional(),
    search: optionalText,
    language,
    limit: z.number().int().positive().max(100000).optional(),
    offset: z.number().int().nonnegative().optional(),
    /** At headquarters: one branch's members (without it, the union's). */
    branch: code.optional(),
  }),
  /** At headquarters the card also lists every branch the person was in; `branch` narrows it to one. */
  'members.get': z.object({ iin, branch: code.optional() }),
  'members.admit': z.object({
    orgCode: code,
    surname: text,
    givenName: text,
    patronymic: optionalText,
    iin,
    birthDate: date.optional(),
    sex: z.enum(['male', 'female']).optional(),
    position: optionalText,
    category: z.enum(STAFF_CATEGORY_KEYS),
    phone: optionalText,
    cardNo: optionalText,
    applicationDate: date,
    decision,
    admittedOn: date.optional(),
    /** Arrives on transfer from another branch (its code): the admission is the second half of a transfer. */
    fromBranch: code.optional(),
    /** The office has checked and confirms admitting someone aged 14 or 15 (the form's checkbox). */
    confirmMinor: z.boolean().default(false),
  }),
  'members.exit': z.object({
    iin,
    reason: z.enum(EXIT_REASON_KEYS),
    applicationDate: date.optional(),
    decision,
    exitedOn: date.optional(),
    note: optionalText,
  }),
  /** To a PPO of this branch (`toOrgCode`) or to another branch (`toBranch`, its code): exactly one. */
  'members.transfer': z.object({
    iin,
    toOrgCode: code.optional(),
    toBranch: code.optional(),
    transferredOn: date,
    decision: decision.optional(),
    note: optionalText,
  }),
  /**
   * Puts a member's data right, with the reason (kept in the history). `iin` names the member; `newIin`
   * corrects the IIN itself. Patronymic, position, phone and card: empty or null clears them.
   */
  'members.correct': z.object({
    iin,
    newIin: iin.optional(),
    surname: optionalText,
    givenName: optionalText,
    patronymic: clearableText,
    position: clearableText,
    category: z.enum(STAFF_CATEGORY_KEYS).optional(),
    phone: clearableText,
    cardNo: clearableText,
    reason: text,
  }),
  /** Annuls the member's last membership event, with the reason: as if it had never happened. */
  'members.annul': z.object({ iin, reason: text }),
  'members.issueCard': z.object({ iin, cardNo: text, issuedOn: date }),

  'dues.list': z.object({
    year: z.number().int().optional(),
    orgCode: code.optional(),
    /** At headquarters: one branch's remittances (without it, the union's). */
    branch: code.optional(),
  }),
  'dues.record': z.object({
    orgCode: code,
    month: text,
    monthsCovered: z.number().int().min(1).max(12).default(1),
    membersCount: z.number().int().nonnegative().optional(),
    payroll: tenge.optional(),
    received: tenge,
    receivedOn: date.optional(),
    docNo: optionalText,
    note: optionalText,
    lines: z
      .array(z.object({ iin, fullName: optionalText, salary: tenge.optional(), withheld: tenge }))
      .optional(),
    /**
     * The accountant confirms an amount far above what the payroll or the PPO's usual month makes plausible
     * (refused as `dues.implausible_payroll` / `dues.implausible_median` without it).
     */
    confirmImplausible: z.boolean().default(false),
  }),
  /** Corrections in an open quarter: date, document, amounts and note; null clears payroll or date. */
  'dues.update': z.object({
    id: z.string().uuid(),
    receivedOn: date.nullable().optional(),
    docNo: z.string().trim().optional(),
    received: tenge.optional(),
    payroll: tenge.nullable().optional(),
    membersCount: z.number().int().nonnegative().nullable().optional(),
    note: z.string().trim().optional(),
    reason: optionalText,
  }),
  /** Deletes a remittance with its lines; the answer's `removalId` undoes it (`dues.restore`). */
  'dues.delete': z.object({ id: z.string().uuid(), reason: optionalText }),
  /** «Отменить»: a deleted remittance or payroll line back, with its own id. */
  'dues.restore': z.object({ removalId: z.number().int().positive(), reason: optionalText }),
  /** A remittance's per-member lines (from the employer's payroll register). */
  'dues.lines': z.object({ remittanceId: z.string().uuid() }),
  'dues.updateLine': z.object({
    id: z.string().uuid(),
    withheld: tenge.optional(),
    salary: tenge.nullable().optional(),
    fullName: z.string().trim().optional(),
    reason: optionalText,
  }),
  'dues.deleteLine': z.object({ id: z.string().uuid(), reason: optionalText }),
  'quarters.list': z.object({}),
  'quarters.close': z.object({ quarter: text }),
  'quarters.reopen': z.object({ quarter: text, reason: text }),

  'appeals.list': z.object({
    year: z.number().int().optional(),
    status: z.enum(APPEAL_STATUS_KEYS).optional(),
    category: z.enum(APPEAL_CATEGORY_KEYS).optional(),
    onControl: z.boolean().optional(),
    overdue: z.boolean().optional(),
    orgCode: code.optional(),
    /** Registered or in progress: everything not yet closed. */
    open: z.boolean().optional(),
    /** At headquarters: one branch's journal (without it, the union's, read-only). */
    branch: code.optional(),
  }),
  'appeals.add': z.object({
    regNo: optionalText,
    ...appealFields,
    status: z.enum(['registered', 'in_progress']).default('registered'),
  }),
  'appeals.update': z.object({
    year: z.number().int(),
    regNo: text,
    ...z.object(appealFields).partial().shape,
    status: z.enum(['registered', 'in_progress']).optional(),
    /** Why, when the edit corrects a mistake (kept in the history). */
    reason: optionalText,
  }),
  'appeals.reopen': z.object({ year: z.number().int(), regNo: text, reason: text }),
  /** An appeal registered by mistake: kept in the register's history, counted nowhere, number not reused. */
  'appeals.remove': z.object({ year: z.number().int(), regNo: text, reason: text }),
  'appeals.close': z.object({
    year: z.number().int(),
    regNo: text,
    closedOn: date,
    outcome: optionalText,
    economicEffect: tenge.optional(),
  }),

  'reports.appeals': period,
  'reports.appealsByChannel': period,
  'reports.appealsByMonth': period,
  'reports.overdue': z.object({ date: date.optional(), branch: code.optional() }),
  'reports.legal': period,
  /** As of `date` (or `to`), with the movement over the range `from`–`to` (by default from 1 January). */
  'reports.membership': z.object({
    date: date.optional(),
    from: date.optional(),
    to: date.optional(),
    language,
    branch: code.optional(),
  }),
  'reports.dues': period,
  /**
   * The union's annual report for a year: members and PPOs per branch with density, appeals by category,
   * «МедАдвокат» since `legalFrom` (November 2021 by default), dues per branch with completeness.
   */
  'reports.annual': z.object({
    year: z.number().int().min(1990).max(2100),
    legalFrom: date.optional(),
    language,
  }),
  /** Members month by month (chart); at headquarters also members per branch. */
  'reports.membershipSeries': z.object({
    months: z.number().int().min(2).max(60).default(12),
    branch: code.optional(),
  }),

  'keys.info': z.object({}),
  'keys.init': z.object({}),
  'keys.exportPublic': z.object({ out: text }),
  'keys.backup': z.object({ out: text }),
  'keys.restore': z.object({ file: text }),
  'hqKey.init': z.object({}),
  'hqKey.exportRecipient': z.object({ out: text }),
  'hqKey.exportIdentity': z.object({ out: text }),
  'hqKey.setRecipient': z.object({ recipient: text }),
  /** At a branch: headquarters' public signing key (its .pub, a path or the text), for receipts and directives. */
  'hqKey.setSigning': z.object({ key: text }),

  /** `out`: a file or folder; by default `exports/` beside the database. */
  'exchange.export': z.object({ quarter: text, recipient: optionalText, out: optionalText }),
  'exchange.exportPreview': z.object({ quarter: text }),
  'exchange.exports': z.object({}),
  'exchange.trust': z.object({ branch: code, key: text, validFrom: date.optional(), note: optionalText }),
  'exchange.revoke': z.object({ branch: code, keyId: text, revokedAt: date.optional() }),
  'exchange.trustedKeys': z.object({ branch: code.optional() }),
  'exchange.verify': z.object({ file: text }),

  'exchange.merge': z.object({ files: z.array(text).min(1), confirmSeqJump: z.boolean().optional() }),
  'exchange.mergeUpload': uploads,
  /** Every check and the diff against the current snapshot, writing nothing: shown before merging. */
  'exchange.inspectUpload': uploads,
  'exchange.transfers': z.object({}),
  'exchange.duplicates': z.object({}),
  'exchange.submissions': z.object({}),
  'exchange.importLog': z.object({}),
  /** At headquarters: the signed receipt for a branch's accepted package (its latest, or `seq`). */
  'exchange.receipt': z.object({ branch: code, seq: z.number().int().positive().optional() }),
  /** At a branch: headquarters' receipt, a path or the file's bytes. */
  'exchange.importReceipt': signedFile,
  /** At headquarters: its dues rate valid from a date, signed as a directive for the branches. */
  'exchange.directive': z.object({ validFrom: date }),
  /** At a branch: headquarters' directive applied (the rate from its date), a path or the file's bytes. */
  'exchange.applyDirective': signedFile,
  'exchange.directives': z.object({}),

  /** The employer's payroll register for a PPO and month: `check` lists exceptions, `attach` confirms. */
  'payroll.columns': payrollSource,
  'payroll.check': payrollSource,
  'payroll.attach': payrollSource,

  /** A register or a report as XLSX; the answer carries the file as base64 (the window saves it). */
  'xlsx.export': z.object({
    kind: z.enum([
      'members',
      'appeals',
      'dues',
      'appeals-report',
      'legal-report',
      'membership-report',
      'dues-report',
      'annual-report',
    ]),
    legalFrom: date.optional(),
    orgCode: code.optional(),
    status: z.enum(['active', 'exited']).optional(),
    /** The list's own filters, so the file holds what the screen shows: members… */
    search: optionalText,
    category: z.enum(STAFF_CATEGORY_KEYS).optional(),
    /** …and appeals (their journal's status, category, marks, search and order). */
    appealStatus: z.enum(APPEAL_STATUS_KEYS).optional(),
    appealCategory: z.enum(APPEAL_CATEGORY_KEYS).optional(),
    onControl: z.boolean().optional(),
    overdue: z.boolean().optional(),
    newestFirst: z.boolean().optional(),
    ...periodFields,
    date: date.optional(),
    branch: code.optional(),
    language,
  }),

  /** «История изменений» of one record: a member by IIN, a PPO by code, a remittance by id, an appeal by number. */
  'history.record': z.object({
    kind: z.enum(HISTORY_KINDS as [HistoryKind, ...HistoryKind[]]),
    key: text,
    /** An appeal's year, when its number does not begin with it. */
    year: z.number().int().min(1990).max(2100).optional(),
  }),
  /** The register-wide journal, newest first: by date (the office's days), kind and record. */
  'history.journal': z.object({
    since: date.optional(),
    until: date.optional(),
    kind: z.enum(JOURNAL_KINDS as [JournalKind, ...JournalKind[]]).optional(),
    record: optionalText,
    limit: z.number().int().min(1).max(1000).default(200),
    offset: z.number().int().nonnegative().optional(),
  }),

  /** Settings → «Резервные копии»: the backups with date, reason, size and what the register held. */
  'backups.list': z.object({}),
  /** A backup now, by hand (kept until deleted by hand). */
  'backups.create': z.object({}),
  /** A copy of a backup to a folder (`to`: the CLI's flag or the main process's folder dialog). */
  'backups.copy': z.object({ id: text.max(300), to: text }),
  /** The window's variant of the copy: the backup's bytes as base64, saved by the page. */
  'backups.download': z.object({ id: text.max(300) }),
  /** Replaces the register with a backup (the current one is backed up first); the window reloads after. */
  'backups.restore': z.object({ id: text.max(300), reason: optionalText }),

  'import.preview': importSource,
  'import.run': importSource,
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type OperationInput<K extends OperationName> = z.input<Contract[K]>;
export type ParsedInput<K extends OperationName> = z.output<Contract[K]>;
/**
 * What each operation answers: inferred from the core's handler table, but named here so that every door
 * (the renderer above all) takes its result types from the contract and never imports the core.
 */
export type { OperationResult } from '../core/service.ts';
export const OPERATION_NAMES = Object.keys(contract) as OperationName[];

export type Period = z.output<typeof period>;

/**
 * Who may call each operation — the window's surface is this table, not the whole contract:
 * - `window`: the window calls it as is (the preload, the IPC router and the web preview expose it), never
 *   with a path: `paths` names the fields only the CLI may fill (the window sends a file's bytes instead),
 *   `texts` the fields the window gives as text that the CLI may also give as a file's path;
 * - `dialog`: the window calls it without its path; the main process asks for the file in a native
 *   dialog and fills `dialog.field` (the web preview has no dialogs, and refuses it);
 * - `main`: the CLI only (paths of several files, a package checked in place).
 * `read`: pure reads, answered beside a long write (the core's reader); test/node/surface.test.ts runs each
 * on a read-only connection.
 */
export type Door = 'window' | 'dialog' | 'main';
export interface Access {
  door: Door;
  read?: true;
  paths?: readonly string[];
  texts?: readonly string[];
  dialog?: {
    field: string;
    kind: 'save' | 'open' | 'folder';
    /** The file name offered, `{code}` replaced by the register's code. */
    name?: string;
    extensions?: readonly string[];
  };
}

const W: Access = { door: 'window' };
const R: Access = { door: 'window', read: true };
const FILE_OR_BYTES: Access = { door: 'window', paths: ['file'] };

export const SURFACE = {
  'register.info': R,
  'register.create': {
    door: 'dialog',
    dialog: { field: 'file', kind: 'save', name: '{code}.sqlite', extensions: ['sqlite'] },
  },
  'settings.update': { door: 'window', paths: ['backupsDir'] },
  'settings.backupsDir': { door: 'dialog', dialog: { field: 'dir', kind: 'folder' } },
  'rates.list': R,
  'rates.set': W,
  'rates.delete': W,
  'orgs.list': R,
  'orgs.get': R,
  'orgs.create': W,
  'orgs.update': W,
  'orgs.close': W,
  'orgs.reopen': W,
  'members.list': W, // at headquarters it first refreshes the members' search keys
  'members.get': R,
  'members.admit': W,
  'members.exit': W,
  'members.transfer': W,
  'members.correct': W,
  'members.annul': W,
  'members.issueCard': W,
  'dues.list': R,
  'dues.record': W,
  'dues.update': W,
  'dues.delete': W,
  'dues.restore': W,
  'dues.lines': R,
  'dues.updateLine': W,
  'dues.deleteLine': W,
  'quarters.list': R,
  'quarters.close': W,
  'quarters.reopen': W,
  'appeals.list': R,
  'appeals.add': W,
  'appeals.update': W,
  'appeals.reopen': W,
  'appeals.remove': W,
  'appeals.close': W,
  'reports.appeals': R,
  'reports.appealsByChannel': R,
  'reports.appealsByMonth': R,
  'reports.overdue': R,
  'reports.legal': R,
  'reports.membership': R,
  'reports.dues': R,
  'reports.annual': R,
  'reports.membershipSeries': R,
  'keys.info': W, // opens headquarters' sealed identity through the key store
  'keys.init': W,
  'keys.exportPublic': {
    door: 'dialog',
    dialog: { field: 'out', kind: 'save', name: '{code}.pub', extensions: ['pub'] },
  },
  'keys.backup': {
    door: 'dialog',
    dialog: { field: 'out', kind: 'save', name: '{code}-signing-backup.key', extensions: ['key'] },
  },
  'keys.restore': { door: 'dialog', dialog: { field: 'file', kind: 'open', extensions: ['key'] } },
  'hqKey.init': W,
  'hqKey.exportRecipient': {
    door: 'dialog',
    dialog: { field: 'out', kind: 'save', name: 'hq-recipient.txt', extensions: ['txt'] },
  },
  'hqKey.exportIdentity': {
    door: 'dialog',
    dialog: { field: 'out', kind: 'save', name: 'hq-identity-backup.key', extensions: ['key'] },
  },
  'hqKey.setRecipient': { door: 'window', texts: ['recipient'] },
  'hqKey.setSigning': { door: 'window', texts: ['key'] },
  'exchange.export': { door: 'window', paths: ['out'], texts: ['recipient'] },
  'exchange.exportPreview': R,
  'exchange.exports': R,
  'exchange.trust': { door: 'window', texts: ['key'] },
  'exchange.revoke': W,
  'exchange.trustedKeys': R,
  'exchange.verify': { door: 'main' },
  'exchange.merge': { door: 'main' },
  'exchange.mergeUpload': W,
  'exchange.inspectUpload': W,
  'exchange.transfers': R,
  'exchange.duplicates': R,
  'exchange.submissions': R,
  'exchange.importLog': R,
  'exchange.receipt': W,
  'exchange.importReceipt': FILE_OR_BYTES,
  'exchange.directive': W,
  'exchange.applyDirective': FILE_OR_BYTES,
  'exchange.directives': R,
  'payroll.columns': FILE_OR_BYTES,
  'payroll.check': FILE_OR_BYTES,
  'payroll.attach': FILE_OR_BYTES,
  'xlsx.export': W, // the member list first refreshes the members' sort keys
  'history.record': R,
  'history.journal': R,
  'backups.list': R,
  'backups.create': W,
  'backups.copy': { door: 'dialog', dialog: { field: 'to', kind: 'folder' } },
  'backups.download': R,
  'backups.restore': W,
  'import.preview': FILE_OR_BYTES,
  'import.run': FILE_OR_BYTES,
} as const satisfies Record<OperationName, Access>;

/** What the window may call: the preload's methods, the IPC router's and the web preview's operations. */
export const WINDOW_OPERATIONS = OPERATION_NAMES.filter((op) => SURFACE[op].door !== 'main');
/** The pure reads, answered by the core's reader beside a long write. */
export const READ_OPERATIONS: ReadonlySet<OperationName> = new Set(
  OPERATION_NAMES.filter((op) => (SURFACE[op] as Access).read),
);
