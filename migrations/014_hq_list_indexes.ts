import type { Knex } from 'knex';

/**
 * Headquarters reads a branch's lists with the branch's own queries over its snapshots (exchange/scope.ts),
 * so the snapshot tables need the indexes those queries lean on at a branch. Without them the PPO list
 * counted each PPO's active members by walking every member of the union: 84 PPOs over 22,000 members took
 * 1.1 s (283 over 73,000 would take about ten), 9 ms with `hq_members_org`; a page of the member list far
 * down (offset 15,000) went from 0.3 s to 26 ms with the sort-key indexes.
 */
export const HQ_LIST_INDEXES = [
  'CREATE INDEX hq_members_org ON hq_members (org_id, status)',
  'CREATE INDEX hq_members_list_ru ON hq_members (sort_key_ru, iin)',
  'CREATE INDEX hq_members_list_kk ON hq_members (sort_key_kk, iin)',
];

export async function up(knex: Knex): Promise<void> {
  for (const sql of HQ_LIST_INDEXES) await knex.raw(sql);
}

export async function down(knex: Knex): Promise<void> {
  for (const sql of HQ_LIST_INDEXES) await knex.raw(`DROP INDEX ${sql.split(' ')[2]}`);
}
