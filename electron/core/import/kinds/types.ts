import { insertMany } from '../../db/bulk.ts';
import type { RowProblem } from '../../errors.ts';
import type { Tx } from '../../register.ts';
import type { MappedTable } from '../columns.ts';

/** What an import would do, computed from the file and the database before anything is written. */
export interface ImportPlan {
  created: number;
  updated: number;
  unchanged: number;
  problems: RowProblem[];
  /** Writes the plan; called inside one transaction, only when there are no problems. */
  apply(trx: Tx, now: string): Promise<void>;
}

export type Planner = (trx: Tx, table: MappedTable, today: string) => Promise<ImportPlan>;

type Row = Record<string, unknown>;

/** Compares the fields an import may change; returns only those that differ. */
export function changedFields(existing: Row, incoming: Row): Row {
  return Object.fromEntries(
    Object.entries(incoming).filter(([k, v]) => v !== undefined && (existing[k] ?? null) !== (v ?? null)),
  );
}

/**
 * The rows one import adds to or changes in one table: a row found in the database is updated with the
 * fields that differ (or counted unchanged); a row not found is inserted.
 */
export class TableChanges {
  readonly inserts: Row[] = [];
  readonly updates: Array<{ id: string; patch: Row }> = [];
  unchanged = 0;

  constructor(private readonly table: string) {}

  upsert(existing: Row | undefined, fields: Row, newRow: () => Row): void {
    if (!existing) {
      this.inserts.push(newRow());
      return;
    }
    const patch = changedFields(existing, fields);
    if (Object.keys(patch).length > 0) this.updates.push({ id: String(existing.id), patch });
    else this.unchanged++;
  }

  async write(tx: Tx, now: string): Promise<void> {
    await insertMany(
      tx,
      this.table,
      this.inserts.map((row) => ({ ...row, created_at: now, updated_at: now })),
    );
    for (const u of this.updates)
      await tx(this.table)
        .where({ id: u.id })
        .update({ ...u.patch, updated_at: now });
  }

  plan(problems: RowProblem[], alsoWrite?: (tx: Tx, now: string) => Promise<void>): ImportPlan {
    return {
      created: this.inserts.length,
      updated: this.updates.length,
      unchanged: this.unchanged,
      problems,
      apply: async (tx, now) => {
        await this.write(tx, now);
        await alsoWrite?.(tx, now);
      },
    };
  }
}
