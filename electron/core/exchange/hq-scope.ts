import { SNAPSHOT_TABLES } from '../../../migrations/006_hq_snapshots.ts';
import { refuse } from '../errors.ts';
import type { Register } from '../register.ts';
import { readSettings } from '../settings/settings.ts';

/**
 * Runs the branch reports over headquarters' snapshots, union-wide or for one branch: for the duration of
 * `work`, TEMP views named like the branch tables (orgs, members, …) shadow the empty main tables — SQLite
 * resolves unqualified names in temp first — so every report is the same code at a branch and at HQ.
 */
export async function withReportScope<T>(
  reg: Register,
  branch: string | undefined,
  work: () => Promise<T>,
): Promise<T> {
  const settings = await readSettings(reg.db);
  if (settings.kind !== 'hq') {
    if (branch && branch !== settings.branchCode) {
      refuse(
        'report.branch_scope',
        `this register holds only branch ${settings.branchCode}`,
        `В этой базе только филиал ${settings.branchCode}`,
      );
    }
    return work();
  }
  if (branch && !/^[A-Z0-9_-]{2,16}$/.test(branch)) {
    refuse('report.branch_scope', `"${branch}" is not a branch code`, `«${branch}» — не код филиала`);
  }
  const where = branch ? ` WHERE branch_code = '${branch}'` : '';
  for (const table of SNAPSHOT_TABLES) {
    await reg.db.raw(`DROP VIEW IF EXISTS temp.${table}`);
    await reg.db.raw(`CREATE TEMP VIEW ${table} AS SELECT * FROM main.hq_${table}${where}`);
  }
  try {
    return await work();
  } finally {
    for (const table of SNAPSHOT_TABLES) await reg.db.raw(`DROP VIEW IF EXISTS temp.${table}`);
  }
}
