import { matchesSearch } from './collation.ts';

/** What the appeals journal shows of an appeal, as far as its search and order need. */
export interface JournalAppeal {
  regNo: string;
  receivedOn: string | null;
  applicant: string | null;
  summary: string | null;
  orgCode: string | null;
  assignee: string | null;
  outcome: string | null;
}

/**
 * The appeals journal's search and order, one definition for the screen and for its «В Excel»: folded
 * (ә→а, қ→к…, any case), words in any order, over number, applicant, summary, PPO, assignee and outcome;
 * by date received, then number.
 */
export function journalRows<A extends JournalAppeal>(
  appeals: A[],
  search: string,
  newestFirst?: boolean,
): A[] {
  const found = appeals.filter((a) =>
    matchesSearch(
      [a.regNo, a.applicant, a.summary, a.orgCode, a.assignee, a.outcome].filter(Boolean).join(' '),
      search,
    ),
  );
  if (newestFirst === undefined) return found;
  return found.sort((x, y) => {
    const by = (x.receivedOn ?? '').localeCompare(y.receivedOn ?? '') || x.regNo.localeCompare(y.regNo);
    return newestFirst ? -by : by;
  });
}
