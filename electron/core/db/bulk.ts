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

/** Tables whose rows the audit triggers log one by one (migrations/audit-triggers.ts). */
export const AUDITED_TABLES = [
  'orgs',
  'members',
  'member_events',
  'dues_rates',
  'dues_remittances',
  'dues_lines',
  'appeals',
];

/**
 * Runs `work` inside the caller's transaction with the per-row insert audit of `tables` switched off: a
 * bulk load writes one audit entry for the whole file instead of one JSON row per inserted row. Updates and
 * deletes stay audited row by row. SQLite's DDL is transactional, so other connections never see the
 * triggers missing, and a failed `work` rolls their removal back with everything else.
 */
export async function withoutInsertAudit<T>(trx: Tx, tables: string[], work: () => Promise<T>): Promise<T> {
  await transactionConnection(trx); // refuses outside a transaction
  const triggers: Array<{ name: string; sql: string }> = await trx('sqlite_master')
    .where({ type: 'trigger' })
    .whereIn(
      'name',
      tables.map((t) => `${t}_audit_insert`),
    )
    .select('name', 'sql');
  for (const t of triggers) await trx.raw(`DROP TRIGGER "${t.name}"`);
  const result = await work();
  for (const t of triggers) await trx.raw(t.sql);
  return result;
}

/**
 * Search indexes kept by triggers (migrations/011): during a bulk load the trigger is set aside and the
 * new rows (rowids above those before) are indexed in one statement.
 */
const SEARCH_INDEXES: Record<string, { trigger: string; fill: string; index: string }> = {
  members: {
    trigger: 'members_search_insert',
    index: 'members_search',
    fill: `INSERT INTO members_search (rowid, search_text)
           SELECT rowid, search_text FROM members WHERE rowid > ? AND search_text IS NOT NULL`,
  },
};

/**
 * Runs `work` — inserts of about `incoming[table]` rows — inside the caller's transaction the way a bulk
 * load is fastest: a table that at least doubles has its indexes dropped and built again after the load
 * (one sort each instead of a random B-tree insert per row and index: the one-time load of 100,000
 * members is several times faster), and the search index is filled in one statement. Unique indexes are
 * built again too, so a duplicate the planner missed still fails the whole transaction. Readers never see
 * the indexes missing: SQLite's DDL is part of the transaction.
 */
export async function withBulkLoad<T>(
  trx: Tx,
  incoming: Record<string, number>,
  work: () => Promise<T>,
): Promise<T> {
  const db = await transactionConnection(trx); // refuses outside a transaction
  const rebuilt: string[] = [];
  const searched: Array<{ fill: string; trigger: string; index: string; sql: string; after: number }> = [];
  for (const [table, rows] of Object.entries(incoming)) {
    if (rows === 0) continue;
    const before = db
      .prepare(`SELECT count(*) AS n, coalesce(max(rowid), 0) AS last FROM "${table}"`)
      .get() as {
      n: number;
      last: number;
    };
    const search = SEARCH_INDEXES[table];
    if (search) {
      const trigger = db
        .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?")
        .get(search.trigger) as { sql: string } | undefined;
      if (trigger) {
        db.exec(`DROP TRIGGER "${search.trigger}"`);
        searched.push({ ...search, sql: trigger.sql, after: Number(before.last) });
      }
    }
    if (rows < Number(before.n)) continue;
    const indexes = db
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
      )
      .all(table) as Array<{ name: string; sql: string }>;
    for (const index of indexes) {
      db.exec(`DROP INDEX "${index.name}"`);
      rebuilt.push(index.sql);
    }
  }
  const result = await work();
  for (const sql of rebuilt) db.exec(sql);
  for (const s of searched) {
    // FTS5 writes a segment each time its in-memory terms pass `hashsize` (1 MB by default); with 16 MB the
    // 100,000 members' trigrams make a few large segments instead of many small ones to merge: half the time.
    db.exec(`INSERT INTO "${s.index}" ("${s.index}", rank) VALUES ('hashsize', ${16 * 1024 * 1024})`);
    db.prepare(s.fill).run(s.after);
    db.exec(s.sql);
  }
  return result;
}

/** One audit entry for a whole bulk write, as {"field": [before, after]} like the triggers' entries. */
export async function auditBulk(
  trx: Tx,
  entry: { at: string; entity: string; entityId: string; action: string; facts: Record<string, unknown> },
): Promise<void> {
  const changes = Object.fromEntries(Object.entries(entry.facts).map(([k, v]) => [k, [null, v ?? null]]));
  await trx('audit_log').insert({
    at: entry.at,
    entity: entry.entity,
    entity_id: entry.entityId,
    action: entry.action,
    changes: JSON.stringify(changes),
    // who, as the write transaction set it (register.ts inTransaction)
    actor: trx.raw('(SELECT actor FROM audit_context WHERE id = 1)'),
  });
}
