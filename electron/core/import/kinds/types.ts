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

/** Compares the fields an import may change; returns only those that differ. */
export function changedFields(
  existing: Record<string, unknown>,
  incoming: Record<string, unknown>,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(incoming).filter(([k, v]) => v !== undefined && (existing[k] ?? null) !== (v ?? null)),
  );
}
