/**
 * The audit log is written by SQLite triggers, not by application code: no code path (service, import,
 * a future merge, someone with the sqlite3 tool) can change a register row without leaving a trace.
 * Changes are stored as {"field": [before, after]}: the whole row for a create or delete, only the
 * changed fields for an update.
 */
const NOW = "strftime('%Y-%m-%dT%H:%M:%fZ','now')";

/** Only the fields an UPDATE changed (the trigger fires only when an audited column is set). */
function changes(columns: string[]): string {
  const rows = columns.map((c) => `SELECT '${c}' AS f, OLD.${c} AS o, NEW.${c} AS n`).join(' UNION ALL ');
  return `SELECT json_group_object(f, json_array(o, n)) FROM (${rows}) WHERE o IS NOT n`;
}

/** A whole row as {"field": [before, after]} with one side NULL: cheap enough for bulk imports. */
function wholeRow(columns: string[], row: 'NEW' | 'OLD'): string {
  const pair = (c: string) => (row === 'NEW' ? `json_array(NULL, NEW.${c})` : `json_array(OLD.${c}, NULL)`);
  return `json_object(${columns.map((c) => `'${c}', ${pair(c)}`).join(', ')})`;
}

export function auditTriggers(table: string, columns: string[]): string[] {
  return [
    `CREATE TRIGGER ${table}_audit_insert AFTER INSERT ON ${table} BEGIN
       INSERT INTO audit_log (at, entity, entity_id, action, changes)
       VALUES (${NOW}, '${table}', NEW.id, 'create', ${wholeRow(columns, 'NEW')});
     END`,
    `CREATE TRIGGER ${table}_audit_update AFTER UPDATE OF ${columns.join(', ')} ON ${table} BEGIN
       INSERT INTO audit_log (at, entity, entity_id, action, changes)
       SELECT ${NOW}, '${table}', NEW.id, 'update', c FROM (SELECT (${changes(columns)}) AS c)
       WHERE c <> '{}';
     END`,
    `CREATE TRIGGER ${table}_audit_delete AFTER DELETE ON ${table} BEGIN
       INSERT INTO audit_log (at, entity, entity_id, action, changes)
       VALUES (${NOW}, '${table}', OLD.id, 'delete', ${wholeRow(columns, 'OLD')});
     END`,
  ];
}

/**
 * Who made the change and why, as the write transaction set them (register.ts `inTransaction`); NULL for a
 * write made outside one (the sqlite3 tool, an older code path).
 */
export const AUDIT_CONTEXT = {
  actor: '(SELECT actor FROM audit_context WHERE id = 1)',
  reason: '(SELECT reason FROM audit_context WHERE id = 1)',
};

/** The audit triggers since schema 8: the same entries as `auditTriggers`, with the actor and the reason. */
export function auditTriggersWithContext(table: string, columns: string[]): string[] {
  const who = `${AUDIT_CONTEXT.actor}, ${AUDIT_CONTEXT.reason}`;
  return [
    `CREATE TRIGGER ${table}_audit_insert AFTER INSERT ON ${table} BEGIN
       INSERT INTO audit_log (at, entity, entity_id, action, changes, actor, reason)
       VALUES (${NOW}, '${table}', NEW.id, 'create', ${wholeRow(columns, 'NEW')}, ${who});
     END`,
    `CREATE TRIGGER ${table}_audit_update AFTER UPDATE OF ${columns.join(', ')} ON ${table} BEGIN
       INSERT INTO audit_log (at, entity, entity_id, action, changes, actor, reason)
       SELECT ${NOW}, '${table}', NEW.id, 'update', c, ${who} FROM (SELECT (${changes(columns)}) AS c)
       WHERE c <> '{}';
     END`,
    `CREATE TRIGGER ${table}_audit_delete AFTER DELETE ON ${table} BEGIN
       INSERT INTO audit_log (at, entity, entity_id, action, changes, actor, reason)
       VALUES (${NOW}, '${table}', OLD.id, 'delete', ${wholeRow(columns, 'OLD')}, ${who});
     END`,
  ];
}

/** Rows of an append-only table can be added, never changed or removed. */
export function appendOnlyTriggers(table: string): string[] {
  return ['UPDATE', 'DELETE'].map(
    (op) => `CREATE TRIGGER ${table}_append_only_${op.toLowerCase()} BEFORE ${op} ON ${table}
       BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
  );
}
