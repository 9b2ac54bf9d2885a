import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AUDITED_TABLES, auditBulk, countWritesOn, withoutInsertAudit } from '../db/bulk.ts';
import { backupDatabase } from '../backups/backups.ts';
import { counter, type ProgressCounter, type ProgressReporter } from '../progress.ts';
import { readSettings } from '../settings/settings.ts';
import { RegisterError } from '../errors.ts';
import { inTransaction, nowIso, today, type Register } from '../register.ts';
import { mapColumns, type ImportKind } from './columns.ts';
import { planAppeals } from './kinds/appeals.ts';
import { planDues } from './kinds/dues.ts';
import { planMembers } from './kinds/members.ts';
import { planOrgs } from './kinds/orgs.ts';
import type { Planner } from './kinds/types.ts';
import { readTable, type TableSource } from './read-table.ts';
import { refreshMemberKeys } from '../members/list-keys.ts';

const PLANNERS: Record<ImportKind, Planner> = {
  orgs: planOrgs,
  members: planMembers,
  dues: planDues,
  appeals: planAppeals,
};

export interface ImportSummary {
  kind: ImportKind;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  headerRow: number;
  ignoredColumns: string[];
  problems: Array<{ row: number; column: string; message: string; messageRu: string }>;
  backup: string | null;
}

/** Reads the file and plans the import against the database: what it would do, and every row problem. */
async function plan(reg: Register, kind: ImportKind, source: TableSource, progress: ProgressCounter) {
  const table = mapColumns(kind, await readTable(source));
  // Checking is one unit per row; writing (when the caller writes) another, counted as rows are inserted.
  progress.grow(table.rows.length);
  const planned = await PLANNERS[kind](reg.db, table, today(reg));
  progress.reach(table.rows.length);
  const summary: ImportSummary = {
    kind,
    rows: table.rows.length,
    created: planned.created,
    updated: planned.updated,
    unchanged: planned.unchanged,
    headerRow: table.headerRow,
    ignoredColumns: table.ignored,
    problems: planned.problems,
    backup: null,
  };
  return { planned, summary };
}

function sourceBytes(source: TableSource): Buffer {
  return source.file ? fs.readFileSync(source.file) : Buffer.from(source.content ?? '', 'base64');
}

/** What the import would do, with every row problem; writes nothing. */
export async function previewImport(
  reg: Register,
  kind: ImportKind,
  source: TableSource,
  report?: ProgressReporter,
): Promise<ImportSummary> {
  const progress = counter(report);
  const { summary } = await plan(reg, kind, source, progress);
  progress.finish();
  return summary;
}

/**
 * Imports a whole file or nothing: every row is checked first; if any is bad the file is refused with the
 * full list. Otherwise the database is backed up and all rows are written in one transaction.
 */
export async function runImport(
  reg: Register,
  kind: ImportKind,
  source: TableSource,
  report?: ProgressReporter,
): Promise<ImportSummary> {
  const file = source.file ?? source.fileName ?? '';
  const progress = counter(report);
  const { planned, summary } = await plan(reg, kind, source, progress);
  const { problems } = planned;
  if (problems.length > 0) {
    const rows = new Set(problems.map((p) => p.row)).size;
    throw new RegisterError(
      'import.invalid_rows',
      `${file}: ${problems.length} problem(s) in ${rows} row(s); nothing was imported`,
      `${file}: ошибок — ${problems.length} (строк с ошибками — ${rows}); ничего не импортировано`,
      problems,
    );
  }
  const backup =
    planned.created + planned.updated > 0
      ? await backupDatabase(reg.db, reg.file, `import-${kind}`, (await readSettings(reg.db)).backupsDir)
      : null;
  // The plan is applied as computed: a row another program added meanwhile trips a UNIQUE constraint and
  // the whole transaction rolls back, so nothing is half-written.
  progress.grow(planned.created + planned.updated);
  const at = nowIso(reg);
  const sha256 = createHash('sha256').update(sourceBytes(source)).digest('hex');
  await inTransaction(reg, async (trx) => {
    countWritesOn(trx, progress);
    // The rows the file adds are recorded once, as the file itself (name, SHA-256, counts): the file is
    // the record of what was loaded, and 100,000 per-row audit entries would double the load's work.
    await withoutInsertAudit(trx, AUDITED_TABLES, () => planned.apply(trx, at));
    await auditBulk(trx, {
      at,
      entity: 'import',
      entityId: sha256,
      action: `import-${kind}`,
      facts: {
        file: path.basename(file),
        sha256,
        rows: summary.rows,
        created: planned.created,
        updated: planned.updated,
        unchanged: planned.unchanged,
      },
    });
  });
  // New members get their list keys now, while the user already waits, not at the first keystroke.
  if (kind === 'members') await refreshMemberKeys(reg.db);
  progress.finish();
  return { ...summary, backup };
}
