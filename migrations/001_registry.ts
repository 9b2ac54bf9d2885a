import type { Knex } from 'knex';
import { appendOnlyTriggers, auditTriggers } from './audit-triggers.ts';

/**
 * Settings, primary organizations, members, their event history and the audit log. member_events is not
 * audited by triggers: it is itself an append-only history, and a second copy would double bulk imports.
 */
const ORG_COLUMNS = [
  'code',
  'name',
  'short_name',
  'bin',
  'sector',
  'address',
  'chair_name',
  'chair_phone',
  'headcount',
  'registered_on',
  'status',
  'closed_on',
  'close_reason',
  'merged_into_id',
];
const MEMBER_COLUMNS = [
  'iin',
  'surname',
  'given_name',
  'patronymic',
  'birth_date',
  'sex',
  'position',
  'category',
  'phone',
  'card_no',
  'org_id',
  'status',
  'joined_on',
  'exited_on',
];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('settings', (t) => {
    t.text('key').primary();
    t.text('value').notNullable();
  });
  await knex.schema.createTable('audit_log', (t) => {
    // A plain rowid key: rows are never deleted, so ids only grow, without AUTOINCREMENT's extra write.
    t.specificType('id', 'INTEGER PRIMARY KEY');
    t.text('at').notNullable();
    t.text('entity').notNullable();
    t.text('entity_id').notNullable();
    t.text('action').notNullable();
    t.text('changes').notNullable();
    t.index(['entity', 'entity_id']);
  });
  await knex.schema.createTable('orgs', (t) => {
    t.text('id').primary();
    t.text('code').notNullable().unique();
    t.text('name').notNullable();
    t.text('short_name');
    t.text('bin');
    t.text('sector').notNullable().defaultTo('healthcare');
    t.text('address');
    t.text('chair_name');
    t.text('chair_phone');
    t.integer('headcount');
    t.text('registered_on');
    t.text('status').notNullable().defaultTo('active');
    t.text('closed_on');
    t.text('close_reason');
    t.text('merged_into_id').references('orgs.id');
    t.text('created_at').notNullable();
    t.text('updated_at').notNullable();
  });
  await knex.schema.createTable('members', (t) => {
    t.text('id').primary();
    t.text('iin').notNullable().unique();
    t.text('surname').notNullable();
    t.text('given_name').notNullable();
    t.text('patronymic');
    t.text('birth_date').notNullable();
    t.text('sex').notNullable();
    t.text('position');
    t.text('category').notNullable();
    t.text('phone');
    t.text('card_no');
    // Derived from member_events by members/history.ts and stored for fast lists; never set directly.
    t.text('org_id').notNullable().references('orgs.id');
    t.text('status').notNullable();
    t.text('joined_on').notNullable();
    t.text('exited_on');
    t.text('created_at').notNullable();
    t.text('updated_at').notNullable();
    t.index(['org_id', 'status']);
  });
  await knex.schema.createTable('member_events', (t) => {
    t.text('id').primary();
    t.text('member_id').notNullable().references('members.id');
    t.integer('seq').notNullable();
    t.text('kind').notNullable();
    t.text('org_id').notNullable().references('orgs.id');
    t.text('event_date').notNullable();
    t.text('application_date');
    t.text('decision_body');
    t.text('decision_no');
    t.text('decision_date');
    t.text('reason');
    t.text('counterpart_org_id').references('orgs.id');
    t.text('note');
    t.text('created_at').notNullable();
    t.unique(['member_id', 'seq']);
    t.index(['org_id', 'event_date']);
  });
  for (const sql of [
    ...auditTriggers('orgs', ORG_COLUMNS),
    ...auditTriggers('members', MEMBER_COLUMNS),
    ...appendOnlyTriggers('member_events'),
    ...appendOnlyTriggers('audit_log'),
  ]) {
    await knex.raw(sql);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['member_events', 'members', 'orgs', 'audit_log', 'settings']) {
    await knex.schema.dropTable(table);
  }
}
