import fs from 'node:fs';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { MIGRATIONS, SCHEMA_VERSION, migrationSource } from '../../../migrations/index.ts';
import { backupDatabase } from '../backups/backups.ts';
import { RegisterError } from '../errors.ts';
import { NodeSqliteClient, type NodeSqliteConnectionSettings } from './node-sqlite-client.ts';

export type Db = Knex;

export interface OpenedDatabase {
  db: Db;
  file: string;
  /** Where the pre-migration copy went, when one was made. */
  backup: string | null;
  close(): Promise<void>;
}

/** The UNC path of a network share: SQLite's WAL needs shared memory that SMB does not provide. */
export function isNetworkPath(file: string): boolean {
  return /^(\\\\|\/\/)[^\\/]+[\\/]/.test(file);
}

/** SQLite waits this long for another process's lock before the register says it is busy (db.busy). */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * One connection per open register (SQLite serialises writers anyway; one connection keeps every
 * statement of a transaction on it). A 64 MB page cache keeps the index pages of a 100,000-member
 * register in memory during imports.
 */
export function connect(file: string, options: { readOnly?: boolean; busyTimeoutMs?: number } = {}): Db {
  const connection: NodeSqliteConnectionSettings = {
    filename: file,
    readOnly: options.readOnly ?? false,
    busyTimeoutMs: options.busyTimeoutMs ?? BUSY_TIMEOUT_MS,
    initSql: options.readOnly
      ? 'PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;'
      : 'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;',
  };
  return knexFactory({
    client: NodeSqliteClient as unknown as Knex.Config['client'],
    connection,
    useNullAsDefault: true,
    pool: { min: 1, max: 1 },
  });
}

async function appliedMigrations(db: Db): Promise<string[]> {
  if (!(await db.schema.hasTable('knex_migrations'))) return [];
  const rows: Array<{ name: string }> = await db('knex_migrations').select('name').orderBy('id');
  return rows.map((r) => r.name);
}

export async function schemaVersion(db: Db): Promise<number> {
  return (await appliedMigrations(db)).length;
}

/** Where Settings sends backups (empty: `backups/` beside the file), read before any migration. */
async function backupsDirSetting(db: Db): Promise<string> {
  if (!(await db.schema.hasTable('settings'))) return '';
  const row: { value: string } | undefined = await db('settings')
    .where({ key: 'backups.dir' })
    .first('value');
  return row?.value ?? '';
}

/**
 * Opens (creating if needed) a register database and brings its schema up to date. The version is read
 * without writing; only a database behind this app is copied to `backups/` beside it and migrated. A
 * database written by a newer app is refused untouched.
 */
export async function openDatabase(
  file: string,
  options: { create?: boolean } = {},
): Promise<OpenedDatabase> {
  if (isNetworkPath(file)) {
    throw new RegisterError(
      'db.network_path',
      `${file} is on a network share; keep the database on this computer's disk (SQLite cannot work safely over a network share)`,
      `${file} находится в сетевой папке; храните базу на диске этого компьютера (SQLite не работает надёжно через сетевую папку)`,
    );
  }
  const exists = fs.existsSync(file);
  if (!exists && !options.create) {
    throw new RegisterError(
      'db.not_found',
      `database ${file} does not exist (create it with "init")`,
      `База данных ${file} не найдена (создайте её командой «init»)`,
    );
  }
  if (!exists) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = connect(file);
  try {
    const applied = await appliedMigrations(db);
    const known = new Set(MIGRATIONS.map((m) => m.name));
    const unknown = applied.filter((name) => !known.has(name));
    if (unknown.length > 0) {
      throw new RegisterError(
        'db.newer_version',
        `${file} was written by a newer version of Aqniet Register (schema ${applied.length}, this app knows ${SCHEMA_VERSION}); update the app to open it`,
        `База ${file} создана более новой версией Aqniet Register (схема ${applied.length}, эта программа знает ${SCHEMA_VERSION}); обновите программу`,
      );
    }
    let backup: string | null = null;
    if (exists && applied.length > 0 && applied.length < SCHEMA_VERSION) {
      backup = await backupDatabase(db, file, `migration-v${applied.length}`, await backupsDirSetting(db));
    }
    // Only a schema behind this app's is migrated: migrate.latest takes knex's migration lock (a write),
    // which would make opening a register wait for, and then fail beside, an import running elsewhere.
    if (applied.length < SCHEMA_VERSION) await db.migrate.latest({ migrationSource });
    return { db, file, backup, close: () => db.destroy() };
  } catch (err) {
    await db.destroy();
    throw err;
  }
}
