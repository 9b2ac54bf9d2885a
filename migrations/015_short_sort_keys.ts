import type { Knex } from 'knex';
import { personSortKey } from '../electron/shared/collation.ts';

/**
 * Sort keys in the shorter encoding of collation.ts (a letter one byte, trailing zero weights left out):
 * 146 bytes for a typical name became 34, in the members row and in both list indexes, at a branch and in
 * headquarters' snapshots. The order is the same; only the stored keys change, so they are recomputed.
 */
const CHUNK = 300; // rows per UPDATE: three bound values each, well under SQLite's parameter limit

async function recompute(knex: Knex, table: 'members' | 'hq_members'): Promise<void> {
  const rows: Array<{
    rowid: number;
    surname: string | null;
    given_name: string | null;
    patronymic: string | null;
  }> = await knex(table).select('rowid', 'surname', 'given_name', 'patronymic');
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const values: Array<string | number> = [];
    for (const r of chunk) {
      const person = { surname: r.surname ?? '', givenName: r.given_name ?? '', patronymic: r.patronymic };
      values.push(r.rowid, personSortKey(person, 'ru'), personSortKey(person, 'kk'));
    }
    await knex.raw(
      `WITH k(r, ru, kk) AS (VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')})
       UPDATE ${table} SET sort_key_ru = k.ru, sort_key_kk = k.kk FROM k WHERE ${table}.rowid = k.r`,
      values,
    );
  }
}

export async function up(knex: Knex): Promise<void> {
  await recompute(knex, 'members');
  await recompute(knex, 'hq_members');
}

export async function down(): Promise<void> {
  // Not undone: the encoding of schema 14 is gone from the code, and an app of that schema refuses a
  // register of this one untouched (db/open.ts), so nothing older ever reads these keys.
}
