import type { Knex } from 'knex';
import {
  AUDIT_CONTEXT,
  appendOnlyTriggers,
  auditTriggers,
  auditTriggersWithContext,
} from './audit-triggers.ts';

/**
 * Corrections and the history of changes.
 * - `audit_log.actor` and `audit_log.reason`: who made a change (the register's user, or the operating-system
 *   account until users exist) and why. The triggers read both from `audit_context`, a row that a write
 *   transaction inserts at its start and deletes before it commits (register.ts `inTransaction`): it is never
 *   committed, so no other connection or later transaction ever sees it.
 * - Every audit trigger is recreated to write them; the audited columns are frozen here as they stand.
 * - `member_events.annuls_event_id`: an `annulled` event points to the event it annuls (append-only: the
 *   annulled event stays, and every reader skips both). Headquarters' snapshot table gets the column too,
 *   so packages keep carrying every column. Member events are now audited on insert (the register-wide
 *   journal shows admissions, exits, transfers and annulments), keyed by the member.
 * - `removed_records`: what was removed by mistake (an appeal, a remittance, a remittance's line), kept
 *   whole as JSON with who, when and why; an undo restores it from here and marks it restored.
 */
const AUDITED: Record<string, string[]> = {
  orgs: [
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
  ],
  members: [
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
  ],
  dues_rates: ['valid_from', 'rate_bp', 'share_ppo_bp', 'share_branch_bp', 'share_central_bp'],
  dues_remittances: [
    'org_id',
    'month',
    'months_covered',
    'members_count',
    'payroll_tiyn',
    'received_tiyn',
    'received_on',
    'doc_no',
    'note',
  ],
  dues_lines: ['remittance_id', 'member_id', 'iin', 'full_name', 'salary_tiyn', 'withheld_tiyn'],
  appeals: [
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
  ],
  branch_keys: ['branch_code', 'key_id', 'public_key', 'fingerprint', 'valid_from', 'revoked_at', 'note'],
};

const EVENT_COLUMNS = [
  'seq',
  'kind',
  'org_id',
  'event_date',
  'application_date',
  'decision_body',
  'decision_no',
  'decision_date',
  'reason',
  'counterpart_org_id',
  'counterpart_branch',
  'note',
  'annuls_event_id',
];

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE audit_log ADD COLUMN actor TEXT');
  await knex.raw('ALTER TABLE audit_log ADD COLUMN reason TEXT');
  await knex.raw(`CREATE TABLE audit_context (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    actor TEXT,
    reason TEXT
  )`);
  await knex.raw('CREATE INDEX audit_log_at ON audit_log (at)');

  for (const [table, columns] of Object.entries(AUDITED)) {
    for (const op of ['insert', 'update', 'delete']) await knex.raw(`DROP TRIGGER ${table}_audit_${op}`);
    for (const sql of auditTriggersWithContext(table, columns)) await knex.raw(sql);
  }
  await knex.raw('DROP TRIGGER quarter_actions_audit');
  await knex.raw(`CREATE TRIGGER quarter_actions_audit AFTER INSERT ON quarter_actions BEGIN
       INSERT INTO audit_log (at, entity, entity_id, action, changes, actor, reason)
       VALUES (NEW.at, 'quarters', NEW.quarter, NEW.action, json_object('reason', json_array(NULL, NEW.reason)),
               ${AUDIT_CONTEXT.actor}, coalesce(${AUDIT_CONTEXT.reason}, NEW.reason));
     END`);

  // No REFERENCES: SQLite cannot drop such a column again (down); only the core writes it, in the same
  // transaction that reads the event it points to.
  await knex.raw('ALTER TABLE member_events ADD COLUMN annuls_event_id TEXT');
  await knex.raw('ALTER TABLE hq_member_events ADD COLUMN annuls_event_id TEXT');
  // Readers skip annulled events with `id NOT IN (SELECT annuls_event_id … IS NOT NULL)`: this index is that list.
  await knex.raw(
    'CREATE INDEX member_events_annuls ON member_events (annuls_event_id) WHERE annuls_event_id IS NOT NULL',
  );
  await knex.raw(
    'CREATE INDEX hq_member_events_annuls ON hq_member_events (annuls_event_id) WHERE annuls_event_id IS NOT NULL',
  );
  const eventRow = `json_object(${EVENT_COLUMNS.map((c) => `'${c}', json_array(NULL, NEW.${c})`).join(', ')})`;
  await knex.raw(`CREATE TRIGGER member_events_audit_insert AFTER INSERT ON member_events BEGIN
       INSERT INTO audit_log (at, entity, entity_id, action, changes, actor, reason)
       VALUES (strftime('%Y-%m-%dT%H:%M:%fZ','now'), 'member_events', NEW.member_id, NEW.kind, ${eventRow},
               ${AUDIT_CONTEXT.actor}, ${AUDIT_CONTEXT.reason});
     END`);

  await knex.raw(`CREATE TABLE removed_records (
    id INTEGER PRIMARY KEY,
    entity TEXT NOT NULL,
    record_id TEXT NOT NULL,
    removed_at TEXT NOT NULL,
    actor TEXT,
    reason TEXT,
    data TEXT NOT NULL,
    restored_at TEXT
  )`);
  await knex.raw('CREATE INDEX removed_records_record ON removed_records (entity, record_id)');
  // Kept for good: never deleted, and only `restored_at` may be set, once.
  await knex.raw(appendOnlyTriggers('removed_records')[1]!);
  await knex.raw(`CREATE TRIGGER removed_records_restore_only BEFORE UPDATE ON removed_records
     WHEN OLD.restored_at IS NOT NULL OR NEW.entity IS NOT OLD.entity OR NEW.record_id IS NOT OLD.record_id
       OR NEW.removed_at IS NOT OLD.removed_at OR NEW.actor IS NOT OLD.actor OR NEW.reason IS NOT OLD.reason
       OR NEW.data IS NOT OLD.data
     BEGIN SELECT RAISE(ABORT, 'removed_records can only be marked restored, once'); END`);
}

export async function down(knex: Knex): Promise<void> {
  for (const [table, columns] of Object.entries(AUDITED)) {
    for (const op of ['insert', 'update', 'delete']) await knex.raw(`DROP TRIGGER ${table}_audit_${op}`);
    const before = table === 'dues_lines' ? columns.filter((c) => c !== 'full_name') : columns;
    for (const sql of auditTriggers(table, before)) await knex.raw(sql);
  }
  await knex.raw('DROP TRIGGER quarter_actions_audit');
  await knex.raw(`CREATE TRIGGER quarter_actions_audit AFTER INSERT ON quarter_actions BEGIN
       INSERT INTO audit_log (at, entity, entity_id, action, changes)
       VALUES (NEW.at, 'quarters', NEW.quarter, NEW.action, json_object('reason', json_array(NULL, NEW.reason)));
     END`);
  await knex.raw('DROP TABLE removed_records');
  await knex.raw('DROP TRIGGER member_events_audit_insert');
  await knex.raw('DROP INDEX member_events_annuls');
  await knex.raw('DROP INDEX hq_member_events_annuls');
  await knex.raw('ALTER TABLE hq_member_events DROP COLUMN annuls_event_id');
  await knex.raw('ALTER TABLE member_events DROP COLUMN annuls_event_id');
  await knex.raw('DROP TABLE audit_context');
  await knex.raw('DROP INDEX audit_log_at');
  await knex.raw('ALTER TABLE audit_log DROP COLUMN reason');
  await knex.raw('ALTER TABLE audit_log DROP COLUMN actor');
}
