import { formatDate, formatTiyn } from '../../../shared/format.ts';
import { insertMany } from '../../db/bulk.ts';
import type { Tx } from '../../register.ts';
import type { MappedTable } from '../columns.ts';
import { MAX_LISTED_PROBLEMS, type ProblemList } from '../problems.ts';

/** A row of the file whose record is already in the register with other values. */
export interface ImportConflict {
  row: number;
  /** What identifies the record: the IIN, the PPO's code, the PPO · month · document, the number (year). */
  key: string;
  /** Field by field: the file's column, the register's value and the file's value, as people read them. */
  fields: Array<{ column: string; stored: string; incoming: string }>;
}

/** What an import would do, computed from the file and the database before anything is written. */
export interface ImportPlan {
  created: number;
  /** Records that exist and differ: written only when the import is told to update them. */
  updated: number;
  unchanged: number;
  problems: ProblemList;
  conflicts: ImportConflict[];
  conflictCount: number;
  /** Writes the plan (with the updates only when `update`); inside one transaction, without problems. */
  apply(trx: Tx, now: string, update: boolean): Promise<void>;
}

export type Planner = (trx: Tx, table: MappedTable, today: string) => Promise<ImportPlan>;

type Row = Record<string, unknown>;

/** Compares the fields an import may change; returns only those that differ. */
export function changedFields(existing: Row, incoming: Row): Row {
  return Object.fromEntries(
    Object.entries(incoming).filter(([k, v]) => v !== undefined && (existing[k] ?? null) !== (v ?? null)),
  );
}

/** A stored value as people read it in a conflict list: amounts in tenge, dates dd.mm.yyyy. */
function shown(
  column: string,
  value: unknown,
  words: Record<string, Record<string, { ru: string }>>,
): string {
  if (value === null || value === undefined) return '';
  if (column.endsWith('_tiyn') && typeof value === 'number') return formatTiyn(value);
  if (/_on$|_date$/.test(column)) return formatDate(String(value));
  return words[column]?.[String(value)]?.ru ?? String(value);
}

/**
 * The rows one import adds to or changes in one table: a row not found is inserted; a row found is
 * unchanged, or differs — a conflict, listed field by field, and written only when the person chose to
 * update existing records. Fields the file has no column for are `undefined` and never compared.
 */
export class TableChanges {
  readonly inserts: Row[] = [];
  readonly updates: Array<{ id: string; patch: Row }> = [];
  readonly conflicts: ImportConflict[] = [];
  conflictCount = 0;
  unchanged = 0;

  constructor(
    private readonly table: string,
    /** The file's label of each register column, for the conflict list. */
    private readonly labelOf: (column: string) => string,
    /** Words of the closed lists by column (`category` → {nursing: {ru: 'средний медперсонал'}}). */
    private readonly words: Record<string, Record<string, { ru: string }>> = {},
  ) {}

  upsert(
    existing: Row | undefined,
    fields: Row,
    newRow: () => Row,
    where: { row: number; key: string },
  ): void {
    if (!existing) {
      this.inserts.push(newRow());
      return;
    }
    const patch = changedFields(existing, fields);
    if (Object.keys(patch).length === 0) {
      this.unchanged++;
      return;
    }
    this.updates.push({ id: String(existing.id), patch });
    this.conflictCount++;
    if (this.conflicts.length < MAX_LISTED_PROBLEMS)
      this.conflicts.push({
        ...where,
        fields: Object.entries(patch).map(([column, incoming]) => ({
          column: this.labelOf(column),
          stored: shown(column, existing[column], this.words),
          incoming: shown(column, incoming, this.words),
        })),
      });
  }

  async write(tx: Tx, now: string, update: boolean): Promise<void> {
    await insertMany(
      tx,
      this.table,
      this.inserts.map((row) => ({ ...row, created_at: now, updated_at: now })),
    );
    if (!update) return;
    for (const u of this.updates)
      await tx(this.table)
        .where({ id: u.id })
        .update({ ...u.patch, updated_at: now });
  }

  plan(problems: ProblemList, alsoWrite?: (tx: Tx, now: string) => Promise<void>): ImportPlan {
    return {
      created: this.inserts.length,
      updated: this.updates.length,
      unchanged: this.unchanged,
      problems,
      conflicts: this.conflicts,
      conflictCount: this.conflictCount,
      apply: async (tx, now, update) => {
        await this.write(tx, now, update);
        await alsoWrite?.(tx, now);
      },
    };
  }
}
