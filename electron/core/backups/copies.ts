import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/**
 * Backup files themselves: where they go, how they are named, what a sidecar `.json` says about each, and
 * the checks run on a copy (PRAGMA integrity_check, and what the register held). Works on files only, with
 * its own short-lived read-only connections, so it needs no open register (a restore runs on a closed file).
 */
export type BackupReason = 'migration' | 'import' | 'payroll' | 'merge' | 'restore' | 'daily' | 'manual';
export const BACKUP_REASONS: readonly BackupReason[] = [
  'migration',
  'import',
  'payroll',
  'merge',
  'restore',
  'daily',
  'manual',
];

export interface BackupHeld {
  members: number;
  orgs: number;
  remittances: number;
  appeals: number;
}

export interface BackupInfo {
  /** The file's name in the backups folder: what the window and `--id` name it by. */
  id: string;
  file: string;
  createdAt: string;
  reason: BackupReason;
  /** e.g. `import-members`, `migration-v7`: what exactly the backup was made before. */
  detail: string;
  bytes: number;
  schemaVersion: number;
  held: BackupHeld;
  integrity: 'ok' | string;
}

/** `backups/` beside the register, unless Settings names another folder. */
export function backupsFolder(file: string, settingsDir = ''): string {
  return settingsDir || path.join(path.dirname(path.resolve(file)), 'backups');
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:.]/g, '').replace('T', '-').slice(0, 18);
}

/** The file name: register name, UTC time, then `before-…` for an event, `daily` or `manual`. */
export function backupName(file: string, reason: BackupReason, detail: string, now: Date): string {
  const what = reason === 'daily' || reason === 'manual' ? reason : `before-${detail}`;
  return `${path.basename(file)}.${stamp(now)}.${what}.sqlite`;
}

/** What a backup's name says, for a copy without its sidecar (an older backup, one copied in by hand). */
function fromName(id: string): { reason: BackupReason; detail: string; createdAt: string } | null {
  const m =
    /\.(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(\d{3})\.(daily|manual|before-([a-z0-9-]+))\.sqlite$/.exec(
      id,
    );
  if (!m) return null;
  const detail = m[9] ?? m[8]!;
  const reason = (BACKUP_REASONS.find((r) => detail === r || detail.startsWith(`${r}-`)) ??
    'manual') as BackupReason;
  return {
    reason,
    detail,
    createdAt: `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`,
  };
}

/** Opens a copy read-only and runs fn; never leaves a connection open. */
function withCopy<T>(file: string, fn: (db: DatabaseSync) => T): T {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** `ok`, or SQLite's first complaint; also what the file holds and at which schema. */
export function inspectCopy(file: string): {
  integrity: string;
  schemaVersion: number;
  held: BackupHeld;
  isRegister: boolean;
} {
  try {
    return withCopy(file, (db) => {
      const integrity = String(
        (db.prepare('PRAGMA integrity_check').all()[0] as Record<string, unknown> | undefined)
          ?.integrity_check ?? 'no answer',
      );
      const tables = new Set(
        (
          db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>
        ).map((r) => r.name),
      );
      const count = (sql: string, table: string) =>
        tables.has(table) ? Number((db.prepare(sql).get() as { n: number }).n) : 0;
      return {
        integrity,
        schemaVersion: count('SELECT count(*) AS n FROM knex_migrations', 'knex_migrations'),
        isRegister: tables.has('settings') && tables.has('members') && tables.has('orgs'),
        held: {
          members: count("SELECT count(*) AS n FROM members WHERE status = 'active'", 'members'),
          orgs: count('SELECT count(*) AS n FROM orgs', 'orgs'),
          remittances: count('SELECT count(*) AS n FROM dues_remittances', 'dues_remittances'),
          appeals: count('SELECT count(*) AS n FROM appeals', 'appeals'),
        },
      };
    });
  } catch (err) {
    // not a database at all (a truncated or foreign file): SQLite says so on the first read
    return {
      integrity: (err as Error).message,
      schemaVersion: 0,
      isRegister: false,
      held: { members: 0, orgs: 0, remittances: 0, appeals: 0 },
    };
  }
}

export function sidecarOf(file: string): string {
  return file.replace(/\.sqlite$/, '.json');
}

/** The backup's facts: from its sidecar when it has one, otherwise read from its name and the file. */
export function describeBackup(file: string): BackupInfo | null {
  const id = path.basename(file);
  let bytes: number;
  try {
    bytes = fs.statSync(file).size;
  } catch {
    return null;
  }
  try {
    const side = JSON.parse(fs.readFileSync(sidecarOf(file), 'utf8')) as Omit<
      BackupInfo,
      'id' | 'file' | 'bytes'
    >;
    return { ...side, id, file, bytes };
  } catch {
    const named = fromName(id);
    if (!named) return null;
    const facts = inspectCopy(file);
    return {
      id,
      file,
      bytes,
      ...named,
      schemaVersion: facts.schemaVersion,
      held: facts.held,
      integrity: facts.integrity,
    };
  }
}

/** The backups of one register (the folder may hold other registers' too), newest first. */
export function listCopies(folder: string, registerFile: string): BackupInfo[] {
  if (!fs.existsSync(folder)) return [];
  const prefix = `${path.basename(registerFile)}.`;
  return fs
    .readdirSync(folder)
    .filter((name) => name.startsWith(prefix) && name.endsWith('.sqlite'))
    .map((name) => describeBackup(path.join(folder, name)))
    .filter((b): b is BackupInfo => b !== null)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1));
}

/**
 * Finishes a copy written to `part`: checked with PRAGMA integrity_check, renamed into place, described
 * in its sidecar. A copy that fails the check is removed and the problem returned instead.
 */
export function sealCopy(
  part: string,
  target: string,
  facts: { reason: BackupReason; detail: string; createdAt: string },
): BackupInfo | { problem: string } {
  const checked = inspectCopy(part);
  if (checked.integrity !== 'ok') {
    fs.rmSync(part, { force: true });
    return { problem: checked.integrity };
  }
  fs.renameSync(part, target);
  const info: BackupInfo = {
    id: path.basename(target),
    file: target,
    bytes: fs.statSync(target).size,
    ...facts,
    schemaVersion: checked.schemaVersion,
    held: checked.held,
    integrity: 'ok',
  };
  const side = {
    createdAt: info.createdAt,
    reason: info.reason,
    detail: info.detail,
    schemaVersion: info.schemaVersion,
    held: info.held,
    integrity: info.integrity,
  };
  fs.writeFileSync(sidecarOf(target), `${JSON.stringify(side, null, 2)}\n`);
  return info;
}
