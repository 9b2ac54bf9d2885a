import type { z } from 'zod';
import { contract, type OperationName, type ParsedInput } from '../shared/contract.ts';
import type { UiLanguage } from '../shared/collation.ts';
import type { Envelope } from '../shared/envelope.ts';
import { addAppeal, closeAppeal, listAppeals, updateAppeal } from './appeals/appeals.ts';
import { removeAppeal, reopenAppeal } from './appeals/corrections.ts';
import { journal, recordHistory } from './history/history.ts';
import {
  copyBackup,
  createBackup,
  downloadBackup,
  listBackups,
  restoreBackup,
} from './backups/operations.ts';
import { parseDate } from './dates.ts';
import { closeRegister, initRegister } from './db/init.ts';
import { schemaVersion } from './db/open.ts';
import { closeQuarter, listQuarterActions, reopenQuarter } from './dues/quarters.ts';
import { listRemittances, recordRemittance } from './dues/remittances.ts';
import {
  deleteLine,
  deleteRemittance,
  listLines,
  restoreDeleted,
  updateLine,
  updateRemittance,
} from './dues/corrections.ts';
import { refusalEnvelope } from './envelopes.ts';
import { RegisterError, refusal, refuse } from './errors.ts';

export { refusalEnvelope };
import { logError } from './log.ts';
import { previewImport, runImport } from './import/run.ts';
import { exportXlsx } from './spreadsheets/exports.ts';
import { attachPayrollRegister, checkPayrollRegister, payrollColumns } from './dues/payroll.ts';
import { exportHistory, exportPackage, previewExport } from './exchange/export.ts';
import { revokeBranchKey, trustBranchKey, trustedKeys, type TrustedKey } from './exchange/registry.ts';
import { verifyPackage } from './exchange/verify.ts';
import { mergeBatch, readPackageFile, readSmallFile } from './exchange/batch.ts';
import { activeInTwoBranches, branchTransfers, importLog, submissions } from './exchange/hq-views.ts';
import { withScope } from './exchange/scope.ts';
import { importReceipt, writeReceipt } from './exchange/receipts.ts';
import { applyDirective, listDirectives, writeDirective } from './exchange/directives.ts';
import { MAX_SIGNED_BYTES } from './exchange/signed-docs.ts';
import { hqMember, hqOrg, refreshHqMemberKeys, type MemberCard } from './exchange/hq-people.ts';
import {
  backupSigningKey,
  restoreSigningKey,
  exportIdentity,
  exportPublicKey,
  exportRecipient,
  initHqIdentity,
  initSigningKey,
  keysInfo,
  setHqRecipient,
  setHqSigningKey,
} from './exchange/keys.ts';
import { annulLastEvent, correctMember } from './members/corrections.ts';
import {
  admitMember,
  exitMember,
  getMember,
  issueCard,
  listMembers,
  transferMember,
} from './members/members.ts';
import { closeOrg, createOrg, listOrgs, reopenOrg, requireOrg, updateOrg } from './orgs/orgs.ts';
import { today, type Register } from './register.ts';
import { cleanInputText } from './validation/input.ts';
import {
  appealsByCategory,
  appealsByChannel,
  appealsByMonth,
  legalHelp,
  overdueAppeals,
} from './reports/appeals.ts';
import { annualReport } from './reports/annual.ts';
import { duesReport } from './reports/dues.ts';
import { membersPerBranch, membershipReport, membershipSeries } from './reports/membership.ts';
import { deleteRate, listRates, readSettings, setRate, writeSettings } from './settings/settings.ts';
import type { CallOptions } from './progress.ts';

export type { CallOptions, Progress, ProgressReporter } from './progress.ts';

const isHq = async (reg: Register) => (await readSettings(reg.db)).kind === 'hq';

/**
 * What only a branch writes: at headquarters the branches' registers are read from their snapshots, and a
 * PPO, member, remittance or appeal entered there would belong to no branch.
 */
const BRANCH_WRITES = new Set<OperationName>([
  'orgs.create',
  'orgs.update',
  'orgs.close',
  'members.admit',
  'members.exit',
  'members.transfer',
  'members.correct',
  'members.issueCard',
  'dues.record',
  'dues.delete',
  'quarters.close',
  'quarters.reopen',
  'appeals.add',
  'appeals.update',
  'appeals.close',
  'import.run',
  'payroll.attach',
  // corrections
  'orgs.reopen',
  'members.annul',
  'dues.update',
  'dues.restore',
  'dues.updateLine',
  'dues.deleteLine',
  'appeals.reopen',
  'appeals.remove',
]);

/** A trusted key as the UI and CLI show it (the key itself as base64). */
function publicView(k: TrustedKey) {
  return { ...k, publicKey: k.publicKey.toString('base64') };
}

type Handlers = {
  [K in OperationName]: (reg: Register, input: ParsedInput<K>, options: CallOptions) => Promise<unknown>;
};

/** The core's implementation of every contract operation. */
export const handlers = {
  'register.info': async (reg) => ({
    ...(await readSettings(reg.db)),
    schemaVersion: await schemaVersion(reg.db),
    file: reg.file,
    /** The office's date (UTC+5): the window tells a rate still to come from one in force by it. */
    today: today(reg),
  }),
  'register.create': async (_reg, input) => {
    const created = await initRegister(input.file, { kind: input.kind, code: input.code, name: input.name });
    await closeRegister(created);
    return { file: created.file, kind: input.kind, code: input.code, name: input.name };
  },
  'settings.update': async (reg, input) => {
    await reg.db.transaction((trx) => writeSettings(trx, input));
    return readSettings(reg.db);
  },
  'settings.backupsDir': async (reg, input) => {
    await reg.db.transaction((trx) => writeSettings(trx, { backupsDir: input.dir }));
    return readSettings(reg.db);
  },
  'rates.list': async (reg) => listRates(reg.db),
  'rates.set': (reg, input) => setRate(reg, input),
  'rates.delete': (reg, input) => deleteRate(reg, input),

  'orgs.list': (reg, input) => withScope(reg, input.branch, (r) => listOrgs(r, input)),
  'orgs.get': async (reg, input) =>
    (await isHq(reg)) ? hqOrg(reg, input.code, input.branch) : requireOrg(reg.db, input.code),
  'orgs.create': (reg, input) => createOrg(reg, input),
  'orgs.update': (reg, input) => updateOrg(reg, input),
  'orgs.close': (reg, input) => closeOrg(reg, input),
  'orgs.reopen': (reg, input) => reopenOrg(reg, input),

  'members.list': async (reg, input) => {
    if (await isHq(reg)) await refreshHqMemberKeys(reg);
    return withScope(reg, input.branch, (r) => listMembers(r, input));
  },
  'members.get': async (reg, input): Promise<MemberCard> =>
    (await isHq(reg)) ? hqMember(reg, input.iin, input.branch) : getMember(reg, input.iin),
  'members.admit': (reg, input) => admitMember(reg, input),
  'members.exit': (reg, input) => exitMember(reg, input),
  'members.transfer': (reg, input) => transferMember(reg, input),
  'members.correct': (reg, input) => correctMember(reg, input),
  'members.annul': (reg, input) => annulLastEvent(reg, input),
  'members.issueCard': (reg, input) => issueCard(reg, input),

  'dues.list': (reg, input) => withScope(reg, input.branch, (r) => listRemittances(r.db, input)),
  'dues.record': (reg, input) => recordRemittance(reg, input),
  'dues.update': (reg, input) => updateRemittance(reg, input),
  'dues.delete': (reg, input) => deleteRemittance(reg, input),
  'dues.restore': (reg, input) => restoreDeleted(reg, input),
  'dues.lines': (reg, input) => listLines(reg.db, input.remittanceId),
  'dues.updateLine': (reg, input) => updateLine(reg, input),
  'dues.deleteLine': (reg, input) => deleteLine(reg, input),
  'quarters.list': (reg) => listQuarterActions(reg.db),
  'quarters.close': async (reg, input) => ({ closed: await closeQuarter(reg, input.quarter) }),
  'quarters.reopen': async (reg, input) => ({
    reopened: await reopenQuarter(reg, input.quarter, input.reason),
  }),

  'appeals.list': (reg, input) => withScope(reg, input.branch, (r) => listAppeals(r, input)),
  'appeals.add': (reg, input) => addAppeal(reg, input),
  'appeals.update': (reg, input) => updateAppeal(reg, input),
  'appeals.close': (reg, input) => closeAppeal(reg, input),
  'appeals.reopen': (reg, input) => reopenAppeal(reg, input),
  'appeals.remove': (reg, input) => removeAppeal(reg, input),

  'reports.appeals': (reg, input) => withScope(reg, input.branch, (r) => appealsByCategory(r, input)),
  'reports.appealsByChannel': (reg, input) => withScope(reg, input.branch, (r) => appealsByChannel(r, input)),
  'reports.appealsByMonth': (reg, input) => withScope(reg, input.branch, (r) => appealsByMonth(r, input)),
  'reports.overdue': (reg, input) =>
    withScope(reg, input.branch, (r) =>
      overdueAppeals(r, input.date ? parseDate(input.date, 'date') : today(reg)),
    ),
  'reports.legal': (reg, input) => withScope(reg, input.branch, (r) => legalHelp(r, input)),
  'reports.membership': (reg, input) =>
    withScope(reg, input.branch, (r) =>
      membershipReport(
        r,
        parseDate(input.to ?? input.date ?? today(reg), input.to ? 'to' : 'date'),
        input.language as UiLanguage,
        input.from ? parseDate(input.from, 'from') : undefined,
      ),
    ),
  'reports.dues': (reg, input) => withScope(reg, input.branch, (r) => duesReport(r, input, today(reg))),

  'reports.annual': (reg, input) => annualReport(reg, input, today(reg)),

  'reports.membershipSeries': async (reg, input) => ({
    series: await withScope(reg, input.branch, (r) => membershipSeries(r, today(reg), input.months)),
    // union-wide at headquarters only: narrowed to one branch there is nothing to compare
    perBranch: !input.branch && (await readSettings(reg.db)).kind === 'hq' ? await membersPerBranch(reg) : [],
  }),

  'keys.info': (reg) => keysInfo(reg),
  'keys.init': (reg) => initSigningKey(reg),
  'keys.exportPublic': (reg, input) => exportPublicKey(reg, input.out),
  'keys.backup': (reg, input) => backupSigningKey(reg, input.out),
  'keys.restore': (reg, input) => restoreSigningKey(reg, input.file),
  'hqKey.init': (reg) => initHqIdentity(reg),
  'hqKey.exportRecipient': (reg, input) => exportRecipient(reg, input.out),
  'hqKey.exportIdentity': (reg, input) => exportIdentity(reg, input.out),
  'hqKey.setRecipient': (reg, input, { window }) => setHqRecipient(reg, input.recipient, textOf(window)),
  'hqKey.setSigning': (reg, input, { window }) => setHqSigningKey(reg, input.key, textOf(window)),

  'exchange.export': (reg, input, { progress, window }) =>
    exportPackage(reg, input, progress, textOf(window)),
  'exchange.exportPreview': (reg, input) => previewExport(reg, input.quarter),
  'exchange.exports': (reg) => exportHistory(reg),
  'exchange.trust': async (reg, input, { window }) =>
    publicView(await trustBranchKey(reg, input, textOf(window))),
  'exchange.revoke': async (reg, input) => publicView(await revokeBranchKey(reg, input)),
  'exchange.trustedKeys': async (reg, input) => (await trustedKeys(reg, input.branch)).map(publicView),
  'exchange.verify': async (reg, input) => {
    const checked = await verifyPackage(reg, readPackageFile(input.file));
    const { files, ...manifest } = checked.manifest;
    return { ...manifest, files: files.map((f) => ({ path: f.path, rows: f.rows, bytes: f.bytes })) };
  },

  'exchange.merge': (reg, input, { progress }) =>
    mergeBatch(
      reg,
      input.files.map((file) => ({ name: file, path: file })),
      'merge',
      { confirmSeqJump: input.confirmSeqJump, progress },
    ),
  'exchange.mergeUpload': (reg, input, { progress }) =>
    mergeBatch(reg, uploaded(input.packages), 'merge', { confirmSeqJump: input.confirmSeqJump, progress }),
  'exchange.inspectUpload': (reg, input, { progress }) =>
    mergeBatch(reg, uploaded(input.packages), 'inspect', { confirmSeqJump: input.confirmSeqJump, progress }),
  'exchange.transfers': (reg) => branchTransfers(reg),
  'exchange.duplicates': (reg) => activeInTwoBranches(reg),
  'exchange.submissions': (reg) => submissions(reg),
  'exchange.importLog': (reg) => importLog(reg),
  'exchange.receipt': (reg, input) => writeReceipt(reg, input),
  'exchange.importReceipt': (reg, input) => importReceipt(reg, signedBytes(input)),
  'exchange.directive': (reg, input) => writeDirective(reg, input),
  'exchange.applyDirective': (reg, input) => applyDirective(reg, signedBytes(input)),
  'exchange.directives': (reg) => listDirectives(reg),

  'payroll.columns': (reg, input) => payrollColumns(reg, input),
  'payroll.check': (reg, input) => checkPayrollRegister(reg, input),
  'payroll.attach': (reg, input) => attachPayrollRegister(reg, input),
  'xlsx.export': async (reg, input, { progress }) => {
    const file = await exportXlsx(
      reg,
      { ...input, date: input.date ? parseDate(input.date, 'date') : undefined },
      today(reg),
      progress,
    );
    return { fileName: file.fileName, content: file.bytes.toString('base64'), bytes: file.bytes.length };
  },

  'history.record': (reg, input) => recordHistory(reg, input),
  'history.journal': (reg, input) => journal(reg, input),

  'backups.list': (reg) => listBackups(reg),
  'backups.create': (reg) => createBackup(reg),
  'backups.copy': (reg, input) => copyBackup(reg, input),
  'backups.download': (reg, input) => downloadBackup(reg, input),
  'backups.restore': (reg, input) => restoreBackup(reg, input),

  'import.preview': (reg, input, { progress }) => previewImport(reg, input.kind, input, progress),
  'import.run': (reg, input, { progress }) => runImport(reg, input.kind, input, progress),
} satisfies Handlers;

/**
 * How a text that the CLI may give as a path (a key, a recipient) is read: from the window, as the text
 * itself (the window never makes the core read a file it names); otherwise as the core's default.
 */
function textOf(window: boolean | undefined): ((value: string) => string) | undefined {
  return window ? (value) => value : undefined;
}

/** A signed file from headquarters by path (the CLI), read within its cap, or as the window's bytes. */
function signedBytes(input: { file?: string; content?: string }): Uint8Array {
  if (input.content) return Buffer.from(input.content, 'base64');
  return readSmallFile(input.file!, MAX_SIGNED_BYTES);
}

function uploaded(packages: Array<{ name: string; content: string }>) {
  return packages.map((p) => ({ name: p.name, bytes: Buffer.from(p.content, 'base64') }));
}

export type OperationResult<K extends OperationName> = Awaited<ReturnType<(typeof handlers)[K]>>;

const ZOD_RU: Record<string, string> = {
  invalid_type: 'неверный тип значения или поле не заполнено',
  too_small: 'значение слишком короткое или маленькое',
  too_big: 'значение слишком длинное или большое',
  invalid_value: 'недопустимое значение',
  invalid_format: 'неверный формат',
  unrecognized_keys: 'неизвестное поле',
  invalid_union: 'неверное значение',
  custom: 'укажите файл: путь или содержимое с именем файла',
};

/** Turns a zod failure into one refusal naming each field, in English and Russian. */
export function inputError(error: z.ZodError): RegisterError {
  const parts = error.issues.map((i) => ({
    path: i.path.join('.') || '(input)',
    code: i.code,
    message: i.message,
  }));
  return new RegisterError(
    'input.invalid',
    parts.map((p) => `${p.path}: ${p.message}`).join('; '),
    parts.map((p) => `${p.path}: ${ZOD_RU[p.code] ?? p.message}`).join('; '),
  );
}

/**
 * Validates the input against the contract and runs the operation: the single door into the core.
 * `options.progress` receives `{ done, total }` from the long operations (import, merge, package export,
 * XLSX); the others ignore it.
 */
export async function call<K extends OperationName>(
  reg: Register,
  op: K,
  input: unknown,
  options: CallOptions = {},
): Promise<OperationResult<K>> {
  // hasOwn, not `contract[op]`: a name like "toString" must not reach the prototype.
  if (!Object.hasOwn(contract, op)) {
    throw refusal('input.unknown_operation', { op: String(op) });
  }
  const parsed = contract[op].safeParse(input ?? {});
  if (!parsed.success) throw inputError(parsed.error);
  // a restore is replacing the register's file: wait for the reopened register
  while (reg.pause) await reg.pause;
  if (BRANCH_WRITES.has(op) && (await isHq(reg))) refuse('register.hq_read_only', {});
  const handler = handlers[op] as unknown as (
    reg: Register,
    input: unknown,
    options: CallOptions,
  ) => Promise<OperationResult<K>>;
  // every text of every operation: normalised, bounded, no control or direction characters
  return handler(reg, cleanInputText(parsed.data), options);
}

/**
 * `call` for transports: refusals become values; anything unexpected is written to the log here (with its
 * stack) and reaches a person only as the `internal` refusal with the log entry's id, so no internals leak.
 */
export async function callSafely(
  reg: Register,
  op: string,
  input: unknown,
  log: (err: unknown, context: Record<string, unknown>) => string = logError,
  options: CallOptions = {},
): Promise<Envelope<unknown>> {
  try {
    return { ok: true, value: await call(reg, op as OperationName, input, options) };
  } catch (err) {
    return refusalEnvelope(err, { op }, log);
  }
}
