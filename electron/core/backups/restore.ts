import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { SCHEMA_VERSION } from '../../../migrations/index.ts';
import { refuse } from '../errors.ts';
import { backupName, inspectCopy, sealCopy, type BackupInfo } from './copies.ts';

/**
 * The file half of a restore, on a register no connection holds open: the caller (the CLI, the web
 * preview, the utility process behind the window) closes it first and reopens it after.
 *
 * 1. The backup is checked (PRAGMA integrity_check, a register's tables, a schema this app can open).
 * 2. The current file is copied first (`before-restore`), so the restore itself can be undone.
 * 3. The backup is copied beside the register and flushed to disk, the old file's `-wal` and `-shm` are
 *    removed (a WAL left over from the replaced file would be replayed into the restored one), and the
 *    copy is renamed over the register: the rename is atomic, so the file is either the old register or
 *    the restored one, never half of each.
 */
export function checkBackupFile(id: string, backupFile: string): void {
  const facts = inspectCopy(backupFile);
  if (facts.integrity !== 'ok') refuse('backup.damaged', { id, problem: facts.integrity });
  if (!facts.isRegister) refuse('backup.not_a_register', { id });
  if (facts.schemaVersion > SCHEMA_VERSION)
    refuse('backup.newer_version', { id, version: facts.schemaVersion, known: SCHEMA_VERSION });
}

export function restoreFile(
  file: string,
  backup: { id: string; file: string },
  folder: string,
  now = new Date(),
) {
  checkBackupFile(backup.id, backup.file);
  fs.mkdirSync(folder, { recursive: true });
  // the register as it stands, before it is replaced
  const target = path.join(folder, backupName(file, 'restore', 'restore', now));
  const part = `${target}.part`;
  const current = new DatabaseSync(file);
  try {
    current.prepare('VACUUM INTO ?').run(part);
  } finally {
    current.close();
  }
  // The last connection to close a WAL register checkpoints it and removes the -wal file: one still there
  // means another program (a second window, the CLI) has the register open, and would write to a file
  // that is no longer the register.
  if (fs.existsSync(`${file}-wal`)) {
    fs.rmSync(part, { force: true });
    refuse('backup.register_in_use');
  }
  const saved = sealCopy(part, target, {
    reason: 'restore',
    detail: 'restore',
    createdAt: now.toISOString(),
  });
  if ('problem' in saved) refuse('backup.damaged', { id: path.basename(target), problem: saved.problem });

  const incoming = `${file}.restoring`;
  fs.copyFileSync(backup.file, incoming);
  const fd = fs.openSync(incoming, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  for (const side of ['-wal', '-shm', '-journal']) fs.rmSync(`${file}${side}`, { force: true });
  fs.renameSync(incoming, file);
  return { savedAs: saved as BackupInfo };
}
