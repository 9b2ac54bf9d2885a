import type { UiLanguage } from '../../shared/collation.ts';
import { APPEAL_CATEGORIES, LEGAL_KINDS, termLabel } from '../../shared/vocabulary.ts';
import type { IsoDate } from '../dates.ts';
import type { Register } from '../register.ts';
import { annualReport } from '../reports/annual.ts';
import { labelsFor } from './labels.ts';
import { table, type Table } from './workbook.ts';

/** The annual report as one workbook: a sheet per table, in the order the union prints them. */
export async function annualSheets(
  reg: Register,
  input: { year: number; legalFrom?: string },
  today: IsoDate,
  language: UiLanguage,
): Promise<Table[]> {
  const L = labelsFor(language);
  const r = await annualReport(reg, { ...input, language }, today);
  type M = (typeof r.membership.rows)[number];
  type D = (typeof r.dues.rows)[number];
  type C = (typeof r.appeals.rows)[number] | (typeof r.appeals.total & { category: 'total' });
  type K = (typeof r.legal.rows)[number] | { kind: 'total'; cases: number; allocatedTiyn: number };
  const blank = (n: number) => (n === 0 ? null : n);
  return [
    table<M>({
      name: `${L('sheetAnnualMembers')} ${r.year}`,
      rows: r.membership.rows,
      total: { branch: L('total'), ...r.membership.total },
      columns: [
        { header: L('branch'), type: 'text', value: (x) => x.branch },
        { header: L('orgs'), type: 'int', value: (x) => x.orgs },
        { header: L('members'), type: 'int', value: (x) => x.members },
        { header: L('headcount'), type: 'int', value: (x) => x.headcount },
        { header: L('density'), type: 'percent', value: (x) => x.density },
      ],
    }),
    table<C>({
      name: `${L('sheetAppealsReport')} ${r.year}`,
      rows: r.appeals.rows,
      total: { ...r.appeals.total, category: 'total' },
      columns: [
        {
          header: L('issues'),
          type: 'text',
          value: (x) =>
            x.category === 'total' ? L('total') : termLabel(APPEAL_CATEGORIES, x.category, language),
        },
        { header: L('appealsTotal'), type: 'int', value: (x) => x.total },
        { header: L('appealsClosed'), type: 'int', value: (x) => x.closed },
        { header: L('effect'), type: 'money', value: (x) => blank(x.economicEffectTiyn) },
        { header: L('onControl'), type: 'int', value: (x) => blank(x.onControl) },
      ],
    }),
    table<K>({
      name: L('sheetLegal'),
      rows: r.legal.rows,
      total: { kind: 'total', cases: r.legal.total.cases, allocatedTiyn: r.legal.total.allocatedTiyn },
      columns: [
        {
          header: `${L('legalKind')} (${L('membersHelped').toLowerCase()}: ${r.legal.total.membersHelped})`,
          type: 'text',
          value: (x) => (x.kind === 'total' ? L('total') : termLabel(LEGAL_KINDS, x.kind, language)),
        },
        { header: L('cases'), type: 'int', value: (x) => x.cases },
        { header: L('allocated'), type: 'money', value: (x) => x.allocatedTiyn },
      ],
    }),
    table<D>({
      name: `${L('sheetDuesReport')} ${r.year}`,
      rows: r.dues.rows,
      total: { branch: L('total'), ...r.dues.total } as D,
      columns: [
        { header: L('branch'), type: 'text', value: (x) => x.branch },
        { header: L('received'), type: 'money', value: (x) => x.receivedTiyn },
        { header: L('expected'), type: 'money', value: (x) => x.expectedTiyn },
        { header: L('completeness'), type: 'percent', value: (x) => x.completeness },
        { header: L('shareCentral'), type: 'money', value: (x) => x.centralShareTiyn },
      ],
    }),
  ];
}
