import type { Knex } from 'knex';
import * as m001 from './001_registry.ts';
import * as m002 from './002_dues.ts';
import * as m003 from './003_appeals.ts';
import * as m004 from './004_member_sort_keys.ts';
import * as m005 from './005_branch_keys.ts';
import * as m006 from './006_hq_snapshots.ts';
import * as m007 from './007_branch_transfers.ts';
import * as m008 from './008_corrections.ts';
import * as m009 from './009_search_fold.ts';
import * as m010 from './010_receipts_directives.ts';
import * as m011 from './011_member_list_index.ts';
import * as m012 from './012_hq_ids.ts';
import * as m013 from './013_member_text_index.ts';
import * as m014 from './014_hq_list_indexes.ts';
import * as m015 from './015_short_sort_keys.ts';

/**
 * Every migration, in order. Listed here (not found by scanning a folder) so that a bundled, packaged app
 * carries them inside its code. The schema version of a database is the number of these it has applied.
 * A migration that rebuilds a table must export `config = { transaction: false }` and turn foreign keys
 * off itself: inside knex's transaction SQLite ignores that pragma and deletes ON DELETE CASCADE children.
 */
export interface NamedMigration extends Knex.Migration {
  name: string;
}

export const MIGRATIONS: NamedMigration[] = [
  { name: '001_registry', ...m001 },
  { name: '002_dues', ...m002 },
  { name: '003_appeals', ...m003 },
  { name: '004_member_sort_keys', ...m004 },
  { name: '005_branch_keys', ...m005 },
  { name: '006_hq_snapshots', ...m006 },
  { name: '007_branch_transfers', ...m007 },
  { name: '008_corrections', ...m008 },
  { name: '009_search_fold', ...m009 },
  { name: '010_receipts_directives', ...m010 },
  { name: '011_member_list_index', ...m011 },
  { name: '012_hq_ids', ...m012 },
  { name: '013_member_text_index', ...m013 },
  { name: '014_hq_list_indexes', ...m014 },
  { name: '015_short_sort_keys', ...m015 },
];

export const migrationSource: Knex.MigrationSource<NamedMigration> = {
  getMigrations: async () => MIGRATIONS,
  getMigrationName: (m) => m.name,
  getMigration: async (m) => m,
};

export const SCHEMA_VERSION = MIGRATIONS.length;
