import { parseQuarter, periodBounds, type Quarter } from '../dates.ts';
import { countsSql } from '../members/history.ts';
import type { Register } from '../register.ts';
import { readSettings } from '../settings/settings.ts';

/**
 * What headquarters reads after merging: people in two branches at once, transfers between branches
 * with their two halves paired, which branch sent which quarter (and who is late), and the import log.
 */

export interface BranchTransfer {
  iin: string;
  name: string;
  fromBranch: string;
  toBranch: string;
  /** Date the source branch recorded the transfer out, if its package has arrived. */
  leftOn: string | null;
  /** Date the destination branch admitted the person, if its package has arrived. */
  arrivedOn: string | null;
  status: 'completed' | 'awaiting_destination' | 'awaiting_source';
}

interface TransferHalf {
  iin: string;
  name: string;
  from: string;
  to: string;
  date: string;
}

async function transferHalves(reg: Register, kind: string): Promise<TransferHalf[]> {
  const ours = kind === 'transferred_to_branch';
  const rows: Array<Record<string, string>> = await reg.db.raw(
    `SELECT m.iin, m.surname || ' ' || m.given_name AS name, e.branch_code AS here,
            e.counterpart_branch AS there, e.event_date AS date
     FROM hq_member_events e
     JOIN hq_members m ON m.id = e.member_id AND m.branch_code = e.branch_code
     WHERE e.kind = ? AND ${countsSql('e', 'hq_member_events')} ORDER BY e.event_date`,
    [kind],
  );
  return rows.map((r) => ({
    iin: r.iin!,
    name: r.name!,
    from: ours ? r.here! : r.there!,
    to: ours ? r.there! : r.here!,
    date: r.date!,
  }));
}

/**
 * Pairs each transfer out of a branch with the admission on transfer at the other branch (same IIN, same
 * two branches, in date order). A half without its partner is a transfer in progress: the other branch's
 * package has not arrived yet (or it has not recorded the transfer).
 */
export async function branchTransfers(reg: Register): Promise<BranchTransfer[]> {
  const outs = await transferHalves(reg, 'transferred_to_branch');
  const ins = await transferHalves(reg, 'transferred_from_branch');
  const key = (h: TransferHalf) => `${h.iin}|${h.from}|${h.to}`;
  const waiting = new Map<string, TransferHalf[]>();
  for (const h of ins) waiting.set(key(h), [...(waiting.get(key(h)) ?? []), h]);
  const result: BranchTransfer[] = [];
  for (const out of outs) {
    const arrived = waiting.get(key(out))?.shift();
    result.push({
      iin: out.iin,
      name: arrived?.name ?? out.name,
      fromBranch: out.from,
      toBranch: out.to,
      leftOn: out.date,
      arrivedOn: arrived?.date ?? null,
      status: arrived ? 'completed' : 'awaiting_destination',
    });
  }
  for (const rest of waiting.values()) {
    for (const h of rest) {
      result.push({
        iin: h.iin,
        name: h.name,
        fromBranch: h.from,
        toBranch: h.to,
        leftOn: null,
        arrivedOn: h.date,
        status: 'awaiting_source',
      });
    }
  }
  return result.sort((a, b) =>
    (a.leftOn ?? a.arrivedOn!) < (b.leftOn ?? b.arrivedOn!) ? -1 : a.iin < b.iin ? -1 : 1,
  );
}

export interface Duplicate {
  iin: string;
  branches: string[];
  names: string;
}

/**
 * People active in two branches at once (same IIN): listed for headquarters, never merged silently. A
 * person whose new branch has admitted them on transfer while the old branch's package still shows them
 * active is a transfer in progress (see `branchTransfers`), not a duplicate.
 */
export async function activeInTwoBranches(reg: Register, transfers?: BranchTransfer[]): Promise<Duplicate[]> {
  const rows: Array<{ iin: string; branches: string; names: string }> = await reg.db.raw(
    `SELECT iin, group_concat(DISTINCT branch_code) AS branches, group_concat(surname || ' ' || given_name, '; ') AS names
     FROM hq_members WHERE status = 'active' GROUP BY iin HAVING count(DISTINCT branch_code) > 1 ORDER BY iin`,
  );
  const inProgress = new Set(
    (transfers ?? (await branchTransfers(reg)))
      .filter((t) => t.status === 'awaiting_source')
      .map((t) => `${t.iin}|${[t.fromBranch, t.toBranch].sort().join(',')}`),
  );
  return rows
    .map((r) => ({ iin: r.iin, branches: r.branches.split(',').sort(), names: r.names }))
    .filter((d) => !inProgress.has(`${d.iin}|${d.branches.join(',')}`));
}

const quarterOfMonth = (month: number) => (Math.floor((month - 1) / 3) + 1) as Quarter['quarter'];

export type SubmissionState = 'received' | 'late' | 'due' | 'open';

/**
 * Branch × quarter: the last accepted package of each quarter, or whether one is due or late. Branches
 * are those with a trusted key or an accepted package; quarters run from the earliest package (at most
 * two years back; a year back when nothing has arrived) to the current one.
 */
export async function submissions(reg: Register) {
  const imports: Array<{ branch_code: string; period: string; seq: number; imported_at: string }> =
    await reg.db.raw(
      `SELECT branch_code, period, max(seq) AS seq, max(imported_at) AS imported_at
       FROM package_imports GROUP BY branch_code, period`,
    );
  const keyed: Array<{ branch_code: string }> = await reg.db('branch_keys').distinct('branch_code');
  const branches = [
    ...new Set([...keyed.map((k) => k.branch_code), ...imports.map((i) => i.branch_code)]),
  ].sort();

  const today = reg.clock().toISOString().slice(0, 10);
  // Quarters counted as year * 4 + (quarter - 1), so a range is a plain loop.
  const index = (q: Quarter) => q.year * 4 + q.quarter - 1;
  const now = index({ year: Number(today.slice(0, 4)), quarter: quarterOfMonth(Number(today.slice(5, 7))) });
  const earliest = imports.map((i) => i.period).sort()[0];
  const first = Math.max(earliest ? index(parseQuarter(earliest)) : now - 4, now - 8);
  const dueDays = (await readSettings(reg.db)).packageDueDays;
  const periods: Array<{ period: string; ended: boolean; dueOn: string }> = [];
  for (let n = first; n <= now; n++) {
    const end = periodBounds(Math.floor(n / 4), (n % 4) + 1).to;
    const due = new Date(`${end}T00:00:00Z`);
    due.setUTCDate(due.getUTCDate() + dueDays);
    periods.push({
      period: `${Math.floor(n / 4)}-Q${(n % 4) + 1}`,
      ended: end < today,
      dueOn: due.toISOString().slice(0, 10),
    });
  }

  const got = new Map(imports.map((i) => [`${i.branch_code}|${i.period}`, i]));
  return {
    branches,
    periods: periods.map((p) => p.period),
    dueDays,
    cells: branches.flatMap((branch) =>
      periods.map(({ period, ended, dueOn }) => {
        const hit = got.get(`${branch}|${period}`);
        const state: SubmissionState = hit ? 'received' : !ended ? 'open' : today > dueOn ? 'late' : 'due';
        return {
          branch,
          period,
          state,
          dueOn,
          seq: hit ? Number(hit.seq) : null,
          importedAt: hit?.imported_at ?? null,
        };
      }),
    ),
  };
}

export async function importLog(reg: Register) {
  const rows: Array<Record<string, string | number>> = await reg
    .db('package_imports')
    .orderByRaw('imported_at DESC, rowid DESC'); // newest first, also when two came in the same second
  return rows.map((r) => ({
    branch: String(r.branch_code),
    period: String(r.period),
    seq: Number(r.seq),
    file: r.file_name ? String(r.file_name) : null,
    signerKeyId: String(r.signer_key_id),
    createdAtBranch: r.created_at_branch ? String(r.created_at_branch) : null,
    importedAt: String(r.imported_at),
    sha256: String(r.package_sha256),
    counts: JSON.parse(String(r.counts)) as Record<string, number>,
    diff: JSON.parse(String(r.diff)) as Record<string, { added: number; changed: number; removed: number }>,
  }));
}
