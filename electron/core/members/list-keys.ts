import { personSearchText, personSortKey } from '../../shared/collation.ts';
import { insertMany } from '../db/bulk.ts';
import type { Tx } from '../register.ts';

export interface KeyedPerson {
  surname: string;
  given_name: string;
  patronymic: string | null;
  iin: string;
  card_no: string | null;
}

/** The derived list columns of one member row. */
export function memberKeyColumns(r: KeyedPerson) {
  const person = { surname: r.surname, givenName: r.given_name, patronymic: r.patronymic };
  return {
    sort_key_ru: personSortKey(person, 'ru'),
    sort_key_kk: personSortKey(person, 'kk'),
    search_text: personSearchText({ ...person, iin: r.iin, cardNo: r.card_no }),
  };
}

/**
 * Fills the derived sort keys and search text of members that lack them (new rows, or rows whose name a
 * trigger marked stale). Cheap when nothing is missing: one indexed probe.
 */
export async function refreshMemberKeys(db: Tx): Promise<number> {
  const stale = await db('members').whereNull('search_text').first('id');
  if (!stale) return 0;
  return db.transaction(async (trx) => {
    const rows: Array<{
      id: string;
      surname: string;
      given_name: string;
      patronymic: string | null;
      iin: string;
      card_no: string | null;
    }> = await trx('members')
      .whereNull('search_text')
      .select('id', 'surname', 'given_name', 'patronymic', 'iin', 'card_no');
    await trx.raw(
      'CREATE TEMP TABLE IF NOT EXISTS member_keys (id TEXT PRIMARY KEY, ru TEXT, kk TEXT, search TEXT)',
    );
    await trx.raw('DELETE FROM member_keys');
    await insertMany(
      trx,
      'member_keys',
      rows.map((r) => {
        const keys = memberKeyColumns(r);
        return { id: r.id, ru: keys.sort_key_ru, kk: keys.sort_key_kk, search: keys.search_text };
      }),
    );
    await trx.raw(
      `UPDATE members SET sort_key_ru = k.ru, sort_key_kk = k.kk, search_text = k.search
       FROM member_keys AS k WHERE members.id = k.id`,
    );
    await trx.raw('DELETE FROM member_keys');
    return rows.length;
  });
}
