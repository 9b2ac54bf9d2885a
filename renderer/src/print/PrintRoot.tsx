import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './print.css';
import { MembersListPrint } from './MembersListPrint.tsx';
import { AnnualPrint } from './AnnualPrint.tsx';
import { AppealsPrint, DuesPrint, MembershipPrint } from './ReportPrints.tsx';

/** `#/print/<view>/<args…>`: a print view is a page of its own, so Electron and a browser print the same. */
export function printRoute(hash: string): string[] | null {
  const parts = hash.replace(/^#\/?/, '').split('?')[0]!.split('/').filter(Boolean);
  return parts[0] === 'print' ? parts.slice(1).map(decodeURIComponent) : null;
}

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD`: a report over a range of dates instead of a year or quarter. */
export function printRange(hash: string): { from?: string; to?: string } {
  const query = new URLSearchParams(hash.split('?')[1] ?? '');
  const iso = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
  return { from: iso(query.get('from')), to: iso(query.get('to')) };
}

/** At headquarters, `?branch=KRG` narrows a report to one branch. */
export function printBranch(hash: string): string | undefined {
  const query = hash.split('?')[1];
  const branch = query ? new URLSearchParams(query).get('branch') : null;
  return branch && /^[A-Z0-9_-]{2,16}$/.test(branch) ? branch : undefined;
}

/** Page numbers in the UI language, in the page's bottom margin (CSS @page margin boxes). */
function PageNumbers() {
  const { t } = useTranslation();
  const text = (s: string) => `"${s.replace(/["\\]/g, '')}"`;
  const css = `@page { @bottom-right { content: ${text(t('print.page'))} " " counter(page) " ${t('print.of')} " counter(pages); font-family: 'Noto Sans', sans-serif; font-size: 8pt; } }`;
  return <style>{css}</style>;
}

export function PrintRoot({
  route,
  branch,
  range = {},
}: {
  route: string[];
  branch?: string;
  range?: { from?: string; to?: string };
}) {
  const { t } = useTranslation();
  const [view, a, b] = route;
  const year = Number(a) || new Date().getFullYear();
  const quarter = b ? Number(b) : undefined;
  const period = range.from && range.to ? range : { year, quarter };
  let page: ReactNode;
  if (view === 'members' && a) page = <MembersListPrint orgCode={a} />;
  else if (view === 'appeals') page = <AppealsPrint period={period} branch={branch} />;
  else if (view === 'dues') page = <DuesPrint period={period} branch={branch} />;
  else if (view === 'annual') page = <AnnualPrint year={year} legalFrom={range.from} />;
  else if (view === 'membership') page = <MembershipPrint branch={branch} />;
  else page = <p>{t('print.unknown')}</p>;
  return (
    <>
      <PageNumbers />
      {page}
    </>
  );
}
