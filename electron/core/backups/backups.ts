import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { refuse } from '../errors.ts';
import {
  BACKUP_REASONS,
  backupName,
  backupsFolder,
  listCopies,
  sealCopy,
  sidecarOf,
  type BackupInfo,
  type BackupReason,
} from './copies.ts';

export { backupsFolder, type BackupInfo, type BackupReason } from './copies.ts';

/**
 * The one door every backup goes through: before a migration, an import, a payroll attach, a merge and a
 * restore, once a day on the first start, and by hand. A consistent copy (VACUUM INTO, right even with a
 * WAL beside the file), checked with PRAGMA integrity_check before it counts, described in a sidecar, and
 * old copies pruned by the rule below.
 */

/** The retention rule, as Settings → «Резервные копии» and README state it. */
export const RETENTION = {
  /** The newest daily copies kept. */
  daily: 30,
  /** Copies made before a migration, import, payroll attach, merge or restore: kept this many days… */
  eventDays: 90,
  // …and the newest of each kind is always kept, however old. Copies made by hand are never pruned.
};

function reasonOf(detail: string): BackupReason {
  return BACKUP_REASONS.find((r) => detail === r || detail.startsWith(`${r}-`)) ?? 'manual';
}

/** Deletes what the rule no longer keeps; returns the names deleted. */
export function pruneBackups(folder: string, registerFile: string, now = new Date()): string[] {
  const copies = listCopies(folder, registerFile);
  const gone: BackupInfo[] = [];
  const daily = copies.filter((c) => c.reason === 'daily');
  gone.push(...daily.slice(RETENTION.daily));
  const cutoff = new Date(now.getTime() - RETENTION.eventDays * 86_400_000).toISOString();
  const newestOf = new Set<string>();
  for (const c of copies) {
    if (c.reason === 'daily' || c.reason === 'manual') continue;
    if (!newestOf.has(c.reason)) newestOf.add(c.reason);
    else if (c.createdAt < cutoff) gone.push(c);
  }
  for (const c of gone) {
    fs.rmSync(c.file, { force: true });
    fs.rmSync(sidecarOf(c.file), { force: true });
  }
  return gone.map((c) => c.id);
}

/** Writes a checked copy of the open database; `detail` says before what (`import-members`, `merge`…). */
export async function makeBackup(
  db: Knex,
  file: string,
  detail: string,
  dir = '',
  now = new Date(),
): Promise<BackupInfo> {
  const folder = backupsFolder(file, dir);
  fs.mkdirSync(folder, { recursive: true });
  let target = path.join(folder, backupName(file, reasonOf(detail), detail, now));
  // two copies in the same millisecond (a batch): the second gets a suffix instead of replacing the first
  for (let n = 2; fs.existsSync(target); n++) target = target.replace(/(\.\d+)?\.sqlite$/, `.${n}.sqlite`);
  // a part file of this process's own: two processes backing up in the same millisecond (two imports at
  // once) each write their own copy, never VACUUM INTO the same file ("table … already exists")
  const part = `${target}.${process.pid}-${randomBytes(4).toString('hex')}.part`;
  await db.raw('VACUUM INTO ?', [part]);
  const sealed = sealCopy(part, target, { reason: reasonOf(detail), detail, createdAt: now.toISOString() });
  if ('problem' in sealed) refuse('backup.damaged', { id: path.basename(target), problem: sealed.problem });
  pruneBackups(folder, file, now);
  return sealed;
}

/** The same, answering with the copy's path (what imports and merges report). */
export async function backupDatabase(db: Knex, file: string, reason: string, dir = ''): Promise<string> {
  return (await makeBackup(db, file, reason, dir)).file;
}

/** A backup named by the window or `--id`: a plain file name of this register's folder, never a path. */
export function findBackup(folder: string, registerFile: string, id: string): BackupInfo {
  const found = /^[^/\\]+\.sqlite$/.test(id)
    ? listCopies(folder, registerFile).find((c) => c.id === id)
    : undefined;
  if (!found) refuse('backup.not_found', { id });
  return found;
}

/** Whether a daily copy was already made today (the office's day, given as `today`). */
export function hasDailyBackup(folder: string, registerFile: string, today: string): boolean {
  const startUtc = new Date(`${today}T00:00:00+05:00`).toISOString();
  return listCopies(folder, registerFile).some((c) => c.reason === 'daily' && c.createdAt >= startUtc);
}

export { listCopies };
