import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeRegister, initRegister } from '../../electron/core/db/init.ts';
import { makeIin } from '../../electron/core/ids/iin.ts';
import type { Register } from '../../electron/core/register.ts';
import { call } from '../../electron/core/service.ts';
import { DECISION } from './helpers.ts';

/**
 * Reports over the periods the union counts in: a year, a quarter, or any range of dates. The 2024 annual
 * report's «МедАдвокат» table counts «с ноября 2021 года»: 121 members helped, 13 criminal, 14
 * administrative and 51 civil cases, 24 490 000 ₸ allocated; built here as rows, it comes back exactly.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const clock = () => new Date('2025-03-15T09:00:00Z');
let dir: string;
let branch: Register;
let hq: Register;

const KINDS = [
  ...Array<string>(13).fill('criminal'),
  ...Array<string>(14).fill('administrative'),
  ...Array<string>(51).fill('civil'),
  ...Array<string>(43).fill('labour'),
];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aqniet-periods-'));
  fs.mkdirSync(path.join(dir, 'krg'));
  branch = await initRegister(path.join(dir, 'krg', 'b.sqlite'), {
    kind: 'branch',
    code: 'KRG',
    name: 'Ф',
    clock,
  });
  hq = await initRegister(path.join(dir, 'hq.sqlite'), { kind: 'hq', code: 'HQ', name: 'ЦС', clock });
  await call(branch, 'orgs.create', { code: 'P001', name: 'Областная больница', headcount: 400 });
  const iins: string[] = [];
  for (let i = 0; i < KINDS.length; i++) {
    const iin = makeIin(`19${70 + (i % 25)}-0${1 + (i % 9)}-1${i % 9}`, i % 3 ? 'female' : 'male', 100 + i);
    iins.push(iin);
    await call(branch, 'members.admit', {
      orgCode: 'P001',
      surname: `Адвокатова${i}`,
      givenName: 'Айгүл',
      iin,
      category: 'physician',
      applicationDate: '2021-01-10',
      decision: { ...DECISION, date: '2021-01-15' },
    });
  }
  // one case per member from November 2021 to December 2024: 120 × 200 000 ₸ and one of 490 000 ₸
  for (const [i, kind] of KINDS.entries()) {
    const day = new Date(Date.UTC(2021, 10, 1) + i * 9 * 86_400_000).toISOString().slice(0, 10);
    await call(branch, 'appeals.add', {
      receivedOn: day,
      channel: 'written',
      applicant: `Адвокатова${i} А.`,
      memberIin: iins[i],
      category: 'legal',
      legalKind: kind as 'criminal',
      legalSum: i === 0 ? '490 000' : '200 000',
    });
  }
  // just outside the range on either side
  for (const [receivedOn, legalKind] of [
    ['2021-10-31', 'criminal'],
    ['2025-01-05', 'civil'],
  ] as const) {
    await call(branch, 'appeals.add', {
      receivedOn,
      channel: 'phone',
      applicant: 'Вне периода',
      memberIin: iins[0],
      category: 'legal',
      legalKind,
      legalSum: '1 000 000',
    });
  }
  await call(branch, 'dues.record', {
    orgCode: 'P001',
    month: '2024-11',
    received: '3 000',
    payroll: '300 000',
  });
  await call(branch, 'dues.record', {
    orgCode: 'P001',
    month: '2025-01',
    received: '5 000',
    payroll: '500 000',
  });
});

afterAll(async () => {
  await closeRegister(branch);
  await closeRegister(hq);
  fs.rmSync(dir, { recursive: true, force: true });
});

const MEDADVOCATE = { from: '2021-11-01', to: '2024-12-31' };

function expectMedAdvocate(r: Awaited<ReturnType<typeof call<'reports.legal'>>>) {
  expect(r.total.membersHelped).toBe(121);
  const cases = Object.fromEntries(r.rows.map((x) => [x.kind, x.cases]));
  expect(cases).toEqual({ criminal: 13, administrative: 14, civil: 51, labour: 43 });
  expect(r.total.allocatedTiyn).toBe(24_490_000 * 100);
  expect(r.period).toMatchObject({ from: '2021-11-01', to: '2024-12-31', year: null });
}

describe('report periods', () => {
  it('gives the MedAdvocate table «с ноября 2021 года» back exactly from rows', async () => {
    expectMedAdvocate(await call(branch, 'reports.legal', MEDADVOCATE));
    // the same rows by year: 2021 holds November and December only
    const y2021 = await call(branch, 'reports.legal', { year: 2021 });
    expect(y2021.total.cases).toBe(8); // Nov 1 … Dec 28, every ninth day, and 31.10 outside the range
  });

  it('takes a range in dd.mm.yyyy on the command line, and as JSON', () => {
    const out = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(ROOT, 'electron/cli/main.ts'),
        'report',
        'legal',
        '--db',
        branch.file,
        '--from',
        '01.11.2021',
        '--to',
        '31.12.2024',
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('Период: 01.11.2021–31.12.2024');
    expect(out.stdout).toContain('Оказана правовая помощь членам профсоюза: 121');
    expect(out.stdout).toMatch(/ИТОГО\s+121\s+0\s+24 490 000,00/);
  });

  it('gives the same union-wide at headquarters after the merge', async () => {
    await call(hq, 'hqKey.init', {});
    await call(hq, 'hqKey.exportRecipient', { out: path.join(dir, 'hq.recipient') });
    await call(branch, 'keys.init', {});
    await call(branch, 'hqKey.setRecipient', { recipient: path.join(dir, 'hq.recipient') });
    await call(branch, 'keys.exportPublic', { out: path.join(dir, 'KRG.pub') });
    await call(hq, 'exchange.trust', {
      branch: 'KRG',
      key: path.join(dir, 'KRG.pub'),
      validFrom: '2021-01-01',
    });
    const pkg = await call(branch, 'exchange.export', { quarter: '2025Q1', out: dir });
    expect((await call(hq, 'exchange.merge', { files: [pkg.file] })).results[0]!.status).toBe('accepted');
    expectMedAdvocate(await call(hq, 'reports.legal', MEDADVOCATE));
    expectMedAdvocate(await call(hq, 'reports.legal', { ...MEDADVOCATE, branch: 'KRG' }));
  });

  it('counts dues and appeals over a range of dates, and membership movement over it', async () => {
    const dues = await call(branch, 'reports.dues', { from: '2024-11-01', to: '2025-01-31' });
    expect(dues.months.map((m) => m.month)).toEqual(['2024-11', '2024-12', '2025-01']);
    expect(dues.total.receivedTiyn).toBe(800_000);
    expect((await call(branch, 'reports.dues', { year: 2024, quarter: 4 })).total.receivedTiyn).toBe(300_000);
    const byMonth = await call(branch, 'reports.appealsByMonth', { from: '2024-12-01', to: '2025-01-31' });
    expect(byMonth.rows.map((r) => [r.month, r.total])).toEqual([
      ['2024-12', 0], // the last case of the range was in October
      ['2025-01', 1],
    ]);
    const appeals = await call(branch, 'reports.appeals', { from: '2021-10-31', to: '2021-10-31' });
    expect(appeals.total.total).toBe(1);
    const membership = await call(branch, 'reports.membership', { from: '2021-01-01', to: '2021-03-31' });
    expect(membership.date).toBe('2021-03-31');
    expect(membership.movement.map((m) => [m.month, m.admitted])).toEqual([
      ['2021-01', 121],
      ['2021-02', 0],
      ['2021-03', 0],
    ]);
  });

  it.each([
    [{ from: '2024-01-01' }, 'period.incomplete'],
    [{ from: '2024-12-31', to: '2024-01-01' }, 'period.reversed'],
    [{ year: 2024, from: '2024-01-01', to: '2024-02-01' }, 'period.both'],
    [{}, 'period.missing'],
    [{ from: '31.02.2024', to: '2024-03-01' }, 'date.invalid'],
  ])('refuses the period %j with %s', async (period, code) => {
    await expect(call(branch, 'reports.appeals', period)).rejects.toMatchObject({ code });
  });
});
