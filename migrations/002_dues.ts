import type { Knex } from 'knex';
import { appendOnlyTriggers, auditTriggers } from './audit-triggers.ts';

/** Dues: rate and shares valid from a date, monthly remittances with optional per-member lines, quarters. */
const RATE_COLUMNS = ['valid_from', 'rate_bp', 'share_ppo_bp', 'share_branch_bp', 'share_central_bp'];
const REMITTANCE_COLUMNS = [
  'org_id',
  'month',
  'months_covered',
  'members_count',
  'payroll_tiyn',
  'received_tiyn',
  'received_on',
  'doc_no',
  'note',
];

export async function up(knex: Knex): Promise<void> {
  // Basis points (1 % = 100) keep rates and shares integers, like money.
  await knex.schema.createTable('dues_rates', (t) => {
    t.text('id').primary();
    t.text('valid_from').notNullable().unique();
    t.integer('rate_bp').notNullable();
    t.integer('share_ppo_bp').notNullable();
    t.integer('share_branch_bp').notNullable();
    t.integer('share_central_bp').notNullable();
    t.text('created_at').notNullable();
    t.text('updated_at').notNullable();
  });
  await knex.schema.createTable('dues_remittances', (t) => {
    t.text('id').primary();
    t.text('org_id').notNullable().references('orgs.id');
    t.text('month').notNullable();
    t.integer('months_covered').notNullable().defaultTo(1);
    t.integer('members_count');
    t.integer('payroll_tiyn');
    t.integer('received_tiyn').notNullable();
    t.text('received_on');
    t.text('doc_no');
    t.text('note');
    t.text('created_at').notNullable();
    t.text('updated_at').notNullable();
    t.index(['month']);
  });
  // Re-importing a statement must find the remittance it already holds.
  await knex.raw(
    'CREATE UNIQUE INDEX dues_remittances_doc ON dues_remittances (org_id, month, doc_no) WHERE doc_no IS NOT NULL',
  );
  await knex.schema.createTable('dues_lines', (t) => {
    t.text('id').primary();
    t.text('remittance_id').notNullable().references('dues_remittances.id').onDelete('CASCADE');
    t.text('member_id').references('members.id');
    t.text('iin').notNullable();
    t.text('full_name');
    t.integer('salary_tiyn');
    t.integer('withheld_tiyn').notNullable();
    t.text('created_at').notNullable();
    t.text('updated_at').notNullable();
    t.index(['remittance_id']);
  });
  // Closing and reopening are events; a quarter is closed when its latest action is 'close'.
  await knex.schema.createTable('quarter_actions', (t) => {
    t.increments('id');
    t.text('quarter').notNullable();
    t.text('action').notNullable();
    t.text('reason');
    t.text('at').notNullable();
    t.index(['quarter']);
  });
  for (const sql of [
    ...auditTriggers('dues_rates', RATE_COLUMNS),
    ...auditTriggers('dues_remittances', REMITTANCE_COLUMNS),
    ...auditTriggers('dues_lines', ['remittance_id', 'member_id', 'iin', 'salary_tiyn', 'withheld_tiyn']),
    ...appendOnlyTriggers('quarter_actions'),
    // Closing and reopening a quarter go to the audit log too, with the reason for a reopening.
    `CREATE TRIGGER quarter_actions_audit AFTER INSERT ON quarter_actions BEGIN
       INSERT INTO audit_log (at, entity, entity_id, action, changes)
       VALUES (NEW.at, 'quarters', NEW.quarter, NEW.action, json_object('reason', json_array(NULL, NEW.reason)));
     END`,
  ]) {
    await knex.raw(sql);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['quarter_actions', 'dues_lines', 'dues_remittances', 'dues_rates']) {
    await knex.schema.dropTable(table);
  }
}
