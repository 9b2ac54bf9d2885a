import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AUDITED_TABLES, auditBulk, countWritesOn, withBulkLoad, withoutInsertAudit } from '../db/bulk.ts';
import { backupDatabase } from '../backups/backups.ts';
import { counter, type ProgressCounter, type ProgressReporter } from '../progress.ts';
import { readSettings } from '../settings/settings.ts';
import { refusal, rowProblem, type RowProblem } from '../errors.ts';
import { inTransaction, nowIso, today, type Register, type Tx } from '../register.ts';
import { mapColumns, type ImportKind, type MappedTable } from './columns.ts';
import { planAppeals } from './kinds/appeals.ts';
import { planDues } from './kinds/dues.ts';
import { planMembers } from './kinds/members.ts';
import { planOrgs } from './kinds/orgs.ts';
import type { ImportConflict, ImportPlan, Planner } from './kinds/types.ts';
import { MAX_LISTED_PROBLEMS } from './problems.ts';
import { readTable, type RawTable, type TableSource } from './read-table.ts';
import { refreshMemberKeys } from '../members/list-keys.ts';

/** The tables each kind of import inserts into, one row (about) per created record. */
const WRITTEN: Record<ImportKind, string[]> = {
  orgs: ['orgs'],
  members: ['members', 'member_events'],
  dues: ['dues_remittances', 'dues_lines'],
  appeals: ['appeals'],
};

const PLANNERS: Record<ImportKind, Planner> = {
  orgs: planOrgs,
  members: planMembers,
  dues: planDues,
  appeals: planAppeals,
};

export interface ImportSource extends TableSource {
  /** Write the file's values over existing records that differ (the person saw the conflict list). */
  update?: boolean;
}

export interface ImportSummary {
  kind: ImportKind;
  rows: number;
  created: number;
  /** Existing records that differ from the file: updated on `update`, otherwise conflicts. */
  updated: number;
  unchanged: number;
  headerRow: number;
  ignoredColumns: string[];
  /** How the file was read: its text encoding, or the workbook's sheet (and hidden sheets skipped). */
  encoding: string | null;
  sheet: string | null;
  hiddenSheets: string[];
  /** The first 1,000 problems; `problemCount` counts them all, in `problemRows` rows. */
  problems: RowProblem[];
  problemCount: number;
  problemRows: number;
  /** The first 1,000 records that exist with other values; `conflictCount` counts them all. */
  conflicts: ImportConflict[];
  conflictCount: number;
  update: boolean;
  backup: string | null;
}

interface ReadFile {
  name: string;
  raw: RawTable;
  table: MappedTable;
}

async function readFile(kind: ImportKind, source: TableSource): Promise<ReadFile> {
  const raw = await readTable(source);
  return { name: path.basename(source.file ?? source.fileName ?? ''), raw, table: mapColumns(kind, raw) };
}

/** Plans the rows against the register, one progress unit per row checked. */
async function plan(db: Tx, kind: ImportKind, read: ReadFile, day: string, progress: ProgressCounter) {
  progress.grow(read.table.rows.length);
  const planned = await PLANNERS[kind](db, read.table, day);
  progress.reach(read.table.rows.length);
  return planned;
}

function sourceBytes(source: TableSource): Buffer {
  return source.file ? fs.readFileSync(source.file) : Buffer.from(source.content ?? '', 'base64');
}

function summarize(kind: ImportKind, read: ReadFile, planned: ImportPlan, update: boolean): ImportSummary {
  return {
    kind,
    rows: read.table.rows.length,
    created: planned.created,
    updated: planned.updated,
    unchanged: planned.unchanged,
    headerRow: read.table.headerRow,
    ignoredColumns: read.table.ignored,
    encoding: read.raw.encoding ?? null,
    sheet: read.raw.sheet ?? null,
    hiddenSheets: read.raw.hiddenSheets ?? [],
    problems: planned.problems.listed,
    problemCount: planned.problems.total,
    problemRows: planned.problems.rowCount,
    conflicts: planned.conflicts,
    conflictCount: planned.conflictCount,
    update,
    backup: null,
  };
}

/** Refuses a plan with problems (all listed, up to 1,000), or with conflicts the person did not accept. */
function refuseUnlessClean(summary: ImportSummary, file: string): void {
  if (summary.problemCount > 0) {
    throw refusal(
      'import.invalid_rows',
      { file, problems: summary.problemCount, rows: summary.problemRows, shown: summary.problems.length },
      summary.problems,
    );
  }
  if (summary.conflictCount > 0 && !summary.update) {
    const details = summary.conflicts
      .flatMap((c) =>
        c.fields.map((f) =>
          rowProblem(c.row, f.column, 'import.conflict_field', {
            key: c.key,
            stored: f.stored,
            incoming: f.incoming,
          }),
        ),
      )
      .slice(0, MAX_LISTED_PROBLEMS);
    throw refusal('import.conflicts', { file, count: summary.conflictCount }, details);
  }
}

/** SQLite's counter of commits by other connections: unchanged means the plan still holds. */
async function dataVersion(db: Tx): Promise<number> {
  const rows = (await db.raw('PRAGMA data_version')) as Array<{ data_version: number }>;
  return Number(rows[0]?.data_version);
}

/** What the import would do, with every row problem and conflict; writes nothing. */
export async function previewImport(
  reg: Register,
  kind: ImportKind,
  source: ImportSource,
  report?: ProgressReporter,
): Promise<ImportSummary> {
  const progress = counter(report);
  const read = await readFile(kind, source);
  const planned = await plan(reg.db, kind, read, today(reg), progress);
  progress.finish();
  return summarize(kind, read, planned, source.update ?? false);
}

/**
 * Imports a whole file or nothing. Every row is checked first; a file with any problem is refused with the
 * list, and one whose rows already exist with other values is refused with the conflicts, field by field,
 * unless `update` says to write the file over them. Then the database is backed up and, in one write
 * transaction, the plan is checked again against what the register holds at that moment (another import
 * may have committed in between: the same file twice at once gives one import and one "unchanged") and
 * written.
 */
export async function runImport(
  reg: Register,
  kind: ImportKind,
  source: ImportSource,
  report?: ProgressReporter,
): Promise<ImportSummary> {
  const update = source.update ?? false;
  const progress = counter(report);
  const read = await readFile(kind, source);
  const version = await dataVersion(reg.db);
  let planned = await plan(reg.db, kind, read, today(reg), progress);
  let summary = summarize(kind, read, planned, update);
  refuseUnlessClean(summary, read.name);
  if (planned.created + (update ? planned.updated : 0) === 0) {
    progress.finish();
    return summary;
  }
  const backup = await backupDatabase(
    reg.db,
    reg.file,
    `import-${kind}`,
    (await readSettings(reg.db)).backupsDir,
  );
  const at = nowIso(reg);
  const sha256 = createHash('sha256').update(sourceBytes(source)).digest('hex');
  summary = await inTransaction(reg, async (trx) => {
    if ((await dataVersion(trx)) !== version) {
      planned = await plan(trx, kind, read, today(reg), progress);
      summary = summarize(kind, read, planned, update);
      refuseUnlessClean(summary, read.name);
    }
    progress.grow(planned.created + (update ? planned.updated : 0));
    countWritesOn(trx, progress);
    // The rows the file adds are recorded once, as the file itself (name, SHA-256, counts): the file is
    // the record of what was loaded, and 100,000 per-row audit entries would double the load's work.
    const incoming = Object.fromEntries(WRITTEN[kind].map((t) => [t, planned.created]));
    await withoutInsertAudit(trx, AUDITED_TABLES, () =>
      withBulkLoad(trx, incoming, () => planned.apply(trx, at, update)),
    );
    await auditBulk(trx, {
      at,
      entity: 'import',
      entityId: sha256,
      action: `import-${kind}`,
      facts: {
        file: read.name,
        sha256,
        rows: summary.rows,
        created: planned.created,
        updated: update ? planned.updated : 0,
        unchanged: planned.unchanged,
      },
    });
    return summary;
  });
  // New members get their list keys now, while the user already waits, not at the first keystroke.
  if (kind === 'members') await refreshMemberKeys(reg.db);
  progress.finish();
  return { ...summary, backup };
}
