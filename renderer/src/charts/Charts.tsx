import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatTiyn } from '../../../electron/shared/format.ts';
import { APPEAL_CATEGORIES } from '../../../electron/shared/vocabulary.ts';
import { useOperation } from '../api.ts';
import { formatAxisTenge, formatCount } from '../formats.ts';
import { termLabel, useLanguage, useMonthNames } from '../ui.tsx';
import { ChartCard } from './ChartCard.tsx';

const COLORS = { teal: '#12b886', blue: '#228be6', red: '#fa5252', grape: '#be4bdb', gray: '#adb5bd' };
const AXIS = { fontSize: 11 };
/** Axis numbers as the tables print them: «16 000», never «16000». */
const count = (v: number) => formatCount(v);
// Charts draw without animation: a picture copied right after loading must be the finished chart.
const still = { isAnimationActive: false } as const;

/** Month labels the way the charts print them: "янв 25". */
function useShortMonth() {
  const months = useMonthNames();
  return (month: string) => `${months[Number(month.slice(5)) - 1]!.slice(0, 3)} ${month.slice(2, 4)}`;
}

/** Members month by month, with admissions and exits (and, at headquarters, members per branch). */
export function MembersChart({ branch }: { branch?: string }) {
  const { t } = useTranslation();
  const short = useShortMonth();
  const series = useOperation('reports.membershipSeries', { months: 12, branch });
  const members = (series.data?.series ?? []).map((p) => ({ ...p, label: short(p.month) }));
  return (
    <ChartCard
      title={t('charts.members')}
      fileName="members"
      testId="chart-members"
      table={{
        header: [t('charts.month'), t('charts.membersCount'), t('dashboard.admitted'), t('charts.exited')],
        rows: members.map((p) => [p.label, p.members, p.admitted, p.exited]),
      }}
    >
      <ResponsiveContainer>
        <ComposedChart data={members}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={AXIS} />
          <YAxis yAxisId="members" tick={AXIS} domain={['auto', 'auto']} tickFormatter={count} width={56} />
          <YAxis
            yAxisId="moves"
            orientation="right"
            tick={AXIS}
            allowDecimals={false}
            tickFormatter={count}
          />
          <Tooltip />
          <Legend />
          <Bar
            yAxisId="moves"
            dataKey="admitted"
            name={t('dashboard.admitted')}
            fill={COLORS.teal}
            {...still}
          />
          <Bar yAxisId="moves" dataKey="exited" name={t('charts.exited')} fill={COLORS.red} {...still} />
          <Line
            yAxisId="members"
            dataKey="members"
            name={t('charts.membersCount')}
            stroke={COLORS.blue}
            strokeWidth={2}
            {...still}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

export function BranchesChart() {
  const { t } = useTranslation();
  const series = useOperation('reports.membershipSeries', { months: 12 });
  const perBranch = series.data?.perBranch ?? [];
  return (
    <ChartCard
      title={t('charts.perBranch')}
      fileName="members-per-branch"
      testId="chart-branches"
      table={{
        header: [t('exchange.branch'), t('charts.membersCount')],
        rows: perBranch.map((b) => [b.branch, b.members]),
      }}
    >
      <ResponsiveContainer>
        <BarChart data={perBranch}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="branch" tick={AXIS} />
          <YAxis tick={AXIS} tickFormatter={count} width={56} />
          <Tooltip />
          <Bar dataKey="members" name={t('charts.membersCount')} fill={COLORS.teal} {...still} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/** Dues received per month against what the rate expects of the payroll. */
export function DuesChart({ year, branch }: { year: number; branch?: string }) {
  const { t } = useTranslation();
  const short = useShortMonth();
  const language = useLanguage();
  const dues = useOperation('reports.dues', { year, branch });
  const money = (dues.data?.months ?? []).map((m) => ({
    label: short(m.month),
    received: m.receivedTiyn / 100,
    expected: m.expectedTiyn / 100,
    receivedTiyn: m.receivedTiyn,
    expectedTiyn: m.expectedTiyn,
  }));
  return (
    <ChartCard
      title={t('charts.dues', { year })}
      fileName={`dues-${year}`}
      testId="chart-dues"
      table={{
        header: [t('charts.month'), t('charts.received'), t('charts.expected')],
        rows: money.map((m) => [m.label, formatTiyn(m.receivedTiyn), formatTiyn(m.expectedTiyn)]),
      }}
    >
      <ResponsiveContainer>
        <BarChart data={money}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={AXIS} />
          <YAxis tick={AXIS} tickFormatter={(v: number) => formatAxisTenge(v, language)} width={64} />
          <Tooltip formatter={(v) => `${formatTiyn(Math.round(Number(v) * 100))} ₸`} />
          <Legend />
          <Bar dataKey="expected" name={t('charts.expected')} fill={COLORS.gray} {...still} />
          <Bar dataKey="received" name={t('charts.received')} fill={COLORS.teal} {...still} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

export function AppealsCategoryChart({ year, branch }: { year: number; branch?: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const appeals = useOperation('reports.appeals', { year, branch });
  const categories = (appeals.data?.rows ?? []).map((r) => ({
    label: termLabel(APPEAL_CATEGORIES, r.category, language),
    total: r.total,
    closed: r.closed,
  }));
  return (
    <ChartCard
      title={t('dashboard.appealsByCategory')}
      fileName={`appeals-categories-${year}`}
      testId="chart-appeal-categories"
      table={{
        header: [t('charts.category'), t('charts.total'), t('charts.closed')],
        rows: categories.map((c) => [c.label, c.total, c.closed]),
      }}
    >
      <ResponsiveContainer>
        <BarChart data={categories} layout="vertical" margin={{ left: 40 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" tick={AXIS} allowDecimals={false} tickFormatter={count} />
          <YAxis type="category" dataKey="label" width={170} tick={AXIS} />
          <Tooltip />
          <Bar dataKey="total" name={t('charts.total')} fill={COLORS.grape} {...still} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

export function AppealsMonthChart({ year, branch }: { year: number; branch?: string }) {
  const { t } = useTranslation();
  const short = useShortMonth();
  const byMonth = useOperation('reports.appealsByMonth', { year, branch });
  const perMonth = (byMonth.data?.rows ?? []).map((r) => ({ label: short(r.month), total: r.total }));
  return (
    <ChartCard
      title={t('charts.appealsByMonth', { year })}
      fileName={`appeals-months-${year}`}
      testId="chart-appeal-months"
      table={{
        header: [t('charts.month'), t('charts.total')],
        rows: perMonth.map((m) => [m.label, m.total]),
      }}
    >
      <ResponsiveContainer>
        <BarChart data={perMonth}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={AXIS} />
          <YAxis tick={AXIS} allowDecimals={false} tickFormatter={count} />
          <Tooltip />
          <Bar dataKey="total" name={t('charts.total')} fill={COLORS.blue} {...still} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/** The dashboard's charts: members over time, dues against expected, appeals by category and month. */
export function DashboardCharts({ year, hq, branch }: { year: number; hq: boolean; branch?: string }) {
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <MembersChart branch={branch} />
      <DuesChart year={year} branch={branch} />
      <AppealsCategoryChart year={year} branch={branch} />
      <AppealsMonthChart year={year} branch={branch} />
      {hq && !branch && <BranchesChart />}
    </SimpleGrid>
  );
}
