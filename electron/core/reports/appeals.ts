import type { Period } from '../../shared/contract.ts';
import {
  APPEAL_CATEGORY_KEYS,
  APPEAL_CHANNEL_KEYS,
  LEGAL_KIND_KEYS,
  type AppealCategory,
  type AppealChannel,
  type LegalKind,
} from '../../shared/vocabulary.ts';
import type { IsoDate } from '../dates.ts';
import { periodMonths, resolvePeriod, type ResolvedPeriod } from './period.ts';
import { appealFromRow, type Appeal } from '../appeals/appeals.ts';
import type { Register, Tx } from '../register.ts';

/** The union's table «Сведения об обращениях»: per category total, closed, economic effect, on control. */
export interface AppealsTotals {
  total: number;
  closed: number;
  economicEffectTiyn: number;
  onControl: number;
}
export interface AppealsByCategory {
  period: ResolvedPeriod;
  rows: Array<{ category: AppealCategory } & AppealsTotals>;
  total: AppealsTotals;
}

function inPeriod(db: Tx, period: Period) {
  const resolved = resolvePeriod(period);
  return { resolved, q: db('appeals').whereBetween('received_on', [resolved.from, resolved.to]) };
}

const TOTAL_COLUMNS = [
  'count(*) AS total',
  "sum(status = 'closed') AS closed",
  'coalesce(sum(economic_effect_tiyn), 0) AS effect',
  'sum(on_control) AS on_control',
];

function totalsOf(r: Record<string, unknown> | undefined): AppealsTotals {
  return {
    total: Number(r?.total ?? 0),
    closed: Number(r?.closed ?? 0),
    economicEffectTiyn: Number(r?.effect ?? 0),
    onControl: Number(r?.on_control ?? 0),
  };
}

export async function appealsByCategory(reg: Register, period: Period): Promise<AppealsByCategory> {
  const { resolved, q } = inPeriod(reg.db, period);
  const rows: Array<Record<string, unknown>> = await q
    .select('category', ...TOTAL_COLUMNS.map((c) => reg.db.raw(c)))
    .groupBy('category');
  const byCategory = new Map(rows.map((r) => [r.category as string, r]));
  const out = APPEAL_CATEGORY_KEYS.map((category) => ({ category, ...totalsOf(byCategory.get(category)) }));
  const total = out.reduce(
    (acc, r) => ({
      total: acc.total + r.total,
      closed: acc.closed + r.closed,
      economicEffectTiyn: acc.economicEffectTiyn + r.economicEffectTiyn,
      onControl: acc.onControl + r.onControl,
    }),
    { total: 0, closed: 0, economicEffectTiyn: 0, onControl: 0 },
  );
  return { period: resolved, rows: out, total };
}

export async function appealsByChannel(reg: Register, period: Period) {
  const { q } = inPeriod(reg.db, period);
  const rows: Array<{ channel: string; n: number }> = await q
    .select('channel')
    .count({ n: '*' })
    .groupBy('channel');
  const counts = new Map(rows.map((r) => [r.channel, Number(r.n)]));
  return {
    rows: APPEAL_CHANNEL_KEYS.map((channel: AppealChannel) => ({ channel, total: counts.get(channel) ?? 0 })),
    total: rows.reduce((s, r) => s + Number(r.n), 0),
  };
}

export async function appealsByMonth(reg: Register, period: Period) {
  const { resolved, q } = inPeriod(reg.db, period);
  const rows: Array<Record<string, unknown>> = await q
    .select(reg.db.raw('substr(received_on, 1, 7) AS month'), ...TOTAL_COLUMNS.map((c) => reg.db.raw(c)))
    .groupBy('month');
  const byMonth = new Map(rows.map((r) => [r.month as string, r]));
  return { rows: periodMonths(resolved).map((month) => ({ month, ...totalsOf(byMonth.get(month)) })) };
}

/** Open appeals past their due date on `date`, the oldest due first. */
export async function overdueAppeals(reg: Register, date: IsoDate): Promise<Appeal[]> {
  const rows: Array<Record<string, unknown>> = await reg
    .db('appeals as a')
    .leftJoin('members as m', 'm.id', 'a.member_id')
    .leftJoin('orgs as o', 'o.id', 'a.org_id')
    .select('a.*', 'm.iin as member_iin', 'o.code as org_code')
    .whereNot('a.status', 'closed')
    .where('a.due_on', '<', date)
    .orderBy(['a.due_on', 'a.reg_no']);
  return rows.map(appealFromRow);
}

/** «МедАдвокат»: members helped, cases by kind, sum allocated for lawyers. */
export async function legalHelp(reg: Register, period: Period) {
  const { q } = inPeriod(reg.db, period);
  const rows: Array<{ legal_kind: string; cases: number; members: number; sum: number; closed: number }> =
    await q
      .whereNotNull('legal_kind')
      .select('legal_kind')
      .select(reg.db.raw('count(*) AS cases, count(DISTINCT member_id) AS members'))
      .select(reg.db.raw("coalesce(sum(legal_sum_tiyn), 0) AS sum, sum(status = 'closed') AS closed"))
      .groupBy('legal_kind');
  const byKind = new Map(rows.map((r) => [r.legal_kind, r]));
  const { resolved, q: inRange } = inPeriod(reg.db, period);
  const helped = await inRange.whereNotNull('legal_kind').countDistinct<{ n: number }[]>({ n: 'member_id' });
  const out = LEGAL_KIND_KEYS.map((kind: LegalKind) => {
    const r = byKind.get(kind);
    return {
      kind,
      cases: Number(r?.cases ?? 0),
      closed: Number(r?.closed ?? 0),
      allocatedTiyn: Number(r?.sum ?? 0),
    };
  });
  return {
    period: resolved,
    rows: out,
    total: {
      cases: out.reduce((s, r) => s + r.cases, 0),
      closed: out.reduce((s, r) => s + r.closed, 0),
      allocatedTiyn: out.reduce((s, r) => s + r.allocatedTiyn, 0),
      membersHelped: Number(helped[0]?.n ?? 0),
    },
  };
}
