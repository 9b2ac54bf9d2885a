import type { ParsedInput } from '../../shared/contract.ts';
import {
  HISTORY_FIELDS,
  type HistoryChange,
  type HistoryEntry,
  type HistoryKind,
  type JournalKind,
} from '../../shared/history.ts';
import { parseDate, type IsoDate } from '../dates.ts';
import type { Knex } from 'knex';
import { RegisterError, refuse } from '../errors.ts';
import type { Register, Tx } from '../register.ts';

/**
 * The history of changes, read from `audit_log` (written by the triggers, with who and why since migration
 * 008): one record's entries («История изменений» of a member, PPO, remittance or appeal) and the
 * register-wide journal, filtered by date, kind and record. Nothing here writes.
 */
interface AuditRow {
  id: number;
  at: string;
  entity: string;
  entity_id: string;
  action: string;
  changes: string;
  actor: string | null;
  reason: string | null;
}

/** Which audited tables make up each kind of record. */
const ENTITIES: Record<JournalKind, string[]> = {
  member: ['members', 'member_events'],
  org: ['orgs'],
  remittance: ['dues_remittances', 'dues_lines'],
  appeal: ['appeals'],
  rate: ['dues_rates'],
  quarter: ['quarters'],
  import: ['import'],
  register: ['register'],
  key: ['branch_keys'],
};
const KIND_OF: Record<string, JournalKind> = Object.fromEntries(
  Object.entries(ENTITIES).flatMap(([kind, tables]) => tables.map((t) => [t, kind as JournalKind])),
);

type Values = Record<string, unknown>;

/**
 * The row of each id as it stands, or (for a removed one) as its last whole-row entry in the audit log
 * left it: names and codes for deleted records too.
 */
async function rowsOf(db: Tx, table: string, ids: string[]): Promise<Map<string, Values>> {
  const out = new Map<string, Values>();
  if (ids.length === 0) return out;
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    const rows: Values[] = await db(table).whereIn('id', chunk);
    for (const r of rows) out.set(String(r.id), r);
  }
  const missing = unique.filter((id) => !out.has(id));
  for (let i = 0; i < missing.length; i += 500) {
    const audited: AuditRow[] = await db('audit_log')
      .where({ entity: table })
      .whereIn('entity_id', missing.slice(i, i + 500))
      .whereIn('action', ['create', 'delete'])
      .orderBy('id');
    for (const a of audited) {
      const changes = JSON.parse(a.changes) as Record<string, [unknown, unknown]>;
      const side = a.action === 'delete' ? 0 : 1;
      out.set(a.entity_id, {
        id: a.entity_id,
        ...Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v[side]])),
      });
    }
  }
  return out;
}

/** Turns audit rows into entries: links become PPO codes and IINs, each record gets the name people use. */
async function entries(db: Tx, rows: AuditRow[]): Promise<HistoryEntry[]> {
  const parsed = rows.map((r) => ({
    row: r,
    changes: JSON.parse(r.changes) as Record<string, [unknown, unknown]>,
  }));
  const ids = (table: string) => parsed.filter((p) => p.row.entity === table).map((p) => p.row.entity_id);
  const lines = await rowsOf(db, 'dues_lines', ids('dues_lines'));
  const remittances = await rowsOf(db, 'dues_remittances', [
    ...ids('dues_remittances'),
    ...[...lines.values()].map((l) => String(l.remittance_id)),
  ]);
  const appeals = await rowsOf(db, 'appeals', ids('appeals'));
  const rates = await rowsOf(db, 'dues_rates', ids('dues_rates'));
  const keys = await rowsOf(db, 'branch_keys', ids('branch_keys'));
  const orgIds = new Set<string>(ids('orgs'));
  const memberIds = new Set<string>([...ids('members'), ...ids('member_events')]);
  for (const p of parsed) {
    for (const [column, pair] of Object.entries(p.changes)) {
      if (['org_id', 'merged_into_id', 'counterpart_org_id'].includes(column))
        for (const v of pair) if (v) orgIds.add(String(v));
      if (column === 'member_id') for (const v of pair) if (v) memberIds.add(String(v));
    }
  }
  for (const r of [...remittances.values(), ...appeals.values()]) if (r.org_id) orgIds.add(String(r.org_id));
  const orgs = await rowsOf(db, 'orgs', [...orgIds]);
  const members = await rowsOf(db, 'members', [...memberIds]);
  const orgCode = (id: unknown) => (id ? String(orgs.get(String(id))?.code ?? id) : null);
  const memberIin = (id: unknown) => (id ? String(members.get(String(id))?.iin ?? id) : null);

  const remittanceLabel = (id: string) => {
    const r = remittances.get(id);
    return r ? [orgCode(r.org_id), r.month, r.doc_no].filter(Boolean).join(' · ') : id;
  };
  const label = (r: AuditRow, changes: Record<string, [unknown, unknown]>): string => {
    switch (r.entity) {
      case 'members':
      case 'member_events': {
        const m = members.get(r.entity_id);
        return m ? `${m.iin} ${m.surname} ${m.given_name}` : r.entity_id;
      }
      case 'orgs':
        return orgCode(r.entity_id) ?? r.entity_id;
      case 'appeals': {
        const a = appeals.get(r.entity_id);
        return a ? String(a.reg_no) : r.entity_id;
      }
      case 'dues_remittances':
        return remittanceLabel(r.entity_id);
      case 'dues_lines': {
        const l = lines.get(r.entity_id);
        return l ? `${remittanceLabel(String(l.remittance_id))} · ${l.iin}` : r.entity_id;
      }
      case 'dues_rates':
        return String(rates.get(r.entity_id)?.valid_from ?? r.entity_id);
      case 'branch_keys': {
        const k = keys.get(r.entity_id);
        return k ? `${k.branch_code} ${k.key_id}` : r.entity_id;
      }
      case 'import':
        return String(changes.file?.[1] ?? r.entity_id);
      default:
        return r.entity_id;
    }
  };
  const value = (column: string, v: unknown): string | number | null => {
    if (v === null || v === undefined) return null;
    if (['org_id', 'merged_into_id', 'counterpart_org_id'].includes(column)) return orgCode(v);
    if (column === 'member_id') return memberIin(v);
    return typeof v === 'number' ? v : String(v);
  };
  return parsed.map(({ row, changes }) => {
    const shapes = HISTORY_FIELDS[row.entity] ?? {};
    const list: HistoryChange[] = Object.entries(changes)
      .filter(([column]) => Object.hasOwn(shapes, column))
      .map(([column, [before, after]]) => ({
        table: row.entity,
        column,
        field: shapes[column]!.field,
        type: shapes[column]!.type,
        before: value(column, before),
        after: value(column, after),
      }))
      .filter((c) => c.before !== null || c.after !== null);
    return {
      id: Number(row.id),
      at: row.at,
      actor: row.actor ?? null,
      reason: row.reason ?? null,
      kind: KIND_OF[row.entity] ?? 'register',
      record: label(row, changes),
      action: row.action,
      changes: list,
    };
  });
}

/** The audit entities and ids one record is made of, by the key people name it with. */
async function recordIds(
  db: Tx,
  kind: HistoryKind,
  key: string,
  year?: number,
): Promise<Array<{ entity: string; ids: string[] }>> {
  switch (kind) {
    case 'member': {
      const found: { id: string } | undefined = await db('members').where({ iin: key }).first('id');
      // an IIN corrected since: the member who had it
      const before: Array<{ entity_id: string }> = found
        ? []
        : await db('audit_log')
            .where({ entity: 'members' })
            .whereRaw("json_extract(changes, '$.iin[0]') = ?", [key])
            .select('entity_id');
      const id = found?.id ?? before[0]?.entity_id;
      if (!id) refuse('member.not_found', { iin: key });
      return [
        { entity: 'members', ids: [id] },
        { entity: 'member_events', ids: [id] },
      ];
    }
    case 'org': {
      const found: { id: string } | undefined = await db('orgs').where({ code: key }).first('id');
      if (!found) refuse('org.not_found', { code: key });
      return [{ entity: 'orgs', ids: [found.id] }];
    }
    case 'remittance': {
      const audited = await db('audit_log').where({ entity: 'dues_remittances', entity_id: key }).first('id');
      if (!audited) refuse('dues.not_found', { id: key });
      // its lines, present or deleted: every line entry that named this remittance when it was written
      const lineRows: Array<{ entity_id: string }> = await db('audit_log')
        .where({ entity: 'dues_lines' })
        .whereIn('action', ['create', 'delete'])
        .where((w) =>
          w
            .whereRaw("json_extract(changes, '$.remittance_id[1]') = ?", [key])
            .orWhereRaw("json_extract(changes, '$.remittance_id[0]') = ?", [key]),
        )
        .distinct('entity_id');
      return [
        { entity: 'dues_remittances', ids: [key] },
        { entity: 'dues_lines', ids: lineRows.map((r) => r.entity_id) },
      ];
    }
    case 'appeal': {
      const y = year ?? Number(/^(\d{4})/.exec(key)?.[1]);
      const found: { id: string } | undefined = await db('appeals')
        .where({ year: y, reg_no: key })
        .first('id');
      const removed: { record_id: string } | undefined = found
        ? undefined
        : await db('removed_records')
            .where({ entity: 'appeals' })
            .whereRaw("json_extract(data, '$.year') = ? AND json_extract(data, '$.reg_no') = ?", [y, key])
            .first('record_id');
      const id = found?.id ?? removed?.record_id;
      if (!id) refuse('appeal.not_found', { regNo: key, year: Number.isFinite(y) ? y : '—' });
      return [{ entity: 'appeals', ids: [id] }];
    }
  }
}

function whereRecord(q: Knex.QueryBuilder, parts: Array<{ entity: string; ids: string[] }>) {
  return q.where((w) => {
    for (const p of parts)
      if (p.ids.length) w.orWhere((x) => x.where('entity', p.entity).whereIn('entity_id', p.ids));
    if (parts.every((p) => p.ids.length === 0)) w.whereRaw('0');
  });
}

/** «История изменений» of one record, newest first. */
export async function recordHistory(
  reg: Register,
  input: ParsedInput<'history.record'>,
): Promise<HistoryEntry[]> {
  const parts = await recordIds(reg.db, input.kind, input.key, input.year);
  const rows: AuditRow[] = await whereRecord(reg.db('audit_log'), parts).orderBy('id', 'desc');
  return entries(reg.db, rows);
}

/** The office's day starts at 00:00 in Kazakhstan (UTC+5): the audit log's times are UTC. */
function dayStartUtc(date: IsoDate): string {
  return new Date(`${date}T00:00:00+05:00`).toISOString();
}

/** The register-wide journal, newest first, a page at a time. */
export async function journal(reg: Register, input: ParsedInput<'history.journal'>) {
  const q = reg.db('audit_log');
  if (input.since) q.where('at', '>=', dayStartUtc(parseDate(input.since, 'since')));
  if (input.until) {
    const next = new Date(`${parseDate(input.until, 'until')}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    q.where('at', '<', dayStartUtc(next.toISOString().slice(0, 10)));
  }
  if (input.kind) q.whereIn('entity', ENTITIES[input.kind]);
  if (input.record) {
    const kinds: HistoryKind[] =
      input.kind && input.kind in { member: 1, org: 1, remittance: 1, appeal: 1 }
        ? [input.kind as HistoryKind]
        : ['member', 'org', 'remittance', 'appeal'];
    const parts: Array<{ entity: string; ids: string[] }> = [];
    for (const kind of kinds) {
      try {
        parts.push(...(await recordIds(reg.db, kind, input.record)));
      } catch (err) {
        if (!(err instanceof RegisterError)) throw err; // not a record of this kind
      }
    }
    whereRecord(q, parts);
  }
  const [{ n }] = (await q.clone().count<{ n: number }[]>({ n: '*' })) as [{ n: number }];
  const rows: AuditRow[] = await q
    .orderBy('id', 'desc')
    .limit(input.limit)
    .offset(input.offset ?? 0);
  return { total: Number(n), rows: await entries(reg.db, rows) };
}
