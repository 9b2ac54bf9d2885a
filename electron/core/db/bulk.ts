import type { Tx } from '../register.ts';

/** The connection object of the `sqlite3` driver, as knex hands it out inside a transaction. */
interface DriverConnection {
  run(sql: string, params: unknown[], callback: (err: Error | null) => void): void;
}

/** SQLite's limit on bound parameters in one statement (SQLITE_MAX_VARIABLE_NUMBER since 3.32). */
const MAX_PARAMS = 32766;

/**
 * Inserts many rows inside the caller's transaction with multi-row INSERT … VALUES statements sent straight
 * to the driver. knex's own batch insert builds a compound SELECT (500-term limit, STACK.md) and spends
 * more time building SQL than SQLite spends inserting; this keeps each statement under the parameter limit.
 * `columns` (default: the first row's keys) are read from every row, missing ones as NULL; `fixed`
 * values are the same for every row (e.g. headquarters' branch code), so callers need not copy rows.
 */
export async function insertMany(
  trx: Tx,
  table: string,
  rows: Array<Record<string, unknown>>,
  columnsOfRows?: string[],
  fixed: Record<string, unknown> = {},
): Promise<void> {
  if (rows.length === 0) return;
  if (!(trx as unknown as { isTransaction?: boolean }).isTransaction) {
    // Outside a transaction the connection would be taken from the pool and never given back.
    throw new Error('insertMany must run inside a transaction');
  }
  const own = columnsOfRows ?? Object.keys(rows[0]!);
  const constants = Object.values(fixed);
  const columns = [...Object.keys(fixed), ...own];
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const placeholders = `(${columns.map(() => '?').join(',')})`;
  const client = (trx as unknown as { client: { acquireConnection(): Promise<DriverConnection> } }).client;
  const connection = await client.acquireConnection();
  const run = (sql: string, params: unknown[]) =>
    new Promise<void>((resolve, reject) =>
      connection.run(sql, params, (err) => (err ? reject(err) : resolve())),
    );
  const head = `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(',')}) VALUES `;
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const params: unknown[] = [];
    for (const row of chunk) {
      for (const v of constants) params.push(v);
      for (const c of own) params.push(row[c] ?? null);
    }
    await run(head + chunk.map(() => placeholders).join(','), params);
  }
}
