import type { ParsedInput } from '../../shared/contract.ts';
import type { UiLanguage } from '../../shared/collation.ts';
import { journalRows } from '../../shared/journal.ts';
import {
  APPEAL_CATEGORIES,
  APPEAL_CHANNELS,
  APPEAL_STATUSES,
  LEGAL_KINDS,
  STAFF_CATEGORIES,
  termLabel,
} from '../../shared/vocabulary.ts';
import { listAppeals } from '../appeals/appeals.ts';
import { monthsOfPeriod, parseDate, type IsoDate } from '../dates.ts';
import { refuse } from '../errors.ts';
import { withScope } from '../exchange/scope.ts';
import { branchMemberPages } from '../members/list.ts';
import { listMembers, type Member } from '../members/members.ts';
import type { Register } from '../register.ts';
import type { ProgressReporter } from '../progress.ts';
import { appealsByCategory, legalHelp } from '../reports/appeals.ts';
import { duesReport } from '../reports/dues.ts';
import { periodName, resolvePeriod } from '../reports/period.ts';
import { membershipReport } from '../reports/membership.ts';
import { readSettings } from '../settings/settings.ts';
import { annualSheets } from './annual.ts';
import { labelsFor } from './labels.ts';
import { streamedTable, table, writeWorkbook, type Table } from './workbook.ts';

type Input = ParsedInput<'xlsx.export'>;

const MONTHS: Record<UiLanguage, string[]> = {
  ru: ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'],
  kk: ['қаң', 'ақп', 'нау', 'сәу', 'мам', 'мау', 'шіл', 'там', 'қыр', 'қаз', 'қар', 'жел'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** Rows per page of the member export: 1,000 kept the export of 75,000 members under 300 MB (5,000: 410 MB). */
const PAGE = 1000;

async function membersSheet(reg: Register, input: Input, language: UiLanguage): Promise<Table> {
  const L = labelsFor(language);
  // the list's own filters: the file holds exactly the rows the Members screen shows
  const filter = {
    orgCode: input.orgCode,
    status: input.status,
    category: input.category,
    search: input.search || undefined,
    language,
  };
  // The longest value of each text column, measured by SQLite: columns come before rows in the file.
  const q = reg.db('members').join('orgs', 'orgs.id', 'members.org_id');
  if (input.orgCode) q.where('orgs.code', input.orgCode);
  if (input.status) q.where('members.status', input.status);
  if (input.category) q.where('members.category', input.category);
  const longest: Record<string, number | null> = (await q.first(
    reg.db.raw(`max(length(orgs.code)) AS org_code, max(length(members.surname)) AS surname,
      max(length(members.given_name)) AS given_name, max(length(members.patronymic)) AS patronymic,
      max(length(members.position)) AS position, max(length(members.card_no)) AS card_no,
      max(length(members.phone)) AS phone, max(length(members.exited_on)) AS exited_on, count(*) AS n`),
  )) as Record<string, number | null>;
  const widest = (key: string) => Number(longest[key] ?? 0);
  type M = Member;
  const categoryWidth = Math.max(...Object.values(STAFF_CATEGORIES).map((t) => t[language].length));
  return streamedTable<M>({
    name: input.orgCode ? `${L('sheetMembers')} ${input.orgCode}` : L('sheetMembers'),
    // a search narrows the rows below what SQLite measured (the widths stay wide enough)
    count: filter.search ? (await listMembers(reg, { ...filter, limit: 1 })).total : widest('n'),
    pages: () => branchMemberPages(reg, filter, PAGE),
    columns: [
      { header: L('orgCode'), type: 'text', longest: widest('org_code'), value: (m) => m.orgCode },
      { header: L('surname'), type: 'text', longest: widest('surname'), value: (m) => m.surname },
      { header: L('givenName'), type: 'text', longest: widest('given_name'), value: (m) => m.givenName },
      { header: L('patronymic'), type: 'text', longest: widest('patronymic'), value: (m) => m.patronymic },
      { header: L('iin'), type: 'text', longest: 12, value: (m) => m.iin },
      { header: L('birthDate'), type: 'date', longest: 10, value: (m) => m.birthDate },
      { header: L('position'), type: 'text', longest: widest('position'), value: (m) => m.position },
      {
        header: L('category'),
        type: 'text',
        longest: categoryWidth,
        value: (m) => termLabel(STAFF_CATEGORIES, m.category, language),
      },
      { header: L('cardNo'), type: 'text', longest: widest('card_no'), value: (m) => m.cardNo },
      { header: L('joinedOn'), type: 'date', longest: 10, value: (m) => m.joinedOn },
      { header: L('phone'), type: 'text', longest: widest('phone'), value: (m) => m.phone },
      { header: L('exitedOn'), type: 'date', longest: widest('exited_on'), value: (m) => m.exitedOn },
    ],
  });
}

async function appealsSheet(reg: Register, input: Input, language: UiLanguage): Promise<Table> {
  const L = labelsFor(language);
  // the journal's own filters, search (folded, words in any order) and order: what the screen shows
  const rows = journalRows(
    await listAppeals(reg, {
      year: input.year,
      orgCode: input.orgCode,
      status: input.appealStatus,
      category: input.appealCategory,
      onControl: input.onControl || undefined,
      overdue: input.overdue || undefined,
    }),
    input.search ?? '',
    input.newestFirst,
  );
  type A = (typeof rows)[number];
  const sheet = table<A>({
    name: input.year ? `${L('sheetAppeals')} ${input.year}` : L('sheetAppeals'),
    rows,
    columns: [
      { header: L('regNo'), type: 'text', value: (a) => a.regNo },
      { header: L('receivedOn'), type: 'date', value: (a) => a.receivedOn },
      { header: L('channel'), type: 'text', value: (a) => termLabel(APPEAL_CHANNELS, a.channel, language) },
      { header: L('applicant'), type: 'text', value: (a) => a.applicant },
      { header: L('signatories'), type: 'int', value: (a) => a.signatories },
      { header: L('orgCode'), type: 'text', value: (a) => a.orgCode },
      {
        header: L('category'),
        type: 'text',
        value: (a) => termLabel(APPEAL_CATEGORIES, a.category, language),
      },
      { header: L('summary'), type: 'text', value: (a) => a.summary },
      { header: L('assignee'), type: 'text', value: (a) => a.assignee },
      { header: L('status'), type: 'text', value: (a) => termLabel(APPEAL_STATUSES, a.status, language) },
      { header: L('onControl'), type: 'text', value: (a) => (a.onControl ? L('yes') : '') },
      { header: L('dueOn'), type: 'date', value: (a) => a.dueOn },
      { header: L('closedOn'), type: 'date', value: (a) => a.closedOn },
      { header: L('outcome'), type: 'text', value: (a) => a.outcome },
      { header: L('effect'), type: 'money', value: (a) => a.economicEffectTiyn },
    ],
  });
  return sheet;
}

/** The dues grid: a row per PPO, a column per month of the year (received), and the year's total. */
async function duesGrid(reg: Register, year: number, language: UiLanguage): Promise<Table> {
  const L = labelsFor(language);
  const months = monthsOfPeriod(year);
  const cells: Array<{ code: string; name: string; month: string | null; received: number | null }> =
    await reg.db.raw(
      `SELECT o.code, o.name, r.month, sum(r.received_tiyn) AS received
       FROM orgs o LEFT JOIN dues_remittances r ON r.org_id = o.id AND r.month BETWEEN ? AND ?
       GROUP BY o.code, o.name, r.month`,
      [months[0]!, months[11]!],
    );
  const byOrg = new Map<string, { code: string; name: string; months: Map<string, number> }>();
  for (const c of cells) {
    const org = byOrg.get(c.code) ?? { code: c.code, name: c.name, months: new Map() };
    if (c.month) org.months.set(c.month, Number(c.received));
    byOrg.set(c.code, org);
  }
  type G = { code: string; name: string; months: Map<string, number> };
  const rows = [...byOrg.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
  const total: G = { code: L('total'), name: '', months: new Map() };
  for (const r of rows) for (const [m, v] of r.months) total.months.set(m, (total.months.get(m) ?? 0) + v);
  const sum = (g: G) => [...g.months.values()].reduce((a, b) => a + b, 0);
  const sheet = table<G>({
    name: `${L('sheetDues')} ${year}`,
    rows,
    total,
    columns: [
      { header: L('org'), type: 'text', value: (g) => g.code },
      { header: L('orgName'), type: 'text', value: (g) => g.name },
      ...months.map((m, i) => ({
        header: MONTHS[language][i]!,
        type: 'money' as const,
        value: (g: G) => g.months.get(m) ?? null,
      })),
      { header: L('yearTotal'), type: 'money', value: sum },
    ],
  });
  return sheet;
}

async function appealsReportSheet(reg: Register, input: Input, language: UiLanguage) {
  const L = labelsFor(language);
  const r = await appealsByCategory(reg, input);
  type R = (typeof r.rows)[number] | (typeof r.total & { category: 'total' });
  const zeroBlank = (n: number) => (n === 0 ? null : n);
  const sheet = table<R>({
    name: `${L('sheetAppealsReport')} ${periodName(r.period)}`,
    rows: r.rows,
    total: { ...r.total, category: 'total' },
    columns: [
      {
        header: L('issues'),
        type: 'text',
        value: (x) =>
          x.category === 'total' ? L('total') : termLabel(APPEAL_CATEGORIES, x.category, language),
      },
      { header: L('appealsTotal'), type: 'int', value: (x) => x.total },
      { header: L('appealsClosed'), type: 'int', value: (x) => x.closed },
      { header: L('effect'), type: 'money', value: (x) => zeroBlank(x.economicEffectTiyn) },
      { header: L('onControl'), type: 'int', value: (x) => zeroBlank(x.onControl) },
    ],
  });
  return [sheet];
}

async function legalSheet(reg: Register, input: Input, language: UiLanguage) {
  const L = labelsFor(language);
  const r = await legalHelp(reg, input);
  type K = (typeof r.rows)[number] | { kind: 'total'; cases: number; closed: number; allocatedTiyn: number };
  return [
    table<K>({
      name: `${L('sheetLegal')} ${periodName(resolvePeriod(input))}`,
      rows: r.rows,
      total: { kind: 'total', ...r.total },
      columns: [
        {
          header: L('legalKind'),
          type: 'text',
          value: (x) => (x.kind === 'total' ? L('total') : termLabel(LEGAL_KINDS, x.kind, language)),
        },
        { header: L('cases'), type: 'int', value: (x) => x.cases },
        { header: L('appealsClosed'), type: 'int', value: (x) => x.closed },
        { header: L('allocated'), type: 'money', value: (x) => x.allocatedTiyn },
      ],
    }),
    table<{ label: string; n: number }>({
      name: L('membersHelped'),
      rows: [{ label: L('membersHelped'), n: r.total.membersHelped }],
      columns: [
        { header: '', type: 'text', value: (x) => x.label },
        { header: L('members'), type: 'int', value: (x) => x.n },
      ],
    }),
  ];
}

async function membershipSheets(reg: Register, date: IsoDate, language: UiLanguage, from?: IsoDate) {
  const L = labelsFor(language);
  const r = await membershipReport(reg, date, language, from);
  type P = (typeof r.rows)[number];
  const perOrg = table<P>({
    name: L('sheetMembership'),
    rows: r.rows,
    total: { org: L('total'), name: '', ...r.total },
    columns: [
      { header: L('org'), type: 'text', value: (x) => x.org },
      { header: L('orgName'), type: 'text', value: (x) => x.name },
      { header: L('members'), type: 'int', value: (x) => x.members },
      { header: L('headcount'), type: 'int', value: (x) => x.headcount },
      { header: L('density'), type: 'percent', value: (x) => x.density },
    ],
  });
  type C = { label: string; members: number };
  const categories = table<C>({
    name: L('sheetCategories'),
    rows: r.byCategory.map((c) => ({
      label: termLabel(STAFF_CATEGORIES, c.category, language),
      members: c.members,
    })),
    columns: [
      { header: L('category'), type: 'text', value: (x) => x.label },
      { header: L('members'), type: 'int', value: (x) => x.members },
    ],
  });
  type V = (typeof r.movement)[number];
  const movement = table<V>({
    name: L('sheetMovement'),
    rows: r.movement,
    columns: [
      { header: L('month'), type: 'text', value: (x) => x.month },
      { header: L('admitted'), type: 'int', value: (x) => x.admitted },
      { header: L('exited'), type: 'int', value: (x) => x.exited },
      { header: L('net'), type: 'int', value: (x) => x.net },
    ],
  });
  return [perOrg, categories, movement];
}

async function duesReportSheets(reg: Register, input: Input, today: IsoDate, language: UiLanguage) {
  const L = labelsFor(language);
  const r = await duesReport(reg, input, today);
  type D = (typeof r.rows)[number];
  const sheet = table<D>({
    name: `${L('sheetDuesReport')} ${periodName(r.period)}`,
    rows: r.rows,
    total: {
      org: L('total'),
      name: '',
      remittances: r.rows.reduce((s, x) => s + x.remittances, 0),
      ...r.total,
    },
    columns: [
      { header: L('org'), type: 'text', value: (x) => x.org },
      { header: L('orgName'), type: 'text', value: (x) => x.name },
      { header: L('remittances'), type: 'int', value: (x) => x.remittances },
      { header: L('received'), type: 'money', value: (x) => x.receivedTiyn },
      { header: L('expected'), type: 'money', value: (x) => x.expectedTiyn },
      { header: L('completeness'), type: 'percent', value: (x) => x.completeness },
      { header: L('sharePpo'), type: 'money', value: (x) => x.ppoShareTiyn },
      { header: L('shareBranch'), type: 'money', value: (x) => x.branchShareTiyn },
      { header: L('shareCentral'), type: 'money', value: (x) => x.centralShareTiyn },
    ],
  });
  return [sheet];
}

/** Any register or report as an XLSX file: its bytes and the file name to offer. */
export async function exportXlsx(reg: Register, input: Input, today: IsoDate, progress?: ProgressReporter) {
  const language = (input.language ?? 'ru') as UiLanguage;
  const needsYear = ['appeals-report', 'legal-report', 'dues-report', 'dues', 'annual-report'].includes(
    input.kind,
  );
  if (needsYear && !input.year && !(input.from && !['dues', 'annual-report'].includes(input.kind))) {
    refuse('xlsx.year_required', 'this spreadsheet needs a year', 'Для этой таблицы нужно указать год');
  }
  const settings = await readSettings(reg.db);
  if (settings.kind === 'hq' && (input.kind === 'members' || input.kind === 'appeals')) {
    refuse(
      'xlsx.hq_register',
      'at headquarters, registers are exported per branch database; reports are union-wide',
      'В базе Центрального совета выгружаются отчёты; списки членов и журналы — в базах филиалов',
    );
  }
  const sheets = await withScope(reg, input.branch, async (r) => {
    switch (input.kind) {
      case 'members':
        return [await membersSheet(r, input, language)];
      case 'appeals':
        return [await appealsSheet(r, input, language)];
      case 'dues':
        return [await duesGrid(r, input.year!, language)];
      case 'appeals-report':
        return appealsReportSheet(r, input, language);
      case 'legal-report':
        return legalSheet(r, input, language);
      case 'membership-report':
        return membershipSheets(
          r,
          parseDate(input.to ?? input.date ?? today, input.to ? 'to' : 'date'),
          language,
          input.from ? parseDate(input.from, 'from') : undefined,
        );
      case 'dues-report':
        return duesReportSheets(r, input, today, language);
      case 'annual-report':
        return annualSheets(reg, { year: input.year!, legalFrom: input.legalFrom }, today, language);
    }
  });
  const parts = [
    settings.branchCode,
    input.kind,
    input.orgCode,
    input.year,
    input.quarter && `Q${input.quarter}`,
    input.from && `${input.from}_${input.to ?? ''}`,
  ];
  const fileName = `${parts.filter(Boolean).join('-')}.xlsx`;
  return { fileName, bytes: await writeWorkbook(sheets, progress) };
}
