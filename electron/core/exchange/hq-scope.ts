import { SNAPSHOT_TABLES } from '../../../migrations/006_hq_snapshots.ts';
import { refuse } from '../errors.ts';
import type { Register } from '../register.ts';
import { readSettings } from '../settings/settings.ts';

/**
 * Runs the branch reports over headquarters' snapshots, union-wide or for one branch: for the duration of
 * `work`, TEMP views named like the branch tables (orgs, members, …) shadow the empty main tables — SQLite
 * resolves unqualified names in temp first — so every report is the same code at a branch and at HQ.
 */
/** The last piece of scoped work queued on each database: the next one waits for it. */
const queues = new WeakMap<object, Promise<void>>();

/**
 * Runs `work` alone among the scoped reports and merges of this database. The TEMP views live on the one
 * connection every call shares, so two reports for different branches at the same moment (the dashboard
 * asks several at once) would otherwise read, or drop, each other's views.
 */
export async function exclusively<T>(reg: Register, work: () => Promise<T>): Promise<T> {
  const before = queues.get(reg.db) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((resolve) => (release = resolve));
  queues.set(
    reg.db,
    before.then(() => mine),
  );
  await before;
  try {
    return await work();
  } finally {
    release();
  }
}

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
  return exclusively(reg, async () => {
    try {
      for (const table of SNAPSHOT_TABLES) {
        await reg.db.raw(`DROP VIEW IF EXISTS temp.${table}`);
        await reg.db.raw(`CREATE TEMP VIEW ${table} AS SELECT * FROM main.hq_${table}${where}`);
      }
      return await work();
    } finally {
      for (const table of SNAPSHOT_TABLES) await reg.db.raw(`DROP VIEW IF EXISTS temp.${table}`);
    }
  });
}
