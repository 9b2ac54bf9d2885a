import type { Knex } from 'knex';
import { auditTriggers } from './audit-triggers.ts';

/** Headquarters' registry of trusted branch signing keys: several per branch, each valid from a date. */
const BRANCH_KEY_COLUMNS = [
  'branch_code',
  'key_id',
  'public_key',
  'fingerprint',
  'valid_from',
  'revoked_at',
  'note',
];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('branch_keys', (t) => {
    t.text('id').primary();
    t.text('branch_code').notNullable();
    t.text('key_id').notNullable();
    t.text('public_key').notNullable();
    t.text('fingerprint').notNullable();
    t.text('valid_from').notNullable();
    t.text('revoked_at');
    t.text('note');
    t.text('created_at').notNullable();
    t.text('updated_at').notNullable();
    t.unique(['branch_code', 'key_id']);
  });
  for (const sql of auditTriggers('branch_keys', BRANCH_KEY_COLUMNS)) await knex.raw(sql);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('branch_keys');
}
