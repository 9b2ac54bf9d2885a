import type { Knex } from 'knex';

/**
 * Headquarters' snapshot tables were made with `CREATE TABLE … AS SELECT` (006), which copies columns but
 * no keys: they had an index on the branch and nothing on `id`. Every merge checks that no other branch
 * already holds a row's id (a self-join on `id`), and the union-wide reports join members to PPOs and
 * events to members by id — without an index each of these walked the whole table once per row: a branch
 * of 20,000 members took 73 s to merge, 4.7 s with these indexes. Not unique: ids are unique per branch
 * only by the branch's own keys, and the merge refuses a clash across branches itself (package.ids_taken).
 */
export const HQ_ID_INDEXES = [
  'CREATE INDEX hq_orgs_id ON hq_orgs (id)',
  'CREATE INDEX hq_members_id ON hq_members (id)',
  'CREATE INDEX hq_member_events_id ON hq_member_events (id)',
  'CREATE INDEX hq_member_events_member ON hq_member_events (member_id, seq)',
  'CREATE INDEX hq_dues_rates_id ON hq_dues_rates (id)',
  'CREATE INDEX hq_dues_remittances_id ON hq_dues_remittances (id)',
  'CREATE INDEX hq_dues_lines_id ON hq_dues_lines (id)',
  'CREATE INDEX hq_appeals_id ON hq_appeals (id)',
];

export async function up(knex: Knex): Promise<void> {
  for (const sql of HQ_ID_INDEXES) await knex.raw(sql);
}

export async function down(knex: Knex): Promise<void> {
  for (const sql of HQ_ID_INDEXES) await knex.raw(`DROP INDEX ${sql.split(' ')[2]}`);
}
