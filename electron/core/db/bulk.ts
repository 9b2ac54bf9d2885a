import type { Tx } from '../register.ts';

/**
 * Inserts many rows with multi-row INSERTs inside the caller's transaction. 200 rows a statement stays
 * under SQLite's compound-select limit (500) and its bound-variable limit, and is ~10× faster than one
 * statement per row (STACK.md).
 */
export async function insertMany(
  trx: Tx,
  table: string,
  rows: Array<Record<string, unknown>>,
  chunk = 200,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    await trx(table).insert(rows.slice(i, i + chunk));
  }
}
