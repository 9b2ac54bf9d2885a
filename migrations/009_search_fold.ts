import type { Knex } from 'knex';
import { memberKeyColumns } from '../electron/core/members/list-keys.ts';

/**
 * Member search text folded as the search folds what is typed (collation.ts `foldForSearch`: Kazakh
 * letters as typed on a Russian keyboard, case in every alphabet), for the branch's members and
 * headquarters' snapshot members (whose packages carry no derived columns: they are computed here and at
 * every merge). Sort keys are recomputed with them.
 */
async function recompute(knex: Knex, table: 'members' | 'hq_members'): Promise<void> {
  const rows: Array<{
    rowid: number;
    surname: string | null;
    given_name: string | null;
    patronymic: string | null;
    iin: string | null;
    card_no: string | null;
  }> = await knex(table).select('rowid', 'surname', 'given_name', 'patronymic', 'iin', 'card_no');
  for (const r of rows) {
    const keys = memberKeyColumns({
      surname: r.surname ?? '',
      given_name: r.given_name ?? '',
      patronymic: r.patronymic,
      iin: r.iin ?? '',
      card_no: r.card_no,
    });
    await knex.raw(`UPDATE ${table} SET sort_key_ru = ?, sort_key_kk = ?, search_text = ? WHERE rowid = ?`, [
      keys.sort_key_ru,
      keys.sort_key_kk,
      keys.search_text,
      r.rowid,
    ]);
  }
}

export async function up(knex: Knex): Promise<void> {
  await recompute(knex, 'members');
  await recompute(knex, 'hq_members');
}

export async function down(): Promise<void> {
  // The folded text is a superset of what the older search matched: nothing to undo.
}
