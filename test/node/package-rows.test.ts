import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SNAPSHOT_TABLES } from '../../migrations/006_hq_snapshots.ts';
import { ROW_RULES } from '../../electron/core/exchange/row-rules.ts';
import type { Row } from '../../electron/core/exchange/rows.ts';
import { validateSnapshot, type Snapshot } from '../../electron/core/exchange/validate.ts';
import type { RegisterError } from '../../electron/core/errors.ts';
import { forgeWorld, rowsOf, type Forge } from './package-forge.ts';

/**
 * A package's rows checked with the branch's own rules, one case at a time on a real branch's snapshot
 * (in process: the hostile-package suite runs the same checks end to end).
 */
let forge: Forge;
let base: Snapshot;
const TODAY = '2025-01-15';

beforeAll(async () => {
  forge = await forgeWorld();
  base = Object.fromEntries(SNAPSHOT_TABLES.map((t) => [t, rowsOf(forge, t)])) as unknown as Snapshot;
});
afterAll(() => forge.close());

function problems(change: (s: Snapshot) => void): Array<{ row: number; column: string; code?: string }> {
  const snapshot = structuredClone(base);
  change(snapshot);
  try {
    validateSnapshot(snapshot, 'KRG', TODAY);
    return [];
  } catch (err) {
    const e = err as RegisterError;
    expect(e.code).toBe('package.bad_rows');
    return e.details.map((d) => ({ row: d.row, column: d.column, code: d.code }));
  }
}

const edit = (table: keyof Snapshot, index: number, values: Row) => (s: Snapshot) =>
  Object.assign(s[table][index]!, values);

describe("a package's rows", () => {
  it('pass as the branch wrote them', () => {
    expect(problems(() => {})).toEqual([]);
  });

  it('has a rule for every column headquarters stores', async () => {
    for (const table of SNAPSHOT_TABLES) {
      const columns: Array<{ name: string }> = await forge.hq.db.raw(`PRAGMA table_info(hq_${table})`);
      const stored = columns.map((c) => c.name).filter((c) => c !== 'branch_code');
      expect(
        stored.filter((c) => !(c in ROW_RULES[table])),
        table,
      ).toEqual([]);
    }
  });

  it.each([
    ['a required text missing', edit('orgs', 0, { name: '' }), 'orgs.name', 'row.required'],
    [
      'a date in the future',
      edit('members', 0, { joined_on: '2025-02-01' }),
      'members.joined_on',
      'row.date_future',
    ],
    [
      'a date that is not real',
      edit('orgs', 0, { registered_on: '2024-02-30' }),
      'orgs.registered_on',
      'row.date',
    ],
    [
      'a month in the future',
      edit('dues_remittances', 0, { month: '2025-03' }),
      'dues_remittances.month',
      'row.date_future',
    ],
    ['a count out of range', edit('orgs', 0, { headcount: -1 }), 'orgs.headcount', 'row.out_of_range'],
    [
      'a payroll as text',
      edit('dues_remittances', 0, { payroll_tiyn: '35000000' }),
      'dues_remittances.payroll_tiyn',
      'row.money',
    ],
    [
      'a category not in the list',
      edit('members', 1, { category: 'boss' }),
      'members.category',
      'row.vocabulary',
    ],
    [
      'an appeal status not in the list',
      edit('appeals', 0, { status: 'lost' }),
      'appeals.status',
      'row.vocabulary',
    ],
    [
      'a name of 101 characters',
      edit('members', 0, { surname: 'Ә'.repeat(101) }),
      'members.surname',
      'row.too_long',
    ],
    [
      'a bidirectional override',
      edit('members', 0, { given_name: 'Анна\u202e' }),
      'members.given_name',
      'row.control_chars',
    ],
    [
      'an IIN with a wrong check digit',
      edit('members', 0, { iin: '850525446561' }),
      'members.iin',
      'row.iin',
    ],
    [
      'an IIN that disagrees with the birth date',
      edit('members', 0, { birth_date: '1985-05-26' }),
      'members.iin',
      'row.iin_mismatch',
    ],
    [
      'a PPO code twice',
      (s: Snapshot) => s.orgs.push({ ...s.orgs[0]!, id: 'other' }),
      'orgs.code',
      'row.duplicate',
    ],
    [
      'a member of a PPO not in the package',
      edit('members', 2, { org_id: 'nowhere' }),
      'members.org_id',
      'row.reference',
    ],
    [
      'an event before the one it follows',
      (s: Snapshot) => {
        const first = s.member_events[0]!;
        s.member_events.push({
          ...first,
          id: 'e2',
          seq: 2,
          kind: 'exited',
          event_date: '2024-01-01',
          reason: 'own_will',
        });
        Object.assign(
          s.members.find((m) => m.id === first.member_id)!,
          { status: 'exited', exited_on: '2024-01-01' },
        );
      },
      'member_events.event_date',
      'row.before',
    ],
    [
      'an exit with a reason not in the list',
      (s: Snapshot) => {
        const first = s.member_events[0]!;
        s.member_events.push({
          ...first,
          id: 'e2',
          seq: 2,
          kind: 'exited',
          event_date: '2024-12-01',
          reason: 'bored',
        });
        Object.assign(
          s.members.find((m) => m.id === first.member_id)!,
          { status: 'exited', exited_on: '2024-12-01' },
        );
      },
      'member_events.reason',
      'row.vocabulary',
    ],
    [
      'a status the history does not give',
      edit('members', 0, { status: 'exited' }),
      'members.status',
      'row.history_state',
    ],
    [
      'a member without a history',
      (s: Snapshot) => s.member_events.splice(0, 1),
      'members.id',
      'row.history_start',
    ],
    [
      'an appeal closed before it was received',
      edit('appeals', 0, { status: 'closed', closed_on: '2024-11-01' }),
      'appeals.closed_on',
      'row.before',
    ],
    [
      'shares that do not add up to 100 %',
      edit('dues_rates', 0, { share_ppo_bp: 1 }),
      'dues_rates.share_ppo_bp',
      'row.shares',
    ],
    // the branch's own door (electron/core/validation), which row-rules.ts alone does not know
    [
      "a PPO code that looks like another PPO's (Cyrillic Р beside Latin P)",
      (s: Snapshot) => s.orgs.push({ ...s.orgs[0]!, id: 'o2', code: 'Р001' }),
      'orgs.code',
      'org.confusable_code',
    ],
    ['a PPO code typed in two scripts', edit('orgs', 0, { code: 'PР01' }), 'orgs.code', 'text.mixed_script'],
    [
      'a PPO name of 301 characters',
      edit('orgs', 0, { name: 'Б'.repeat(301) }),
      'orgs.name',
      'text.too_long',
    ],
    [
      'a PPO closed before it was registered',
      edit('orgs', 0, {
        registered_on: '2024-05-01',
        status: 'closed',
        closed_on: '2024-04-01',
        close_reason: 'liquidated',
      }),
      'orgs.closed_on',
      'org.closed_before_registered',
    ],
    [
      'a member admitted at 13',
      (s: Snapshot) => {
        const m = s.members.find((x) => x.iin === '850525446560')!; // born 25.05.1985
        const e = s.member_events.find((x) => x.member_id === m.id)!;
        Object.assign(e, {
          event_date: '1998-06-01',
          application_date: '1998-05-20',
          decision_date: '1998-06-01',
        });
        m.joined_on = '1998-06-01';
      },
      'member_events.event_date',
      'member.too_young',
    ],
    [
      'a name with a lone surrogate (\\ud800 in the JSON)',
      edit('members', 0, { surname: 'Ива\ud800нова' }),
      'members.surname',
      'text.control_char',
    ],
    [
      'a name with a broken encoding’s U+FFFD',
      edit('members', 1, { given_name: 'Ан\ufffdа' }),
      'members.given_name',
      'text.broken_char',
    ],
  ] as const)('are refused with %s, naming table, row and column', (_name, change, column, code) => {
    expect(problems(change)).toContainEqual(expect.objectContaining({ column, code }));
  });

  it('report one problem per cell, the first rule that finds it', () => {
    const found = problems(edit('orgs', 0, { name: null }));
    expect(found.filter((p) => p.column === 'orgs.name')).toEqual([
      { row: 1, column: 'orgs.name', code: 'row.required' },
    ]);
  });

  it('take an annulled member and an annulment as the branch stores them', () => {
    const found = problems((s) => {
      const m = s.members[0]!;
      const e = s.member_events.find((x) => x.member_id === m.id)!;
      s.member_events.push({
        ...e,
        id: 'a1',
        seq: 2,
        kind: 'annulled',
        annuls_event_id: e.id!,
        reason: 'ошибка',
      });
      Object.assign(m, { status: 'annulled' });
    });
    expect(found).toEqual([]);
  });

  it('names the row by its line in the file', () => {
    const found = problems(edit('members', 2, { sex: 'x' }));
    expect(found).toContainEqual({ row: 3, column: 'members.sex', code: 'row.vocabulary' });
  });
});
