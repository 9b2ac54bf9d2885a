import type { Knex } from 'knex';

/**
 * Derived columns for long member lists: sort keys in the Russian and Kazakh alphabets and a lower-case
 * search text. They are computed in TypeScript (members/list-keys.ts) because SQLite has no Kazakh
 * collation; a trigger clears them when a name changes, and the next list fills what is missing.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('members', (t) => {
    t.text('sort_key_ru');
    t.text('sort_key_kk');
    t.text('search_text');
  });
  await knex.raw('CREATE INDEX members_sort_ru ON members (sort_key_ru)');
  await knex.raw('CREATE INDEX members_sort_kk ON members (sort_key_kk)');
  // Every list first asks "is any member missing its keys?": a partial index answers without a scan.
  await knex.raw('CREATE INDEX members_keys_missing ON members (id) WHERE search_text IS NULL');
  await knex.raw(`CREATE TRIGGER members_keys_stale AFTER UPDATE OF surname, given_name, patronymic, iin, card_no ON members
    BEGIN UPDATE members SET sort_key_ru = NULL, sort_key_kk = NULL, search_text = NULL WHERE id = NEW.id; END`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TRIGGER members_keys_stale');
  await knex.raw('DROP INDEX members_sort_ru');
  await knex.raw('DROP INDEX members_sort_kk');
  await knex.raw('DROP INDEX members_keys_missing');
  await knex.schema.alterTable('members', (t) => {
    t.dropColumn('sort_key_ru');
    t.dropColumn('sort_key_kk');
    t.dropColumn('search_text');
  });
}
