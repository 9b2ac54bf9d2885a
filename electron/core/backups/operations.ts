import fs from 'node:fs';
import path from 'node:path';
import type { ParsedInput } from '../../shared/contract.ts';
import { openDatabase } from '../db/open.ts';
import { refuse } from '../errors.ts';
import { inTransaction, nowIso, today, type Register } from '../register.ts';
import { readSettings } from '../settings/settings.ts';
import { RETENTION, backupsFolder, findBackup, hasDailyBackup, listCopies, makeBackup } from './backups.ts';
import { checkBackupFile, restoreFile } from './restore.ts';

/** Settings → «Резервные копии» and `backup list|create|copy|restore`: the register's backups as operations. */
async function folderOf(reg: Register): Promise<string> {
  return backupsFolder(reg.file, (await readSettings(reg.db)).backupsDir);
}

export async function listBackups(reg: Register) {
  const folder = await folderOf(reg);
  return { folder, retention: RETENTION, backups: listCopies(folder, reg.file) };
}

export async function createBackup(reg: Register) {
  return makeBackup(reg.db, reg.file, 'manual', (await readSettings(reg.db)).backupsDir);
}

/** Once a day on the first start (the hosts call it after opening): nothing if today's copy exists. */
export async function dailyBackup(reg: Register) {
  const dir = (await readSettings(reg.db)).backupsDir;
  if (hasDailyBackup(backupsFolder(reg.file, dir), reg.file, today(reg))) return null;
  return makeBackup(reg.db, reg.file, 'daily', dir);
}

/** A copy to a folder the person chose (a USB stick): the CLI's and the main process's dialog's variant. */
export async function copyBackup(reg: Register, input: ParsedInput<'backups.copy'>) {
  const backup = findBackup(await folderOf(reg), reg.file, input.id);
  if (!fs.existsSync(input.to) || !fs.statSync(input.to).isDirectory())
    refuse('backup.no_folder', { folder: input.to });
  const target = path.join(input.to, backup.id);
  fs.copyFileSync(backup.file, `${target}.part`);
  fs.renameSync(`${target}.part`, target);
  return { file: target, bytes: backup.bytes };
}

/** The window's variant: the backup's bytes, saved where the person says (its own save dialog). */
export async function downloadBackup(reg: Register, input: ParsedInput<'backups.download'>) {
  const backup = findBackup(await folderOf(reg), reg.file, input.id);
  const bytes = fs.readFileSync(backup.file);
  return { fileName: backup.id, content: bytes.toString('base64'), bytes: bytes.length };
}

/**
 * Restores a backup into the open register: every other call waits (`reg.pause`), the connection is closed
 * — a restore never replaces a file under an open connection —, the file half runs (restore.ts), and the
 * register is opened again (migrated, if the backup is older) in the same `Register`, so the host keeps
 * its reference. The restored register's history records the restore.
 */
export async function restoreBackup(reg: Register, input: ParsedInput<'backups.restore'>) {
  const folder = await folderOf(reg);
  const backup = findBackup(folder, reg.file, input.id);
  checkBackupFile(backup.id, backup.file); // refused while the register is still open and untouched
  let release!: () => void;
  reg.pause = new Promise<void>((resolve) => (release = resolve));
  try {
    await reg.db.destroy();
    let saved;
    try {
      saved = restoreFile(reg.file, backup, folder).savedAs;
    } finally {
      reg.db = (await openDatabase(reg.file)).db;
    }
    await inTransaction(
      reg,
      (trx) =>
        trx('audit_log').insert({
          at: nowIso(reg),
          entity: 'register',
          entity_id: 'restore',
          action: 'restore',
          changes: JSON.stringify({ backup: [null, backup.id], savedAs: [null, saved.id] }),
          actor: trx.raw('(SELECT actor FROM audit_context WHERE id = 1)'),
          reason: input.reason ?? null,
        }),
      { reason: input.reason ?? null },
    );
    return { restored: backup.id, savedAs: saved.id, createdAt: backup.createdAt, held: backup.held };
  } finally {
    reg.pause = undefined;
    release();
  }
}
