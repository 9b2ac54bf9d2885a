import { refuse } from '../errors.ts';
import { actorOf, nowIso, type Register, type Tx } from '../register.ts';

/**
 * What was removed by mistake — an appeal, a remittance with its lines, one line — is kept here whole, with
 * who removed it, when and why (migrations/008). The register's lists and reports never read this table, so
 * a removed record counts nowhere; an undo takes it back out (once) and the record returns with its own id.
 */
export type RemovedEntity = 'appeals' | 'dues_remittances' | 'dues_lines';

export interface RemovedRecord<T = unknown> {
  id: number;
  entity: RemovedEntity;
  recordId: string;
  removedAt: string;
  actor: string | null;
  reason: string | null;
  data: T;
}

export async function keepRemoved(
  trx: Tx,
  reg: Register,
  entity: RemovedEntity,
  recordId: string,
  data: unknown,
  reason: string | null,
): Promise<number> {
  const [id] = await trx('removed_records').insert({
    entity,
    record_id: recordId,
    removed_at: nowIso(reg),
    actor: actorOf(reg),
    reason,
    data: JSON.stringify(data),
  });
  return Number(id);
}

/** Takes a removed record back out for an undo: refused if there is none, or it was restored already. */
export async function takeRemoved<T>(
  trx: Tx,
  reg: Register,
  id: number,
  entities: RemovedEntity[],
): Promise<RemovedRecord<T>> {
  const row: Record<string, unknown> | undefined = await trx('removed_records')
    .where({ id })
    .whereIn('entity', entities)
    .first();
  if (!row) refuse('removed.not_found', { id });
  if (row.restored_at) refuse('removed.already_restored', { id });
  await trx('removed_records')
    .where({ id })
    .update({ restored_at: nowIso(reg) });
  return {
    id,
    entity: row.entity as RemovedEntity,
    recordId: String(row.record_id),
    removedAt: String(row.removed_at),
    actor: (row.actor as string | null) ?? null,
    reason: (row.reason as string | null) ?? null,
    data: JSON.parse(String(row.data)) as T,
  };
}

/** The highest running number of a year's removed appeals: new numbers continue after it. */
export async function removedAppealSeq(trx: Tx, year: number): Promise<number> {
  const [row] = (await trx.raw(
    `SELECT max(json_extract(data, '$.reg_seq')) AS seq FROM removed_records
     WHERE entity = 'appeals' AND json_extract(data, '$.year') = ?`,
    [year],
  )) as Array<{ seq: number | null }>;
  return Number(row?.seq ?? 0);
}

/** Whether a number of the year belonged to a removed appeal. */
export async function isRemovedNumber(trx: Tx, year: number, regNo: string): Promise<boolean> {
  const rows = (await trx.raw(
    `SELECT 1 FROM removed_records WHERE entity = 'appeals'
       AND json_extract(data, '$.year') = ? AND json_extract(data, '$.reg_no') = ? LIMIT 1`,
    [year, regNo],
  )) as unknown[];
  return rows.length > 0;
}
