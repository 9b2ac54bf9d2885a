import type { Knex } from 'knex';

/**
 * Instant member lists on 75,000 members:
 * - `members_search`: an FTS5 trigram index over the stored folded search text, so a typed word of three
 *   letters or more is looked up instead of tested against every row. Its content is the members table's
 *   own column (external content: nothing stored twice, and `'rebuild'` can always make it again from
 *   it); the list confirms every word in `members.search_text` with `instr`, so the index only has to find
 *   candidates, and it keeps no positions (`detail=none`, the smallest index: a word is asked as its
 *   trigrams, ANDed). It is keyed by the member row's rowid, which VACUUM INTO (every backup) keeps: a test
 *   restores a backup and searches it. No newer FTS5 option is used, so the sqlite3 tool and database
 *   browsers of older SQLite releases (3.40 here) still open and query the register.
 * - `members_list_ru` / `members_list_kk`: the list's order (sort key, IIN) with the list's filters
 *   (status, PPO, category, search text) in the same index, so a page at any offset is found by walking
 *   the index alone, and a word too short for trigrams is tested against the index's 5 MB of text instead
 *   of the table's 50; they replace the sort-key-only indexes of 004, on which every page sorted the whole
 *   register.
 * - `members_counts` (status, PPO, category, sex): today's members counted by PPO, category and sex from
 *   the index alone (the dashboard), and `member_events_date` (date, kind, id): whether anything happened
 *   after a date (when nothing did, today's members are those the members table keeps active) and each
 *   month's admissions and exits, without reading the tables.
 * Triggers keep the search index equal to `search_text`, which 004's trigger clears when a name changes
 * and the next list (or import) fills again.
 */
export const SEARCH_TRIGGERS = [
  `CREATE TRIGGER members_search_insert AFTER INSERT ON members WHEN NEW.search_text IS NOT NULL
   BEGIN INSERT INTO members_search (rowid, search_text) VALUES (NEW.rowid, NEW.search_text); END`,
  // an external-content index is told exactly what it indexed before, to remove it
  `CREATE TRIGGER members_search_update AFTER UPDATE OF search_text ON members
   BEGIN
     INSERT INTO members_search (members_search, rowid, search_text)
       SELECT 'delete', OLD.rowid, OLD.search_text WHERE OLD.search_text IS NOT NULL;
     INSERT INTO members_search (rowid, search_text) SELECT NEW.rowid, NEW.search_text WHERE NEW.search_text IS NOT NULL;
   END`,
  `CREATE TRIGGER members_search_delete AFTER DELETE ON members WHEN OLD.search_text IS NOT NULL
   BEGIN INSERT INTO members_search (members_search, rowid, search_text) VALUES ('delete', OLD.rowid, OLD.search_text); END`,
];

export const LIST_INDEXES = [
  'CREATE INDEX members_list_ru ON members (sort_key_ru, iin, status, org_id, category, search_text)',
  'CREATE INDEX members_list_kk ON members (sort_key_kk, iin, status, org_id, category, search_text)',
];

export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    `CREATE VIRTUAL TABLE members_search USING fts5(search_text, tokenize = 'trigram case_sensitive 1',
       content = 'members', content_rowid = 'rowid', detail = none)`,
  );
  await knex.raw(
    'INSERT INTO members_search (rowid, search_text) SELECT rowid, search_text FROM members WHERE search_text IS NOT NULL',
  );
  for (const sql of SEARCH_TRIGGERS) await knex.raw(sql);
  await knex.raw('DROP INDEX members_sort_ru');
  await knex.raw('DROP INDEX members_sort_kk');
  for (const sql of LIST_INDEXES) await knex.raw(sql);
  await knex.raw('CREATE INDEX member_events_date ON member_events (event_date, kind, id)');
  await knex.raw('CREATE INDEX members_counts ON members (status, org_id, category, sex)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX member_events_date');
  await knex.raw('DROP INDEX members_counts');
  for (const name of ['members_search_insert', 'members_search_update', 'members_search_delete'])
    await knex.raw(`DROP TRIGGER ${name}`);
  await knex.raw('DROP TABLE members_search');
  await knex.raw('DROP INDEX members_list_ru');
  await knex.raw('DROP INDEX members_list_kk');
  await knex.raw('CREATE INDEX members_sort_ru ON members (sort_key_ru)');
  await knex.raw('CREATE INDEX members_sort_kk ON members (sort_key_kk)');
}
