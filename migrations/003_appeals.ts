import type { Knex } from 'knex';
import { auditTriggers } from './audit-triggers.ts';

/** Workers' appeals, numbered per year, followed to an outcome. */
const APPEAL_COLUMNS = [
  'year',
  'reg_no',
  'received_on',
  'channel',
  'applicant',
  'applicant_kind',
  'signatories',
  'member_id',
  'org_id',
  'category',
  'summary',
  'assignee',
  'status',
  'on_control',
  'outcome',
  'closed_on',
  'economic_effect_tiyn',
  'legal_kind',
  'legal_sum_tiyn',
  'due_on',
];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('appeals', (t) => {
    t.text('id').primary();
    t.integer('year').notNullable();
    t.text('reg_no').notNullable();
    t.integer('reg_seq');
    t.text('received_on').notNullable();
    t.text('channel').notNullable();
    t.text('applicant').notNullable();
    t.text('applicant_kind').notNullable().defaultTo('individual');
    t.integer('signatories');
    t.text('member_id').references('members.id');
    t.text('org_id').references('orgs.id');
    t.text('category').notNullable();
    t.text('summary');
    t.text('assignee');
    t.text('status').notNullable();
    t.integer('on_control').notNullable().defaultTo(0);
    t.text('outcome');
    t.text('closed_on');
    t.integer('economic_effect_tiyn');
    t.text('legal_kind');
    t.integer('legal_sum_tiyn');
    t.text('due_on').notNullable();
    t.text('created_at').notNullable();
    t.text('updated_at').notNullable();
    t.unique(['year', 'reg_no']);
    t.index(['received_on']);
    t.index(['status', 'due_on']);
  });
  for (const sql of auditTriggers('appeals', APPEAL_COLUMNS)) await knex.raw(sql);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('appeals');
}
