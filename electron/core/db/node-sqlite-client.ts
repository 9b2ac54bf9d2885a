/**
 * knex over the runtime's own SQLite (`node:sqlite`, Node ≥ 24 and Electron's main and utility processes):
 * no native addon to compile, the SQLite release Node ships, and every statement prepared once per
 * connection. knex has no client for it yet (knex#6162), so this subclasses knex's SQLite3 client, whose
 * query and schema compilers already speak SQLite, and replaces only the parts that touch the driver.
 */
import { createRequire } from 'node:module';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { Knex } from 'knex';
import { foldForSearch } from '../../shared/collation.ts';
import { refusal } from '../errors.ts';

const require = createRequire(import.meta.url);
// knex ships its dialects as CommonJS classes without types; only the methods overridden here are used.
/* eslint-disable @typescript-eslint/no-explicit-any */
const ClientSQLite3: new (config: Knex.Config) => any = require('knex/lib/dialects/sqlite3/index.js');
const TransactionSQLite: new (
  ...args: any[]
) => any = require('knex/lib/dialects/sqlite3/execution/sqlite-transaction.js');
/* eslint-enable @typescript-eslint/no-explicit-any */

export interface NodeSqliteConnectionSettings {
  filename: string;
  /** Open without the right to write (reports, checks): SQLite then never takes a write lock. */
  readOnly?: boolean;
  /** How long a statement waits for another process's lock before SQLite reports SQLITE_BUSY. */
  busyTimeoutMs?: number;
  /** Run once on every new connection (pragmas). */
  initSql?: string;
}

/** What knex hands `_query`: the compiled SQL, its bindings and, after the call, the driver's answer. */
interface QueryObject {
  sql: string;
  bindings?: unknown[];
  method?: string;
  response?: unknown;
  context?: { lastID: number; changes: number };
}

/** Statements kept prepared per connection; SQLite re-prepares them by itself after a schema change. */
const STATEMENT_CACHE_SIZE = 256;
const statements = new WeakMap<DatabaseSync, Map<string, StatementSync>>();

function prepared(db: DatabaseSync, sql: string): StatementSync {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (statement) {
    // Map order is insertion order: moving a hit to the end keeps the least recently used first.
    cache.delete(sql);
  } else {
    statement = db.prepare(sql);
    if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  cache.set(sql, statement);
  return statement;
}

type Bindable = null | number | bigint | string | Uint8Array;

/** node:sqlite binds only numbers, strings, bytes and null: Dates become epoch milliseconds, booleans 0/1. */
export function bindable(value: unknown): Bindable {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.valueOf();
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value as Bindable;
}

const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;

/** True for SQLite's "another connection holds the lock" (after busy_timeout ran out), any extended code. */
export function isBusyError(err: unknown): boolean {
  const code = (err as { errcode?: unknown } | null)?.errcode;
  if (typeof code !== 'number') return false;
  const primary = code & 0xff;
  return primary === SQLITE_BUSY || primary === SQLITE_LOCKED;
}

/** Runs one SQL statement on a connection the way knex's processResponse expects the sqlite3 driver to. */
export function runStatement(db: DatabaseSync, obj: QueryObject): QueryObject {
  const statement = prepared(db, obj.sql);
  const params = (obj.bindings ?? []).map(bindable);
  if (statement.columns().length > 0) {
    obj.response = statement.all(...params);
  } else {
    const result = statement.run(...params);
    obj.context = { lastID: Number(result.lastInsertRowid), changes: Number(result.changes) };
    // `db.raw('INSERT …')` answered an empty row list with the sqlite3 driver; callers rely on an array.
    obj.response = obj.method === 'raw' || obj.method === undefined ? [] : result;
  }
  return obj;
}

/**
 * Write transactions start with BEGIN IMMEDIATE: the write lock is taken before the first read, so two
 * writers (the window and the CLI, two imports) never both pass a check and then race to write. A
 * transaction opened with `{ readOnly: true }` starts deferred and never blocks a writer.
 */
class ImmediateTransaction extends TransactionSQLite {
  begin(conn: unknown) {
    return this.query(conn, this.readOnly ? 'BEGIN;' : 'BEGIN IMMEDIATE;');
  }
}

export class NodeSqliteClient extends ClientSQLite3 {
  constructor(config: Knex.Config) {
    super({ useNullAsDefault: true, ...config });
  }

  _driver() {
    return { DatabaseSync };
  }

  transaction(...args: unknown[]) {
    return new ImmediateTransaction(this, ...args);
  }

  async acquireRawConnection(): Promise<DatabaseSync> {
    const settings = this.connectionSettings as NodeSqliteConnectionSettings;
    const db = new DatabaseSync(settings.filename, {
      readOnly: settings.readOnly ?? false,
      timeout: settings.busyTimeoutMs ?? 5000,
      enableForeignKeyConstraints: true,
    });
    // The search fold of the window and the core, for queries over text that has no stored folded column
    // (PPOs: a few hundred rows). Pure and deterministic: no state lives on the connection.
    db.function('search_fold', { deterministic: true }, (text) =>
      text === null || text === undefined ? null : foldForSearch(String(text)),
    );
    try {
      if (settings.initSql) db.exec(settings.initSql);
    } catch (err) {
      db.close();
      throw err;
    }
    return db;
  }

  async destroyRawConnection(db: DatabaseSync): Promise<void> {
    statements.delete(db);
    if (db.isOpen) db.close();
  }

  async _query(db: DatabaseSync, obj: QueryObject): Promise<QueryObject> {
    if (!obj.sql) throw new Error('The query is empty');
    return runStatement(db, obj);
  }

  /**
   * The lock waited for busy_timeout and is still held elsewhere: a sentence for the person, not SQLite's
   * text (knex would prefix the SQL to it otherwise). Refused before anything of the statement was written.
   */
  async query(connection: unknown, queryParam: unknown): Promise<unknown> {
    try {
      return await super.query(connection, queryParam);
    } catch (err) {
      if (isBusyError(err)) throw refusal('db.busy');
      throw err;
    }
  }
}
