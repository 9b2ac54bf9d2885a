import { compareNames } from '../../shared/collation.ts';
import type { Period } from '../../shared/contract.ts';
import { addMonths, monthEnd, type IsoDate, type Month } from '../dates.ts';
import { periodMonths, resolvePeriod, type ResolvedPeriod } from './period.ts';
import { inScope, knownBranches, type ScopedRegister } from '../exchange/scope.ts';
import { listRates, rateOn, type DuesRate } from '../settings/settings.ts';

/**
 * Dues per PPO for a year or quarter. Completeness = received ÷ (rate × payroll), with the rate in force
 * in each remittance's month. Shares are split to the tiyn: branch and central council rounded, the PPO
 * takes the remainder, so the three always add up to what was received.
 */
export interface DuesTotals {
  receivedTiyn: number;
  payrollTiyn: number;
  expectedTiyn: number;
  completeness: number | null;
  ppoShareTiyn: number;
  branchShareTiyn: number;
  centralShareTiyn: number;
}

export interface DuesReport {
  period: ResolvedPeriod;
  rows: Array<{ org: string; name: string; remittances: number } & DuesTotals>;
  months: Array<{ month: Month; receivedTiyn: number; expectedTiyn: number }>;
  arrears: Array<{ org: string; month: Month }>;
  total: DuesTotals;
}

function completeness(received: number, expected: number): number | null {
  return expected > 0 ? Math.round((received / expected) * 10000) / 10000 : null;
}

export function splitShares(receivedTiyn: number, rate: DuesRate) {
  const branch = Math.round((receivedTiyn * rate.shareBranchBp) / 10000);
  const central = Math.round((receivedTiyn * rate.shareCentralBp) / 10000);
  return { ppo: receivedTiyn - branch - central, branch, central };
}

function emptyTotals(): DuesTotals {
  return {
    receivedTiyn: 0,
    payrollTiyn: 0,
    expectedTiyn: 0,
    completeness: null,
    ppoShareTiyn: 0,
    branchShareTiyn: 0,
    centralShareTiyn: 0,
  };
}

function add(
  t: DuesTotals,
  r: { received: number; payroll: number; expected: number; shares: ReturnType<typeof splitShares> },
) {
  t.receivedTiyn += r.received;
  t.payrollTiyn += r.payroll;
  t.expectedTiyn += r.expected;
  t.ppoShareTiyn += r.shares.ppo;
  t.branchShareTiyn += r.shares.branch;
  t.centralShareTiyn += r.shares.central;
}

export async function duesReport(reg: ScopedRegister, period: Period, today: IsoDate): Promise<DuesReport> {
  // Union-wide, each branch's dues are computed with that branch's own rates, then added up.
  if (reg.hq && reg.hq.branch === null) {
    const base = reg.hq.base;
    const parts: Array<{ branch: string; report: DuesReport }> = [];
    for (const branch of await knownBranches(base.db))
      parts.push({ branch, report: await duesReport(await inScope(base, branch), period, today) });
    return combineDues(period, parts);
  }
  const resolved = resolvePeriod(period);
  // A range of dates counts the months it touches: dues are remitted per month.
  const months = periodMonths(resolved);
  const first = months[0]!;
  const last = months[months.length - 1]!;
  const rates = await listRates(reg.db);
  const orgs: Array<{
    id: string;
    code: string;
    name: string;
    short_name: string | null;
    status: string;
    registered_on: string | null;
    closed_on: string | null;
  }> = await reg
    .db('orgs')
    .select('id', 'code', 'name', 'short_name', 'status', 'registered_on', 'closed_on');
  // A remittance that covers several months counts for arrears in each; its money is booked to its month.
  const remittances: Array<{
    org_id: string;
    month: string;
    months_covered: number;
    received_tiyn: number;
    payroll_tiyn: number | null;
  }> = await reg
    .db('dues_remittances')
    .select('org_id', 'month', 'months_covered', 'received_tiyn', 'payroll_tiyn')
    .where('month', '<=', last)
    .where('month', '>=', addMonths(first, -11));

  const byOrg = new Map<string, DuesTotals & { remittances: number }>();
  const byMonth = new Map<Month, { receivedTiyn: number; expectedTiyn: number }>(
    months.map((m) => [m, { receivedTiyn: 0, expectedTiyn: 0 }]),
  );
  const covered = new Set<string>();
  const total = emptyTotals();
  for (const r of remittances) {
    for (let i = 0; i < r.months_covered; i++) covered.add(`${r.org_id} ${addMonths(r.month, i)}`);
    if (r.month < first) continue;
    const rate = rateOn(rates, `${r.month}-01`);
    const payroll = r.payroll_tiyn ?? 0;
    const line = {
      received: r.received_tiyn,
      payroll,
      expected: Math.round((payroll * rate.rateBp) / 10000),
      shares: splitShares(r.received_tiyn, rate),
    };
    const orgTotals = byOrg.get(r.org_id) ?? { ...emptyTotals(), remittances: 0 };
    orgTotals.remittances += 1;
    add(orgTotals, line);
    byOrg.set(r.org_id, orgTotals);
    add(total, line);
    const m = byMonth.get(r.month)!;
    m.receivedTiyn += line.received;
    m.expectedTiyn += line.expected;
  }
  total.completeness = completeness(total.receivedTiyn, total.expectedTiyn);

  const rows = orgs
    .filter((o) => byOrg.has(o.id) || o.status === 'active')
    .map((o) => {
      const t = byOrg.get(o.id) ?? { ...emptyTotals(), remittances: 0 };
      return {
        org: o.code,
        name: o.short_name || o.name,
        ...t,
        completeness: completeness(t.receivedTiyn, t.expectedTiyn),
      };
    })
    .sort((a, b) => compareNames(a.org, b.org));

  const arrears: DuesReport['arrears'] = [];
  for (const o of orgs) {
    for (const month of months) {
      const ended = monthEnd(month) <= today;
      const existed = !o.registered_on || o.registered_on < monthEnd(month);
      const open = o.status === 'active' || (o.closed_on !== null && o.closed_on >= `${month}-01`);
      if (ended && existed && open && !covered.has(`${o.id} ${month}`)) arrears.push({ org: o.code, month });
    }
  }
  arrears.sort((a, b) => compareNames(a.org, b.org) || a.month.localeCompare(b.month));
  return {
    period: resolved,
    rows,
    months: months.map((month) => ({ month, ...byMonth.get(month)! })),
    arrears,
    total,
  };
}

/** Branches' dues reports as one: PPOs and arrears qualified by branch, months and totals added up. */
export function combineDues(
  period: Period,
  parts: Array<{ branch: string; report: DuesReport }>,
): DuesReport {
  const total = emptyTotals();
  const resolved = resolvePeriod(period);
  const months = periodMonths(resolved).map((month) => ({
    month,
    receivedTiyn: 0,
    expectedTiyn: 0,
  }));
  const rows: DuesReport['rows'] = [];
  const arrears: DuesReport['arrears'] = [];
  for (const { branch, report } of parts) {
    for (const r of report.rows) rows.push({ ...r, org: `${branch}/${r.org}` });
    for (const a of report.arrears) arrears.push({ ...a, org: `${branch}/${a.org}` });
    report.months.forEach((m, i) => {
      months[i]!.receivedTiyn += m.receivedTiyn;
      months[i]!.expectedTiyn += m.expectedTiyn;
    });
    for (const key of Object.keys(total) as Array<keyof DuesTotals>) {
      if (key !== 'completeness') total[key] += report.total[key];
    }
  }
  total.completeness = completeness(total.receivedTiyn, total.expectedTiyn);
  return { period: resolved, rows, months, arrears, total };
}
