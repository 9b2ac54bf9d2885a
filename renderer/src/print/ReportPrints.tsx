import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatPercent, formatTiyn } from '../../../electron/shared/format.ts';
import { APPEAL_CATEGORIES, STAFF_CATEGORIES } from '../../../electron/shared/vocabulary.ts';
import { useOperation } from '../api.ts';
import { printedBranchName, termLabel, useLanguage } from '../ui.tsx';
import type { ReportPeriod } from '../period/PeriodPicker.tsx';
import { PrintToolbar } from './PrintToolbar.tsx';

/** Whole tenge as the union's tables print them (`12 759 543`); tiyn only when there are any. */
function tenge(tiyn: number): string {
  const text = formatTiyn(tiyn);
  return text.endsWith(',00') ? text.slice(0, -3) : text;
}

/** The union leaves a cell empty rather than printing a zero (effect, on control). */
const blankZero = (n: number, show: (n: number) => string = String) => (n === 0 ? '' : show(n));

export function PrintPage({
  title,
  ready,
  branch,
  signer,
  children,
}: {
  title: string;
  ready: boolean;
  branch?: string;
  /** Who signs the page (by default the branch chair). */
  signer?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const info = useOperation('register.info', {});
  return (
    <>
      <PrintToolbar />
      <div className="print-page" data-testid="print-page" data-ready={ready && info.data ? 'yes' : 'no'}>
        <p className="print-sub">{t('print.union')}</p>
        <p className="print-sub">
          {branch ? t('print.branchOf', { branch }) : info.data && printedBranchName(info.data, language)}
        </p>
        <h1>{title}</h1>
        {children}
        <div className="print-signer">
          {signer ?? t('print.branchChairLine')} ____________________ {info.data?.chair ?? ''}
        </div>
      </div>
    </>
  );
}

/** A row per PPO ("name (code)") and a totals row, with the report's own cells after the name. */
function PerOrgTable<T>({
  headers,
  rows,
  total,
  cells,
}: {
  headers: string[];
  rows: Array<T & { org: string; name: string }> | undefined;
  total: T | undefined;
  cells: (x: T) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <table className="print">
      <thead>
        <tr>
          <th>{t('print.org')}</th>
          {headers.map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows?.map((row) => (
          <tr key={row.org}>
            <td>
              {row.name} ({row.org})
            </td>
            {cells(row)}
          </tr>
        ))}
        {total && (
          <tr className="total">
            <td>{t('print.total')}</td>
            {cells(total)}
          </tr>
        )}
      </tbody>
    </table>
  );
}

export function usePeriodLabel(period: ReportPeriod): string {
  const { t } = useTranslation();
  const { year, quarter, from, to } = period;
  if (from && to) return t('print.periodRange', { from: formatDate(from), to: formatDate(to) });
  // quarters as the union writes them: «IV квартал 2024 года», «2024 жылғы IV тоқсан»
  const roman = quarter ? ['I', 'II', 'III', 'IV'][quarter - 1] : undefined;
  return quarter ? t('print.periodQuarter', { year, quarter, roman }) : t('print.periodYear', { year });
}

/** Report 1 of the union: appeals by category, as in the annual report, with the period in the title. */
export function AppealsPrint({ period, branch }: { period: ReportPeriod; branch?: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const report = useOperation('reports.appeals', { ...period, branch });
  const r = report.data;
  return (
    <PrintPage
      title={t('print.appealsTitle', { period: usePeriodLabel(period) })}
      ready={Boolean(r)}
      branch={branch}
    >
      <table className="print">
        <thead>
          <tr>
            <th>{t('print.appealsIssues')}</th>
            <th>{t('print.appealsTotal')}</th>
            <th>{t('print.appealsClosed')}</th>
            <th>{t('print.appealsEffect')}</th>
            <th>{t('print.appealsControl')}</th>
          </tr>
        </thead>
        <tbody>
          {r?.rows
            .filter((row) => row.total > 0 || row.category !== 'other')
            .map((row) => (
              <tr key={row.category}>
                <td>{termLabel(APPEAL_CATEGORIES, row.category, language)}</td>
                <td className="num">{row.total}</td>
                <td className="num">{row.closed}</td>
                <td className="num">
                  {blankZero(row.economicEffectTiyn, (n) => `${tenge(n)} ${t('print.tg')}`)}
                </td>
                <td className="num">{blankZero(row.onControl)}</td>
              </tr>
            ))}
          {r && (
            <tr className="total">
              <td>{t('print.total')}</td>
              <td className="num">{r.total.total}</td>
              <td className="num">{r.total.closed}</td>
              <td className="num">
                {blankZero(r.total.economicEffectTiyn, (n) => `${tenge(n)} ${t('print.tg')}`)}
              </td>
              <td className="num">{blankZero(r.total.onControl)}</td>
            </tr>
          )}
        </tbody>
      </table>
    </PrintPage>
  );
}

/** Dues and completeness per PPO for the period, with the shares and a total row. */
export function DuesPrint({ period, branch }: { period: ReportPeriod; branch?: string }) {
  const { t } = useTranslation();
  const report = useOperation('reports.dues', { ...period, branch });
  const r = report.data;
  const cells = (x: NonNullable<typeof r>['total']) => (
    <>
      <td className="num">{tenge(x.receivedTiyn)}</td>
      <td className="num">{tenge(x.expectedTiyn)}</td>
      <td className="num">{formatPercent(x.completeness)}</td>
      <td className="num">{tenge(x.ppoShareTiyn)}</td>
      <td className="num">{tenge(x.branchShareTiyn)}</td>
      <td className="num">{tenge(x.centralShareTiyn)}</td>
    </>
  );
  return (
    <PrintPage
      title={t('print.duesTitle', { period: usePeriodLabel(period) })}
      ready={Boolean(r)}
      branch={branch}
    >
      <PerOrgTable
        headers={[
          t('print.duesReceived'),
          t('print.duesExpected'),
          t('print.duesCompleteness'),
          t('print.sharePpo'),
          t('print.shareBranch'),
          t('print.shareCentral'),
        ]}
        rows={r?.rows}
        total={r?.total}
        cells={cells}
      />
      {r && r.arrears.length > 0 && (
        <p>
          {t('print.arrears')}: {r.arrears.map((a) => `${a.org} ${a.month}`).join('; ')}
        </p>
      )}
    </PrintPage>
  );
}

/** Membership statistics as of today: per PPO with density, by staff category, by sex. */
export function MembershipPrint({ branch }: { branch?: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const report = useOperation('reports.membership', { language, branch });
  const r = report.data;
  return (
    <PrintPage
      title={t('print.membershipTitle', { date: formatDate(r?.date) })}
      ready={Boolean(r)}
      branch={branch}
    >
      <PerOrgTable<{ members: number; headcount: number | null; density: number | null }>
        headers={[t('print.members'), t('print.headcount'), t('print.density')]}
        rows={r?.rows}
        total={r?.total}
        cells={(x) => (
          <>
            <td className="num">{x.members}</td>
            <td className="num">{x.headcount ?? ''}</td>
            <td className="num">{formatPercent(x.density)}</td>
          </>
        )}
      />
      {r && (
        <table className="print" style={{ marginTop: '6mm', width: '60%' }}>
          <thead>
            <tr>
              <th>{t('print.category')}</th>
              <th>{t('print.members')}</th>
            </tr>
          </thead>
          <tbody>
            {r.byCategory.map((c) => (
              <tr key={c.category}>
                <td>{termLabel(STAFF_CATEGORIES, c.category, language)}</td>
                <td className="num">{c.members}</td>
              </tr>
            ))}
            <tr>
              <td>{t('print.women')}</td>
              <td className="num">{r.bySex.female}</td>
            </tr>
            <tr>
              <td>{t('print.men')}</td>
              <td className="num">{r.bySex.male}</td>
            </tr>
          </tbody>
        </table>
      )}
    </PrintPage>
  );
}
