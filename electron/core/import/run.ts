import { backupDatabase } from '../db/open.ts';
import { readSettings } from '../settings/settings.ts';
import { RegisterError } from '../errors.ts';
import { nowIso, today, type Register } from '../register.ts';
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

/** What the import would do, with every row problem; writes nothing. */
export async function previewImport(
  reg: Register,
  kind: ImportKind,
  source: TableSource,
): Promise<ImportSummary> {
  const table = mapColumns(kind, await readTable(source));
  const plan = await PLANNERS[kind](reg.db, table, today(reg));
  return {
    kind,
    rows: table.rows.length,
    created: plan.created,
    updated: plan.updated,
    unchanged: plan.unchanged,
    headerRow: table.headerRow,
    ignoredColumns: table.ignored,
    problems: plan.problems,
    backup: null,
  };
}

/**
 * Imports a whole file or nothing: every row is checked first; if any is bad the file is refused with the
 * full list. Otherwise the database is backed up and all rows are written in one transaction.
 */
export async function runImport(
  reg: Register,
  kind: ImportKind,
  source: TableSource,
): Promise<ImportSummary> {
  const file = source.file ?? source.fileName ?? '';
  const table = mapColumns(kind, await readTable(source));
  const first = await PLANNERS[kind](reg.db, table, today(reg));
  if (first.problems.length > 0) {
    throw new RegisterError(
      'import.invalid_rows',
      `${file}: ${first.problems.length} problem(s) in ${new Set(first.problems.map((p) => p.row)).size} row(s); nothing was imported`,
      `${file}: ошибок — ${first.problems.length} (строк с ошибками — ${new Set(first.problems.map((p) => p.row)).size}); ничего не импортировано`,
      first.problems,
    );
  }
  const backup =
    first.created + first.updated > 0
      ? await backupDatabase(reg.db, reg.file, `import-${kind}`, (await readSettings(reg.db)).backupsDir)
      : null;
  // The plan is applied as computed: a row another program added meanwhile trips a UNIQUE constraint and
  // the whole transaction rolls back, so nothing is half-written.
  await reg.db.transaction((trx) => first.apply(trx, nowIso(reg)));
  // New members get their list keys now, while the user already waits, not at the first keystroke.
  if (kind === 'members') await refreshMemberKeys(reg.db);
  const summary = first;
  return {
    kind,
    rows: table.rows.length,
    created: summary.created,
    updated: summary.updated,
    unchanged: summary.unchanged,
    headerRow: table.headerRow,
    ignoredColumns: table.ignored,
    problems: [],
    backup,
  };
}
