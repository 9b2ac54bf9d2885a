import type { Knex } from 'knex';
import { SNAPSHOT_TABLES } from '../../../migrations/006_hq_snapshots.ts';
import type { Db } from '../db/open.ts';
import { refuse } from '../errors.ts';
import type { Register } from '../register.ts';
import { readSettings } from '../settings/settings.ts';

/**
 * The branch's own reports, lists and cards, read at headquarters from its snapshots: `inScope` gives a
 * register whose every query carries its scope in the statement itself. Each query is prefixed with
 * common table expressions named like the branch tables (`WITH members AS (SELECT … FROM hq_members WHERE
 * branch_code = ?), orgs AS …`), which SQLite resolves before the tables of those names — so a report is the
 * same code at a branch and at headquarters, the branch is a bound parameter, and two reads for different
 * branches at the same moment cannot see each other: nothing is set on the connection.
 *
 * Union-wide, PPO codes are qualified by their branch (`KRG/P001`), since two branches may both have a
 * P001; ids are unique across the union (a merge refuses a package whose ids another branch already uses).
 * A scoped register is for reading: a write through it fails (SQLite cannot write to a CTE).
 */
export interface HqScope {
  /** null: the whole union. */
  branch: string | null;
  /** The register itself, for a union-wide report made of per-branch parts (each branch's own rates). */
  base: Register;
}

export type ScopedRegister = Register & { hq?: HqScope };

type Cte = { name: string; sql: string; bindings: string[] };

async function snapshotCtes(db: Db, branch: string | null): Promise<Cte[]> {
  const where = branch ? ' WHERE branch_code = ?' : '';
  const bindings = branch ? [branch] : [];
  const ctes: Cte[] = [];
  for (const table of SNAPSHOT_TABLES) {
    let columns = '*';
    if (table === 'orgs' && !branch) {
      const info: Array<{ name: string }> = await db.raw('PRAGMA table_info(hq_orgs)');
      columns = info
        .map((c) => (c.name === 'code' ? `branch_code || '/' || code AS code` : `"${c.name}"`))
        .join(', ');
    }
    ctes.push({ name: table, sql: `SELECT ${columns} FROM main.hq_${table}${where}`, bindings });
  }
  return ctes;
}

const STATEMENT = /^\s*(WITH|SELECT)\b/i;

/** A knex instance whose queries and raw statements read the scope's tables. */
function scopedDb(db: Db, ctes: Cte[]): Db {
  const withScope = (qb: Knex.QueryBuilder) => {
    for (const c of ctes) qb.withNotMaterialized(c.name, db.raw(c.sql, c.bindings));
    return qb;
  };
  const prefix = ctes.map((c) => `"${c.name}" AS NOT MATERIALIZED (${c.sql})`).join(', ');
  const prefixBindings = ctes.flatMap((c) => c.bindings);
  const raw = (sql: string, bindings?: readonly Knex.RawBinding[]) => {
    // Fragments (`count(*) AS n`, a column's subquery) are scoped by the statement they end up in.
    if (!STATEMENT.test(sql)) return bindings === undefined ? db.raw(sql) : db.raw(sql, bindings);
    const statement = /^\s*WITH\b/i.test(sql)
      ? sql.replace(/^\s*WITH\b/i, `WITH ${prefix},`)
      : `WITH ${prefix} ${sql}`;
    return db.raw(statement, [...prefixBindings, ...(bindings ?? [])]);
  };
  const call = (table?: Knex.TableDescriptor) =>
    withScope(table ? db.queryBuilder().table(table) : db.queryBuilder());
  return new Proxy(call, {
    apply: (_target, _this, args: [Knex.TableDescriptor?]) => call(args[0]),
    get: (_target, prop) => {
      if (prop === 'raw') return raw;
      if (prop === 'queryBuilder') return () => withScope(db.queryBuilder());
      if (prop === 'transaction') {
        return () => {
          throw new Error('a register scoped to headquarters snapshots is read-only');
        };
      }
      const value = Reflect.get(db, prop) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(db) : value;
    },
  }) as unknown as Db;
}

/** The branch codes headquarters knows: those with a registered key or an accepted package. */
export async function knownBranches(db: Db): Promise<string[]> {
  const rows: Array<{ branch_code: string }> = await db.raw(
    'SELECT branch_code FROM branch_keys UNION SELECT branch_code FROM package_imports ORDER BY branch_code',
  );
  return rows.map((r) => r.branch_code);
}

/**
 * The register as `branch` (or, at headquarters without a branch, the whole union) sees it. At a branch
 * the register itself: its only branch is its own.
 */
export async function inScope(
  reg: Register,
  branch: string | undefined,
): Promise<Register & { hq?: HqScope }> {
  const settings = await readSettings(reg.db);
  if (settings.kind !== 'hq') {
    if (branch && branch !== settings.branchCode)
      refuse('report.branch_scope', { branch, own: settings.branchCode });
    return reg;
  }
  if (branch && !(await knownBranches(reg.db)).includes(branch)) refuse('report.unknown_branch', { branch });
  const scope = { branch: branch ?? null, base: reg };
  return { ...reg, db: scopedDb(reg.db, await snapshotCtes(reg.db, scope.branch)), hq: scope };
}

/** Runs `work` on the register as `branch` sees it (see `inScope`). */
export async function withScope<T>(
  reg: Register,
  branch: string | undefined,
  work: (scoped: ScopedRegister) => Promise<T>,
): Promise<T> {
  return work(await inScope(reg, branch));
}
