import type { Knex } from 'knex';

/**
 * Transfers between branches and the branch's own record of what it exported.
 * - `counterpart_branch`: on a `transferred_to_branch` / `transferred_from_branch` event, the other branch's
 *   code. The two halves live in two databases; headquarters pairs them after merging both packages.
 *   Headquarters' snapshot table gets the same column so that packages keep carrying every column.
 * - `package_exports`: one row per package written at the branch (seq, quarter, fingerprints, size), so
 *   the chair can tell headquarters what was sent and when.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE member_events ADD COLUMN counterpart_branch TEXT');
  await knex.raw('ALTER TABLE hq_member_events ADD COLUMN counterpart_branch TEXT');
  await knex.schema.createTable('package_exports', (t) => {
    t.increments('id');
    // Not unique: a branch that restored an old backup may write a seq again (headquarters refuses it).
    t.integer('seq').notNullable();
    t.text('period').notNullable();
    t.text('file_name').notNullable();
    t.text('package_sha256').notNullable();
    t.integer('bytes').notNullable();
    t.text('signer_fingerprint').notNullable();
    t.text('recipient_fingerprint').notNullable();
    t.text('counts').notNullable();
    t.text('created_at').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('package_exports');
  await knex.raw('ALTER TABLE hq_member_events DROP COLUMN counterpart_branch');
  await knex.raw('ALTER TABLE member_events DROP COLUMN counterpart_branch');
}
