import { useTranslation } from 'react-i18next';
import { formatDate, formatPercent, formatTiyn } from '../../../electron/shared/format.ts';
import { APPEAL_CATEGORIES, LEGAL_KINDS } from '../../../electron/shared/vocabulary.ts';
import { useOperation } from '../api.ts';
import { termLabel, useLanguage } from '../ui.tsx';
import { PrintPage } from './ReportPrints.tsx';

/** Whole tenge as the union prints them. */
const tenge = (tiyn: number) => formatTiyn(tiyn).replace(/,00$/, '');

/**
 * The union's annual report tables on A4 (`#/print/annual/<year>[?from=<MedAdvocate start>]`): members and
 * PPOs per branch with density, appeals by category, «МедАдвокат», dues per branch with completeness.
 */
export function AnnualPrint({ year, legalFrom }: { year: number; legalFrom?: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const report = useOperation('reports.annual', { year, legalFrom, language });
  const r = report.data;
  return (
    <PrintPage title={t('hq.annualTitle', { year })} ready={Boolean(r)} signer={t('hq.chairLine')}>
      {r && (
        <>
          <h2>{t('hq.annualMembers', { date: formatDate(r.date) })}</h2>
          <table className="print" data-testid="annual-members">
            <thead>
              <tr>
                <th>{t('hq.branch')}</th>
                <th>{t('hq.colOrgs')}</th>
                <th>{t('hq.colMembers')}</th>
                <th>{t('hq.colHeadcount')}</th>
                <th>{t('hq.colDensity')}</th>
              </tr>
            </thead>
            <tbody>
              {[...r.membership.rows, { branch: t('print.total'), ...r.membership.total }].map((x, i) => (
                <tr key={x.branch} className={i === r.membership.rows.length ? 'total' : undefined}>
                  <td>{x.branch}</td>
                  <td className="num">{x.orgs}</td>
                  <td className="num">{x.members}</td>
                  <td className="num">{x.headcount}</td>
                  <td className="num">{formatPercent(x.density)}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <h2>{t('hq.annualAppeals', { year })}</h2>
          <table className="print" data-testid="annual-appeals">
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
              {r.appeals.rows
                .filter((x) => x.total > 0 || x.category !== 'other')
                .map((x) => (
                  <tr key={x.category}>
                    <td>{termLabel(APPEAL_CATEGORIES, x.category, language)}</td>
                    <td className="num">{x.total}</td>
                    <td className="num">{x.closed}</td>
                    <td className="num">{x.economicEffectTiyn ? tenge(x.economicEffectTiyn) : ''}</td>
                    <td className="num">{x.onControl || ''}</td>
                  </tr>
                ))}
              <tr className="total">
                <td>{t('print.total')}</td>
                <td className="num">{r.appeals.total.total}</td>
                <td className="num">{r.appeals.total.closed}</td>
                <td className="num">{tenge(r.appeals.total.economicEffectTiyn)}</td>
                <td className="num">{r.appeals.total.onControl || ''}</td>
              </tr>
            </tbody>
          </table>

          <h2>{t('hq.annualLegal', { from: formatDate(r.legalFrom) })}</h2>
          <div data-testid="annual-legal">
            <p>{t('hq.legalHelped', { count: r.legal.total.membersHelped })}</p>
            <ul>
              {r.legal.rows
                .filter((x) => x.kind !== 'labour' || x.cases > 0)
                .map((x) => (
                  <li key={x.kind}>
                    {t('hq.legalCases', { kind: termLabel(LEGAL_KINDS, x.kind, language), count: x.cases })}
                  </li>
                ))}
            </ul>
            <p>{t('hq.legalAllocated', { sum: tenge(r.legal.total.allocatedTiyn) })}</p>
          </div>

          <h2>{t('hq.annualDues', { year })}</h2>
          <table className="print" data-testid="annual-dues">
            <thead>
              <tr>
                <th>{t('hq.branch')}</th>
                <th>{t('print.duesReceived')}</th>
                <th>{t('print.duesExpected')}</th>
                <th>{t('print.duesCompleteness')}</th>
                <th>{t('print.shareCentral')}</th>
              </tr>
            </thead>
            <tbody>
              {[...r.dues.rows, { branch: t('print.total'), ...r.dues.total }].map((x, i) => (
                <tr key={x.branch} className={i === r.dues.rows.length ? 'total' : undefined}>
                  <td>{x.branch}</td>
                  <td className="num">{tenge(x.receivedTiyn)}</td>
                  <td className="num">{tenge(x.expectedTiyn)}</td>
                  <td className="num">{formatPercent(x.completeness)}</td>
                  <td className="num">{tenge(x.centralShareTiyn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </PrintPage>
  );
}
