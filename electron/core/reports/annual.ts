import type { UiLanguage } from '../../shared/collation.ts';
import { parseDate, type IsoDate } from '../dates.ts';
import { inScope, knownBranches } from '../exchange/scope.ts';
import type { Register } from '../register.ts';
import { readSettings } from '../settings/settings.ts';
import { appealsByCategory, legalHelp } from './appeals.ts';
import { duesReport } from './dues.ts';
import { membershipReport } from './membership.ts';

/**
 * The union's annual report, as the central council publishes it: members and PPOs per branch with
 * density at the year's end, appeals by category for the year, the «МедАдвокат» project since it began
 * (November 2021, unless another start is given) up to the year's end, and dues per branch with
 * completeness. At a branch the same tables hold that branch alone.
 */
export const MEDADVOCATE_SINCE = '2021-11-01';

function ratio(a: number, b: number): number | null {
  return b ? Math.round((a / b) * 10000) / 10000 : null;
}

export async function annualReport(
  reg: Register,
  input: { year: number; legalFrom?: string; language?: string },
  today: IsoDate,
) {
  const { year } = input;
  const end = `${year}-12-31`;
  const legalFrom = input.legalFrom ? parseDate(input.legalFrom, 'from') : MEDADVOCATE_SINCE;
  const language = (input.language ?? 'ru') as UiLanguage;
  const settings = await readSettings(reg.db);
  const branches = settings.kind === 'hq' ? await knownBranches(reg.db) : [settings.branchCode];
  const membership = [];
  const dues = [];
  for (const branch of branches) {
    const scoped = await inScope(reg, settings.kind === 'hq' ? branch : undefined);
    const m = await membershipReport(scoped, end, language);
    membership.push({
      branch,
      orgs: m.total.orgs,
      members: m.total.members,
      headcount: m.total.headcount,
      density: m.total.density,
    });
    const d = await duesReport(scoped, { year }, today);
    dues.push({ branch, ...d.total });
  }
  const sum = <T>(rows: T[], key: (r: T) => number) => rows.reduce((s, r) => s + key(r), 0);
  const union = await inScope(reg, undefined);
  const membershipTotal = {
    orgs: sum(membership, (r) => r.orgs),
    members: sum(membership, (r) => r.members),
    headcount: sum(membership, (r) => r.headcount),
    density: ratio(
      sum(membership, (r) => r.members),
      sum(membership, (r) => r.headcount),
    ),
  };
  const received = sum(dues, (r) => r.receivedTiyn);
  const expected = sum(dues, (r) => r.expectedTiyn);
  return {
    year,
    date: end,
    legalFrom,
    membership: { rows: membership, total: membershipTotal },
    appeals: await appealsByCategory(union, { year }),
    legal: await legalHelp(union, { from: legalFrom, to: end }),
    dues: {
      rows: dues,
      total: {
        receivedTiyn: received,
        expectedTiyn: expected,
        completeness: ratio(received, expected),
        centralShareTiyn: sum(dues, (r) => r.centralShareTiyn),
      },
    },
  };
}

export type AnnualReport = Awaited<ReturnType<typeof annualReport>>;
