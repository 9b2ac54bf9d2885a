import type { Knex } from 'knex';

/**
 * What headquarters sends back to a branch, both signed with headquarters' own key:
 * - `package_imports.manifest_sha256` (at headquarters): the SHA-256 of the accepted package's signed
 *   manifest, which its receipt names.
 * - `package_exports.accepted_at`, `.receipt` (at a branch): the date headquarters accepted a package, and
 *   the receipt itself (JSON) with the branch's people headquarters sees active in another branch too.
 * - `directives` (at a branch): each directive of headquarters applied (the dues rate and shares from a
 *   date), kept whole with its hash so that the same directive is applied once.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE package_imports ADD COLUMN manifest_sha256 TEXT');
  await knex.raw('ALTER TABLE package_exports ADD COLUMN accepted_at TEXT');
  await knex.raw('ALTER TABLE package_exports ADD COLUMN receipt TEXT');
  await knex.schema.createTable('directives', (t) => {
    t.text('id').primary();
    t.text('kind').notNullable();
    t.text('valid_from').notNullable();
    t.text('issued_at').notNullable();
    t.text('payload').notNullable();
    t.text('sha256').notNullable().unique();
    t.text('applied_at').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('directives');
  await knex.raw('ALTER TABLE package_exports DROP COLUMN receipt');
  await knex.raw('ALTER TABLE package_exports DROP COLUMN accepted_at');
  await knex.raw('ALTER TABLE package_imports DROP COLUMN manifest_sha256');
}
