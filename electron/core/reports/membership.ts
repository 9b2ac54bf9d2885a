import { compareNames, type UiLanguage } from '../../shared/collation.ts';
import { STAFF_CATEGORY_KEYS } from '../../shared/vocabulary.ts';
import { addMonths, type IsoDate } from '../dates.ts';
import { countsSql } from '../members/history.ts';
import { periodMonths } from './period.ts';
import type { Register } from '../register.ts';

/**
 * Membership as of a date, derived from the event history (not from today's status), so a report for
 * 1 January is right even after people have since left or moved. Annulled events count nowhere.
 */
export const ACTIVE_AT = `
  WITH last AS (
    SELECT e.member_id, e.kind, e.org_id,
           ROW_NUMBER() OVER (PARTITION BY e.member_id ORDER BY e.seq DESC) AS rn
    FROM member_events e
    WHERE e.event_date <= ? AND e.kind IN ('admitted', 'imported', 'exited', 'transferred_in',
                                            'transferred_to_branch', 'transferred_from_branch')
      AND ${countsSql('e')}
  )
  SELECT l.org_id, m.id AS member_id, m.iin, m.category, m.sex FROM last l JOIN members m ON m.id = l.member_id
  WHERE l.rn = 1 AND l.kind NOT IN ('exited', 'transferred_to_branch')`;

/** Today's members, as the members table keeps them (the state the history derives, checked by a test). */
const ACTIVE_NOW = `SELECT org_id, id AS member_id, iin, category, sex FROM members WHERE status = 'active'`;

/**
 * Members active at `date`, as SQL and its bindings. When no event is dated after `date` (the dashboard:
 * today), the history's replay equals the state the members table keeps, so 75,000 members are counted
 * from it instead of replaying 75,000 histories; a report for an earlier date replays the history.
 */
export async function activeAt(
  db: Register['db'],
  date: IsoDate,
): Promise<{ sql: string; bindings: string[] }> {
  const later: unknown[] = await db.raw('SELECT 1 AS later FROM member_events WHERE event_date > ? LIMIT 1', [
    date,
  ]);
  return later.length ? { sql: ACTIVE_AT, bindings: [date] } : { sql: ACTIVE_NOW, bindings: [] };
}

export interface MembershipReport {
  date: IsoDate;
  total: { members: number; orgs: number; headcount: number; density: number | null };
  rows: Array<{
    org: string;
    name: string;
    members: number;
    headcount: number | null;
    density: number | null;
  }>;
  byCategory: Array<{ category: string; members: number }>;
  bySex: { male: number; female: number };
  movement: Array<{ month: string; admitted: number; exited: number; net: number }>;
}

function ratio(a: number, b: number | null): number | null {
  return b ? Math.round((a / b) * 10000) / 10000 : null;
}

/** As of `date`; the movement month by month from `from` (by default 1 January of the date's year). */
export async function membershipReport(
  reg: Register,
  date: IsoDate,
  language: UiLanguage = 'ru',
  from: IsoDate = `${date.slice(0, 4)}-01-01`,
): Promise<MembershipReport> {
  const db = reg.db;
  // One pass over the history, grouped finely; the three breakdowns are sums of it.
  const active = await activeAt(db, date);
  const groups: Array<{ org_id: string; category: string; sex: string; n: number }> = await db.raw(
    `SELECT org_id, category, sex, count(*) AS n FROM (${active.sql}) GROUP BY org_id, category, sex`,
    active.bindings,
  );
  const sum = (key: (g: (typeof groups)[number]) => string) => {
    const totals = new Map<string, number>();
    for (const g of groups) totals.set(key(g), (totals.get(key(g)) ?? 0) + Number(g.n));
    return totals;
  };
  const perOrg = [...sum((g) => g.org_id)].map(([org_id, n]) => ({ org_id, n }));
  const perCategory = [...sum((g) => g.category)].map(([category, n]) => ({ category, n }));
  const perSex = [...sum((g) => g.sex)].map(([sex, n]) => ({ sex, n }));
  const counts = new Map(perOrg.map((r) => [r.org_id, Number(r.n)]));
  const orgs: Array<{
    id: string;
    code: string;
    name: string;
    short_name: string | null;
    headcount: number | null;
    status: string;
    closed_on: string | null;
  }> = await db('orgs').select('id', 'code', 'name', 'short_name', 'headcount', 'status', 'closed_on');
  const rows = orgs
    .filter((o) => counts.has(o.id) || o.status === 'active' || (o.closed_on !== null && o.closed_on > date))
    .map((o) => {
      const members = counts.get(o.id) ?? 0;
      return {
        org: o.code,
        name: o.short_name || o.name,
        members,
        headcount: o.headcount,
        density: ratio(members, o.headcount),
      };
    })
    .sort((a, b) => compareNames(a.org, b.org, language));
  const members = rows.reduce((s, r) => s + r.members, 0);
  const headcount = rows.reduce((s, r) => s + (r.headcount ?? 0), 0);

  const moves: Array<{ month: string; admitted: number; exited: number }> = await db.raw(
    `SELECT substr(event_date, 1, 7) AS month,
            sum(kind IN ('admitted', 'imported', 'transferred_from_branch')) AS admitted,
            sum(kind IN ('exited', 'transferred_to_branch')) AS exited
     FROM member_events e WHERE event_date BETWEEN ? AND ? AND ${countsSql('e')} GROUP BY month`,
    [from, date],
  );
  const byMonth = new Map(moves.map((m) => [m.month, m]));
  const catCounts = new Map(perCategory.map((r) => [r.category, Number(r.n)]));
  return {
    date,
    total: { members, orgs: rows.length, headcount, density: ratio(members, headcount) },
    rows,
    byCategory: STAFF_CATEGORY_KEYS.map((category) => ({ category, members: catCounts.get(category) ?? 0 })),
    bySex: {
      male: Number(perSex.find((r) => r.sex === 'male')?.n ?? 0),
      female: Number(perSex.find((r) => r.sex === 'female')?.n ?? 0),
    },
    movement: periodMonths({ year: null, quarter: null, from, to: date }).map((month) => {
      const m = byMonth.get(month);
      const admitted = Number(m?.admitted ?? 0);
      const exited = Number(m?.exited ?? 0);
      return { month, admitted, exited, net: admitted - exited };
    }),
  };
}

const JOINS = "('admitted', 'imported', 'transferred_from_branch')";
const LEAVES = "('exited', 'transferred_to_branch')";

export interface MembershipPoint {
  month: string;
  /** Members at the end of the month (today, for the current month). */
  members: number;
  admitted: number;
  exited: number;
}

/**
 * Members month by month for the chart: today's count from the history, then walked back month by month
 * through each month's admissions and exits — one pass over the events instead of a count per month.
 */
export async function membershipSeries(
  reg: Register,
  today: IsoDate,
  months = 12,
): Promise<MembershipPoint[]> {
  const current = today.slice(0, 7);
  const first = addMonths(current, -(months - 1));
  const active = await activeAt(reg.db, today);
  const [{ n }] = (await reg.db.raw(`SELECT count(*) AS n FROM (${active.sql})`, active.bindings)) as [
    { n: number },
  ];
  const moves: Array<{ month: string; admitted: number; exited: number }> = await reg.db.raw(
    `SELECT substr(event_date, 1, 7) AS month, sum(kind IN ${JOINS}) AS admitted, sum(kind IN ${LEAVES}) AS exited
     FROM member_events e WHERE event_date >= ? AND event_date <= ? AND ${countsSql('e')} GROUP BY month`,
    [`${first}-01`, today],
  );
  const byMonth = new Map(moves.map((m) => [m.month, m]));
  const points: MembershipPoint[] = [];
  let members = Number(n);
  for (let i = 0; i < months; i++) {
    const month = addMonths(current, -i);
    const m = byMonth.get(month);
    const admitted = Number(m?.admitted ?? 0);
    const exited = Number(m?.exited ?? 0);
    points.push({ month, members, admitted, exited });
    members -= admitted - exited;
  }
  return points.reverse();
}

/** At headquarters: active members per branch, from the latest snapshots. */
export async function membersPerBranch(reg: Register): Promise<Array<{ branch: string; members: number }>> {
  const rows: Array<{ branch_code: string; n: number }> = await reg.db.raw(
    "SELECT branch_code, count(*) AS n FROM main.hq_members WHERE status = 'active' GROUP BY branch_code ORDER BY branch_code",
  );
  return rows.map((r) => ({ branch: r.branch_code, members: Number(r.n) }));
}
