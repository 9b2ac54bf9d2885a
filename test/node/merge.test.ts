import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeRegister, initRegister } from '../../electron/core/db/init.ts';
import { mergeHooks } from '../../electron/core/exchange/merge.ts';
import { closeLog, openLog } from '../../electron/core/log.ts';
import { makeIin } from '../../electron/core/ids/iin.ts';
import type { Register } from '../../electron/core/register.ts';
import { call } from '../../electron/core/service.ts';
import { DECISION } from './helpers.ts';

const clock = () => new Date('2025-01-15T09:00:00Z');
let dir: string;
let hq: Register;
let krg: Register;
let ala: Register;
let branchKeyOnly: Register;

async function branch(code: string, name: string) {
  fs.mkdirSync(path.join(dir, code));
  const reg = await initRegister(path.join(dir, code, 'branch.sqlite'), {
    kind: 'branch',
    code,
    name,
    clock,
  });
  await call(reg, 'keys.init', {});
  await call(reg, 'hqKey.setRecipient', { recipient: path.join(dir, 'hq.recipient') });
  await call(reg, 'keys.exportPublic', { out: path.join(dir, `${code}.pub`) });
  await call(hq, 'exchange.trust', {
    branch: code,
    key: path.join(dir, `${code}.pub`),
    validFrom: '2024-01-01',
  });
  await call(reg, 'orgs.create', { code: 'P001', name: `ППО ${code}`, headcount: 10 });
  return reg;
}

const admit = (reg: Register, iin: string, surname: string) =>
  call(reg, 'members.admit', {
    orgCode: 'P001',
    surname,
    givenName: 'Анна',
    iin,
    category: 'nursing',
    applicationDate: '2024-02-01',
    decision: DECISION,
  });

const exportQ4 = async (reg: Register) =>
  (await call(reg, 'exchange.export', { quarter: '2024Q4', out: dir })).file;
const merge = (...files: string[]) => call(hq, 'exchange.merge', { files });
const hqCount = async (table: string, branchCode?: string) =>
  Number(
    (
      await hq
        .db(`hq_${table}`)
        .where(branchCode ? { branch_code: branchCode } : {})
        .count<{ n: number }[]>({ n: '*' })
    )[0]!.n,
  );

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aqniet-merge-'));
  hq = await initRegister(path.join(dir, 'hq.sqlite'), {
    kind: 'hq',
    code: 'HQ',
    name: 'Центральный совет',
    clock,
  });
  await call(hq, 'hqKey.init', {});
  await call(hq, 'hqKey.exportRecipient', { out: path.join(dir, 'hq.recipient') });
  krg = await branch('KRG', 'Карагандинский филиал');
  ala = await branch('ALA', 'Алматинский филиал');
  fs.mkdirSync(path.join(dir, 'AST'));
  branchKeyOnly = await initRegister(path.join(dir, 'AST', 'branch.sqlite'), {
    kind: 'branch',
    code: 'AST',
    name: 'Астанинский филиал',
    clock,
  });
  await call(branchKeyOnly, 'keys.init', {});
  await admit(krg, '850525446560', 'Иванова');
  await admit(krg, '900125389604', 'Смирнов');
  await admit(ala, '680505404480', 'Ким');
  await call(krg, 'appeals.add', {
    receivedOn: '2024-11-05',
    channel: 'phone',
    applicant: 'Иванова А.',
    category: 'wages',
  });
  await call(ala, 'appeals.add', {
    receivedOn: '2024-10-01',
    channel: 'written',
    applicant: 'Ким А.',
    category: 'aid',
  });
  await call(krg, 'dues.record', {
    orgCode: 'P001',
    month: '2024-10',
    received: '1 000',
    payroll: '100 000',
    docNo: '1',
  });
  await call(krg, 'dues.record', {
    orgCode: 'P001',
    month: '2024-11',
    received: '1 000',
    payroll: '100 000',
    docNo: '2',
  });
});

afterAll(async () => {
  for (const reg of [hq, krg, ala, branchKeyOnly]) await closeRegister(reg);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('merge at headquarters', () => {
  let krg1: string;

  it("accepts each branch's package and reports union-wide and per branch", async () => {
    krg1 = await exportQ4(krg);
    const ala1 = await exportQ4(ala);
    const out = await merge(krg1, ala1);
    expect(out.results.map((r) => [r.branch, r.status, r.seq])).toEqual([
      ['KRG', 'accepted', 1],
      ['ALA', 'accepted', 1],
    ]);
    expect(out.results[0]!.counts).toMatchObject({ members: 2, appeals: 1, dues_remittances: 2 });
    expect(out.results[0]!.diff!.members).toEqual({ added: 2, changed: 0, removed: 0 });
    const union = await call(hq, 'reports.appeals', { year: 2024 });
    expect(union.total.total).toBe(2);
    expect(
      (await call(hq, 'reports.appeals', { year: 2024, branch: 'ALA' })).rows.find(
        (r) => r.category === 'aid',
      )!.total,
    ).toBe(1);
    const members = await call(hq, 'reports.membership', { date: '2024-12-31' });
    expect(members.total.members).toBe(3);
    expect((await call(hq, 'reports.membership', { date: '2024-12-31', branch: 'KRG' })).total.members).toBe(
      2,
    );
    expect(
      (await call(hq, 'reports.dues', { year: 2024, quarter: 4, branch: 'KRG' })).total.receivedTiyn,
    ).toBe(200000);
    const matrix = await call(hq, 'exchange.submissions', {});
    expect(matrix.branches).toEqual(['ALA', 'KRG']);
    expect(matrix.periods).toEqual(['2024-Q4', '2025-Q1']);
    expect(matrix.cells.map((c) => `${c.branch} ${c.period} ${c.state} ${c.seq}`)).toEqual([
      'ALA 2024-Q4 received 1',
      'ALA 2025-Q1 open null',
      'KRG 2024-Q4 received 1',
      'KRG 2025-Q1 open null',
    ]);
  });

  it('answers reports asked at the same time for different branches, each with its own scope', async () => {
    const alone = {
      union: (await call(hq, 'reports.membership', { date: '2024-12-31' })).total.members,
      krg: (await call(hq, 'reports.membership', { date: '2024-12-31', branch: 'KRG' })).total.members,
      ala: (await call(hq, 'reports.membership', { date: '2024-12-31', branch: 'ALA' })).total.members,
    };
    expect(alone).toEqual({ union: 3, krg: 2, ala: 1 });
    const together = await Promise.all(
      Array.from({ length: 12 }, (_, i) => {
        const branch = [undefined, 'KRG', 'ALA'][i % 3];
        return call(hq, 'reports.membership', { date: '2024-12-31', branch }).then((r) => r.total.members);
      }),
    );
    expect(together).toEqual(Array.from({ length: 4 }, () => [3, 2, 1]).flat());
  });

  it('marks a quarter as due until the deadline and late after it, for a branch that sent nothing', async () => {
    await call(branchKeyOnly, 'keys.exportPublic', { out: path.join(dir, 'AST.pub') });
    await call(hq, 'exchange.trust', { branch: 'AST', key: path.join(dir, 'AST.pub') });
    const cell = async (today: string) =>
      (
        await call({ ...hq, clock: () => new Date(`${today}T09:00:00Z`) }, 'exchange.submissions', {})
      ).cells.find((c) => c.branch === 'AST' && c.period === '2024-Q4');
    expect(await cell('2025-01-15')).toMatchObject({ state: 'due', dueOn: '2025-01-15', seq: null });
    expect((await cell('2025-01-16'))!.state).toBe('late');
    expect((await cell('2024-12-20'))!.state).toBe('open');
    // headquarters sets its own deadline
    await call(hq, 'settings.update', { packageDueDays: 30 });
    expect(await cell('2025-01-16')).toMatchObject({ state: 'due', dueOn: '2025-01-30' });
    await call(hq, 'settings.update', { packageDueDays: 15 });
  });

  it('changes nothing when the same package comes again', async () => {
    const before = await hqCount('members');
    const out = await merge(krg1);
    expect(out.results[0]).toMatchObject({ status: 'duplicate', branch: 'KRG', seq: 1 });
    expect(await hqCount('members')).toBe(before);
    expect((await call(hq, 'exchange.importLog', {})).length).toBe(2);
  });

  it('lets a corrected package supersede the earlier one, removing rows, and refuses the older one after it', async () => {
    await call(krg, 'quarters.reopen', { quarter: '2024Q4', reason: 'двойной учёт платёжки' });
    const second = (await call(krg, 'dues.list', { year: 2024 })).find((r) => r.docNo === '2')!;
    await call(krg, 'dues.delete', { id: second.id });
    const krg2 = await exportQ4(krg);
    const out = await merge(krg2);
    expect(out.results[0]).toMatchObject({ status: 'accepted', seq: 2 });
    expect(out.results[0]!.diff!.dues_remittances).toEqual({ added: 0, changed: 0, removed: 1 });
    expect(await hqCount('dues_remittances', 'KRG')).toBe(1);
    const stale = await merge(krg1);
    expect(stale.results[0]).toMatchObject({
      status: 'rejected',
      code: 'package.stale',
      reasonRu: expect.stringContaining('старее последнего принятого (№ 2)'),
    });
  });

  it('refuses a different package with a sequence number already accepted', async () => {
    await krg.db('settings').where({ key: 'exchange.seq' }).update({ value: '1' });
    const clash = await exportQ4(krg); // seq 2 again, other content
    const out = await merge(clash);
    expect(out.results[0]).toMatchObject({ status: 'rejected', code: 'package.conflict' });
  });

  it('leaves everything as it was when the merge is cut off midway, and the same package then goes in', async () => {
    await admit(ala, '680525418408', 'Ахметова');
    const ala2 = await exportQ4(ala);
    const before = {
      members: await hqCount('members', 'ALA'),
      log: (await call(hq, 'exchange.importLog', {})).length,
    };
    mergeHooks.afterDelete = () => {
      throw new Error('power cut');
    };
    const logFile = await openLog({
      dir: fs.mkdtempSync(path.join(os.tmpdir(), 'aqniet-merge-log-')),
      process: 'core',
    });
    try {
      // one result for the file, the failure itself to the log, under the id the result names
      const [result] = (await merge(ala2)).results;
      expect(result).toMatchObject({ status: 'rejected', code: 'package.internal' });
      const logId = String(result!.params!.logId);
      expect(logId).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
      expect(result!.reasonRu).toContain(`под номером ${logId}`);
      expect(JSON.stringify(result)).not.toContain('power cut');
      closeLog();
      const entry = fs
        .readFileSync(logFile, 'utf8')
        .split('\n')
        .find((l) => l.includes(logId));
      expect(entry).toContain('power cut');
      expect(entry).toContain('"op":"exchange.merge"');
    } finally {
      closeLog();
      mergeHooks.afterDelete = undefined;
    }
    expect(await hqCount('members', 'ALA')).toBe(before.members);
    expect((await call(hq, 'exchange.importLog', {})).length).toBe(before.log);
    expect((await merge(ala2)).results[0]).toMatchObject({ status: 'accepted', seq: 2 });
    expect(await hqCount('members', 'ALA')).toBe(before.members + 1);
  });

  it('lists a person active in two branches at once, without merging them', async () => {
    await admit(ala, '850525446560', 'Иванова');
    const out = await merge(await exportQ4(ala));
    expect(out.results[0]!.status).toBe('accepted');
    expect(out.duplicates).toEqual([
      { iin: '850525446560', branches: ['ALA', 'KRG'], names: expect.stringContaining('Иванова') },
    ]);
    expect(await hqCount('members', 'KRG')).toBe(2);
  });

  it('shows what a package would change before merging it, and writes nothing', async () => {
    await admit(ala, makeIin('1979-03-03', 'male', 41), 'Омаров');
    const next = await exportQ4(ala);
    const bytes = fs.readFileSync(next);
    const log = (await call(hq, 'exchange.importLog', {})).length;
    const members = await hqCount('members', 'ALA');
    const seq = (await call(ala, 'exchange.exports', {}))[0]!.seq;
    const inspected = await call(hq, 'exchange.inspectUpload', {
      packages: [{ name: 'ALA.aqpkg', content: bytes.toString('base64') }],
    });
    expect(inspected.results[0]).toMatchObject({ status: 'ready', branch: 'ALA', seq });
    expect(inspected.results[0]!.diff!.members).toEqual({ added: 1, changed: 0, removed: 0 });
    expect(await hqCount('members', 'ALA')).toBe(members);
    expect((await call(hq, 'exchange.importLog', {})).length).toBe(log);
    const merged = await call(hq, 'exchange.mergeUpload', {
      packages: [{ name: 'ALA.aqpkg', content: bytes.toString('base64') }],
    });
    expect(merged.results[0]).toMatchObject({ status: 'accepted', seq });
    const entry = (await call(hq, 'exchange.importLog', {}))[0]!;
    expect(entry).toMatchObject({ branch: 'ALA', seq, file: 'ALA.aqpkg' });
    expect(entry.diff.members).toEqual({ added: 1, changed: 0, removed: 0 });
  });

  it('pairs a transfer between branches whose destination arrives first, and shows it in progress until then', async () => {
    const iin = makeIin('1988-07-14', 'female', 77);
    await admit(krg, iin, 'Сейтқалиева');
    expect((await merge(await exportQ4(krg))).results[0]!.status).toBe('accepted');
    // ALA admits her on transfer from KRG and sends its package before KRG records the transfer out
    await call(ala, 'members.admit', {
      orgCode: 'P001',
      surname: 'Сейтқалиева',
      givenName: 'Анна',
      iin,
      category: 'nursing',
      applicationDate: '2024-12-02',
      decision: { body: 'профком', number: '12', date: '2024-12-05' },
      fromBranch: 'KRG',
    });
    const first = await merge(await exportQ4(ala));
    expect(first.results[0]!.status).toBe('accepted');
    expect(first.transfers).toContainEqual(
      expect.objectContaining({
        iin,
        fromBranch: 'KRG',
        toBranch: 'ALA',
        status: 'awaiting_source',
        arrivedOn: '2024-12-05',
      }),
    );
    // active in both snapshots, but a transfer in progress is not a duplicate
    expect(first.duplicates.map((d) => d.iin)).not.toContain(iin);

    const out = await call(krg, 'members.transfer', { iin, toBranch: 'ALA', transferredOn: '2024-12-04' });
    expect(out.status).toBe('exited');
    const second = await merge(await exportQ4(krg));
    expect(second.results[0]!.status).toBe('accepted');
    expect((await call(hq, 'exchange.transfers', {})).filter((x) => x.iin === iin)).toEqual([
      {
        iin,
        name: 'Сейтқалиева Анна',
        fromBranch: 'KRG',
        toBranch: 'ALA',
        leftOn: '2024-12-04',
        arrivedOn: '2024-12-05',
        status: 'completed',
      },
    ]);
    expect(await hq.db('hq_members').where({ iin, status: 'active' }).pluck('branch_code')).toEqual(['ALA']);
    // membership counts her once: in KRG up to the transfer, in ALA after it
    const at = async (date: string, branchCode: string) =>
      (await call(hq, 'reports.membership', { date, branch: branchCode })).total.members;
    expect(await at('2024-12-31', 'KRG')).toBe(
      (await call(krg, 'reports.membership', { date: '2024-12-31' })).total.members,
    );
    expect((await call(krg, 'members.get', { iin })).history.at(-1)).toMatchObject({
      kind: 'transferred_to_branch',
      counterpartBranch: 'ALA',
    });
    // her card at headquarters: every branch she was in, in the order she joined them, and ALA's as hers now
    const card = await call(hq, 'members.get', { iin });
    expect(card).toMatchObject({ status: 'active', orgCode: 'P001' });
    expect(card.branches!.map((b) => [b.branch, b.status, b.history.at(-1)!.kind])).toEqual([
      ['KRG', 'exited', 'transferred_to_branch'],
      ['ALA', 'active', 'transferred_from_branch'],
    ]);
  });

  it('refuses a transfer to the branch itself and a transfer naming both a PPO and a branch', async () => {
    await expect(
      call(krg, 'members.transfer', { iin: '900125389604', toBranch: 'KRG', transferredOn: '2024-12-04' }),
    ).rejects.toMatchObject({ code: 'member.same_branch' });
    await expect(
      call(krg, 'members.transfer', {
        iin: '900125389604',
        toBranch: 'ALA',
        toOrgCode: 'P001',
        transferredOn: '2024-12-04',
      }),
    ).rejects.toMatchObject({ code: 'member.transfer_target' });
    expect((await call(krg, 'members.get', { iin: '900125389604' })).status).toBe('active');
  });

  it('refuses to merge into a branch register', async () => {
    await expect(call(krg, 'exchange.merge', { files: [krg1] })).resolves.toMatchObject({
      results: [{ status: 'rejected', code: 'keys.not_hq' }],
    });
  });
});
