import type { DatabaseSync } from 'node:sqlite';
import type { ProgressCounter } from '../progress.ts';
import type { Tx } from '../register.ts';
import { bindable } from './node-sqlite-client.ts';

/**
 * Rows written by bulk inserts inside one transaction count on the operation's progress counter. Keyed by
 * the transaction object (one operation's own), never by the connection, so nothing outlives the call.
 */
const writeCounters = new WeakMap<object, ProgressCounter>();

export function countWritesOn(trx: Tx, progress: ProgressCounter): void {
  writeCounters.set(trx, progress);
}

/** The transaction's own connection: the `node:sqlite` database knex holds for it. */
export async function transactionConnection(trx: Tx): Promise<DatabaseSync> {
  if (!(trx as unknown as { isTransaction?: boolean }).isTransaction) {
    // Outside a transaction the connection would be taken from the pool and never given back.
    throw new Error('bulk writes must run inside a transaction');
  }
  const client = (trx as unknown as { client: { acquireConnection(): Promise<DatabaseSync> } }).client;
  return client.acquireConnection();
}

/**
 * Inserts many rows inside the caller's transaction through one prepared single-row INSERT, run once per
 * row: binding a row costs SQLite far less than knex spends building SQL text, and a prepared statement
 * has no compound-SELECT or parameter limit (STACK.md). `columns` (default: the first row's keys) are read
 * from every row, missing ones as NULL; `fixed` values are the same for every row (e.g. headquarters'
 * branch code), so callers need not copy rows.
 */
export async function insertMany(
  trx: Tx,
  table: string,
  rows: Iterable<Record<string, unknown>>,
  columnsOfRows?: string[],
  fixed: Record<string, unknown> = {},
): Promise<void> {
  const db = await transactionConnection(trx);
  const progress = writeCounters.get(trx);
  let insert: ((row: Record<string, unknown>) => void) | null = null;
  let pending = 0;
  for (const row of rows) {
    insert ??= rowInserter(db, table, columnsOfRows ?? Object.keys(row), fixed);
    insert(row);
    if (progress && ++pending === 1024) {
      progress.step(pending);
      pending = 0;
    }
  }
  progress?.step(pending);
}

/** A function that inserts one row into `table` with a statement prepared once. */
export function rowInserter(
  db: DatabaseSync,
  table: string,
  columns: string[],
  fixed: Record<string, unknown> = {},
): (row: Record<string, unknown>) => void {
  const constants = Object.values(fixed).map(bindable);
  const all = [...Object.keys(fixed), ...columns];
  const statement = db.prepare(
    `INSERT INTO "${table}" (${all.map((c) => `"${c}"`).join(',')}) VALUES (${all.map(() => '?').join(',')})`,
  );
  const params = new Array<ReturnType<typeof bindable>>(all.length);
  for (let i = 0; i < constants.length; i++) params[i] = constants[i]!;
  const offset = constants.length;
  return (row) => {
    for (let i = 0; i < columns.length; i++) params[offset + i] = bindable(row[columns[i]!]);
    statement.run(...params);
  };
}
