import { refuse } from '../errors.ts';
import { memberKeyColumns, type KeyedPerson } from '../members/list-keys.ts';
import { getMember } from '../members/members.ts';
import { requireOrg } from '../orgs/orgs.ts';
import type { Register } from '../register.ts';
import { inScope } from './scope.ts';

/**
 * Headquarters' cards of a person and a PPO, read from the snapshots. A person may have a record in
 * several branches (moved, or active in two at once): the card is the branch's own card of the record
 * that counts now (the active one, else the latest to end), with every branch's record and history beside.
 */
type BranchCard = Awaited<ReturnType<typeof getMember>>;
/** A member's card; at headquarters with the person's record in each branch. */
export type MemberCard = BranchCard & { branches?: Array<BranchCard & { branch: string }> };

export async function hqMember(reg: Register, iin: string, branch?: string): Promise<MemberCard> {
  const q = reg.db('hq_members').where({ iin }).select('branch_code', 'status', 'joined_on', 'exited_on');
  if (branch) q.where({ branch_code: branch });
  const records: Array<{ branch_code: string; status: string; joined_on: string; exited_on: string | null }> =
    await q;
  // with its value, as a branch refuses it: the window words the shared sentence from `params`
  if (records.length === 0) refuse('member.not_found', { iin });
  const branches: Array<BranchCard & { branch: string }> = [];
  for (const r of records) {
    branches.push({ branch: r.branch_code, ...(await getMember(await inScope(reg, r.branch_code), iin)) });
  }
  // in order of joining, so the card reads as the person's path through the union
  branches.sort((a, b) => (a.joinedOn < b.joinedOn ? -1 : a.joinedOn > b.joinedOn ? 1 : 0));
  const current =
    branches.filter((b) => b.status === 'active').at(-1) ??
    [...branches].sort((a, b) => String(a.exitedOn).localeCompare(String(b.exitedOn))).at(-1)!;
  return { ...current, branches };
}

/** A PPO of one branch; union-wide its code is qualified by the branch (`KRG/P001`). */
export async function hqOrg(reg: Register, code: string, branch?: string) {
  const [own, plain] = code.includes('/') ? code.split('/', 2) : [branch, code];
  if (!own) refuse('report.branch_required', {});
  return { ...(await requireOrg((await inScope(reg, own)).db, plain!)), branch: own };
}

/**
 * Members merged before headquarters computed their list keys have none: filled once, as a branch fills
 * its own (list-keys.ts), so that search and alphabetical order work on every snapshot.
 */
export async function refreshHqMemberKeys(reg: Register): Promise<number> {
  const stale = await reg.db('hq_members').whereNull('search_text').first('id');
  if (!stale) return 0;
  return reg.db.transaction(async (trx) => {
    const rows: Array<KeyedPerson & { id: string; branch_code: string }> = await trx('hq_members')
      .whereNull('search_text')
      .select('id', 'branch_code', 'surname', 'given_name', 'patronymic', 'iin', 'card_no');
    for (const r of rows)
      await trx('hq_members').where({ id: r.id, branch_code: r.branch_code }).update(memberKeyColumns(r));
    return rows.length;
  });
}
