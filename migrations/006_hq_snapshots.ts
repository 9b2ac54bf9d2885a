import type { Knex } from 'knex';

/**
 * Headquarters' consolidated database: each branch's latest accepted snapshot, table by table, with the
 * branch code added, and the log of imported packages. Snapshot rows are replaced whole on every accepted
 * package (in one transaction), so these tables carry no audit or append-only triggers; the import log is
 * the record. Columns are copied from the branch tables as they stand at this schema version.
 */
export const SNAPSHOT_TABLES = [
  'orgs',
  'members',
  'member_events',
  'dues_rates',
  'dues_remittances',
  'dues_lines',
  'quarter_actions',
  'appeals',
] as const;

export async function up(knex: Knex): Promise<void> {
  for (const table of SNAPSHOT_TABLES) {
    await knex.raw(
      `CREATE TABLE hq_${table} AS SELECT CAST(NULL AS TEXT) AS branch_code, * FROM ${table} WHERE 0`,
    );
    await knex.raw(`CREATE INDEX hq_${table}_branch ON hq_${table} (branch_code)`);
  }
  await knex.raw('CREATE INDEX hq_members_iin ON hq_members (iin, status)');
  await knex.schema.createTable('package_imports', (t) => {
    t.text('id').primary();
    t.text('branch_code').notNullable();
    t.text('period').notNullable();
    t.integer('seq').notNullable();
    t.text('package_sha256').notNullable();
    t.text('file_name');
    t.text('signer_key_id').notNullable();
    t.text('created_at_branch');
    t.text('imported_at').notNullable();
    t.text('counts').notNullable();
    t.text('diff').notNullable();
    t.index(['branch_code', 'seq']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('package_imports');
  for (const table of SNAPSHOT_TABLES) await knex.schema.dropTable(`hq_${table}`);
}
