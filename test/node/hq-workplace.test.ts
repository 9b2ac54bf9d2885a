import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeRegister, initRegister } from '../../electron/core/db/init.ts';
import type { Register } from '../../electron/core/register.ts';
import { call } from '../../electron/core/service.ts';
import { DECISION } from './helpers.ts';

/**
 * Headquarters reads the union as each branch reads itself: the same lists, filters and cards, per branch
 * or union-wide, with the scope in each query (no state on the connection), read-only.
 */
const clock = () => new Date('2025-01-15T09:00:00Z');
let dir: string;
let hq: Register;
const branches: Record<string, Register> = {};

async function branch(code: string, members: Array<[string, string]>) {
  fs.mkdirSync(path.join(dir, code));
  const reg = await initRegister(path.join(dir, code, 'b.sqlite'), {
    kind: 'branch',
    code,
    name: `Филиал ${code}`,
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
  // both branches have a P001: union-wide its code is qualified by the branch
  await call(reg, 'orgs.create', { code: 'P001', name: `Больница ${code}`, headcount: 10 });
  await call(reg, 'orgs.create', {
    code: 'P002',
    name: `Колледж ${code}`,
    headcount: 20,
    sector: 'education_medical',
  });
  for (const [iin, surname] of members) {
    await call(reg, 'members.admit', {
      orgCode: 'P001',
      surname,
      givenName: 'Әсел',
      iin,
      category: 'nursing',
      applicationDate: '2024-02-01',
      decision: DECISION,
    });
  }
  await call(reg, 'dues.record', {
    orgCode: 'P001',
    month: '2024-11',
    received: '1 000',
    payroll: '100 000',
  });
  branches[code] = reg;
  return reg;
}

const exportQ4 = async (code: string) =>
  (await call(branches[code]!, 'exchange.export', { quarter: '2024Q4', out: dir })).file;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aqniet-hq-'));
  hq = await initRegister(path.join(dir, 'hq.sqlite'), { kind: 'hq', code: 'HQ', name: 'ЦС', clock });
  await call(hq, 'hqKey.init', {});
  await call(hq, 'hqKey.exportRecipient', { out: path.join(dir, 'hq.recipient') });
  await branch('KRG', [
    ['850525446560', 'Иванова'],
    ['900125389604', 'Смирнов'],
  ]);
  await branch('ALA', [
    ['680505404480', 'Ким'],
    ['850525446560', 'Иванова'], // the same person, active in two branches
  ]);
  const out = await call(hq, 'exchange.merge', { files: [await exportQ4('KRG'), await exportQ4('ALA')] });
  expect(out.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
});

afterAll(async () => {
  for (const reg of [hq, ...Object.values(branches)]) await closeRegister(reg);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("headquarters' workplace", () => {
  it('lists members union-wide and per branch, with the same search and filters', async () => {
    const union = await call(hq, 'members.list', {});
    expect(union.total).toBe(4);
    expect(union.rows.map((m) => `${m.branch} ${m.orgCode} ${m.surname}`).sort()).toEqual([
      'ALA ALA/P001 Иванова',
      'ALA ALA/P001 Ким',
      'KRG KRG/P001 Иванова',
      'KRG KRG/P001 Смирнов',
    ]);
    // in the alphabet of the UI language, as at a branch
    expect(union.rows.map((m) => m.surname)).toEqual(['Иванова', 'Иванова', 'Ким', 'Смирнов']);
    expect((await call(hq, 'members.list', { branch: 'ALA' })).rows.map((m) => m.surname).sort()).toEqual([
      'Иванова',
      'Ким',
    ]);
    // the branch's own search (name, IIN, card) over the snapshots
    expect((await call(hq, 'members.list', { search: 'әсел' })).total).toBe(4);
    expect((await call(hq, 'members.list', { search: 'смирнов' })).rows.map((m) => m.iin)).toEqual([
      '900125389604',
    ]);
    expect((await call(hq, 'members.list', { search: '6805054' })).rows[0]!.branch).toBe('ALA');
    expect((await call(hq, 'members.list', { branch: 'KRG', orgCode: 'P002' })).total).toBe(0);
    expect((await call(hq, 'members.list', { orgCode: 'ALA/P001' })).total).toBe(2);
  });

  it('lists PPOs and remittances union-wide and per branch', async () => {
    const orgs = await call(hq, 'orgs.list', {});
    expect(orgs.map((o) => `${o.branch} ${o.code} ${o.activeMembers}`)).toEqual([
      'ALA ALA/P001 2',
      'ALA ALA/P002 0',
      'KRG KRG/P001 2',
      'KRG KRG/P002 0',
    ]);
    expect(
      (await call(hq, 'orgs.list', { branch: 'KRG', sector: 'education_medical' })).map((o) => o.code),
    ).toEqual(['P002']);
    expect((await call(hq, 'orgs.get', { code: 'ALA/P002' })).name).toBe('Колледж ALA');
    expect((await call(hq, 'orgs.get', { code: 'P001', branch: 'KRG' })).name).toBe('Больница KRG');
    const dues = await call(hq, 'dues.list', { year: 2024 });
    expect(dues.map((d) => `${d.branch} ${d.orgCode} ${d.receivedTiyn}`)).toEqual([
      'ALA ALA/P001 100000',
      'KRG KRG/P001 100000',
    ]);
    expect((await call(hq, 'dues.list', { year: 2024, branch: 'ALA' })).length).toBe(1);
  });

  it("shows a person's card with every branch they are in", async () => {
    const card = await call(hq, 'members.get', { iin: '850525446560' });
    expect(card.branches!.map((b) => `${b.branch} ${b.status} ${b.orgCode}`).sort()).toEqual([
      'ALA active P001',
      'KRG active P001',
    ]);
    expect(card.branches![0]!.history[0]).toMatchObject({ kind: 'admitted', orgCode: 'P001' });
    expect((await call(hq, 'members.get', { iin: '850525446560', branch: 'ALA' })).branches).toHaveLength(1);
    await expect(call(hq, 'members.get', { iin: '020202500009' })).rejects.toMatchObject({
      code: 'member.not_found',
      params: { iin: '020202500009' },
      messageRu: 'Нет члена профсоюза с ИИН 020202500009',
    });
  });

  it("makes the union's annual report: per branch, appeals, MedAdvocate, dues; and the same as one XLSX", async () => {
    const r = await call(hq, 'reports.annual', { year: 2024 });
    expect(r.membership.rows).toEqual([
      { branch: 'ALA', orgs: 2, members: 2, headcount: 30, density: 0.0667 },
      { branch: 'KRG', orgs: 2, members: 2, headcount: 30, density: 0.0667 },
    ]);
    expect(r.membership.total).toEqual({ orgs: 4, members: 4, headcount: 60, density: 0.0667 });
    expect(r.dues.rows.map((d) => [d.branch, d.receivedTiyn, d.completeness])).toEqual([
      ['ALA', 100000, 1],
      ['KRG', 100000, 1],
    ]);
    expect(r.dues.total).toMatchObject({ receivedTiyn: 200000, expectedTiyn: 200000, completeness: 1 });
    expect(r.legalFrom).toBe('2021-11-01');
    expect(r.legal.period).toMatchObject({ from: '2021-11-01', to: '2024-12-31' });
    expect(r.appeals.period).toMatchObject({ year: 2024, from: '2024-01-01', to: '2024-12-31' });
    const file = await call(hq, 'xlsx.export', { kind: 'annual-report', year: 2024 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.content, 'base64') as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Численность по филиалам 2024',
      'Сведения об обращениях 2024',
      'МедАдвокат',
      'Полнота сбора 2024',
    ]);
    const members = book.worksheets[0]!;
    expect(members.getRow(members.rowCount).values).toEqual([undefined, 'ИТОГО', 4, 4, 60, 0.0667]);
    const dues = book.worksheets[3]!;
    expect(dues.getRow(2).values).toEqual([undefined, 'ALA', 1000, 1000, 1, expect.any(Number)]);
  });

  it('is read-only, and refuses a branch it does not know', async () => {
    await expect(call(hq, 'orgs.create', { code: 'P009', name: 'X' })).rejects.toMatchObject({
      code: 'register.hq_read_only',
    });
    await expect(call(hq, 'members.list', { branch: 'ZZZ' })).rejects.toMatchObject({
      code: 'report.unknown_branch',
    });
    expect(Number((await hq.db('orgs').count({ n: '*' }))[0]!.n)).toBe(0);
  });

  it('answers 20 concurrent mixed reads and a merge, each with its own scope', async () => {
    // what each read must say, asked alone first
    type Read = { label: string; run: () => Promise<unknown> };
    const reads: Read[] = [];
    for (const b of [undefined, 'KRG', 'ALA'] as const) {
      reads.push(
        { label: `members ${b}`, run: async () => (await call(hq, 'members.list', { branch: b })).total },
        {
          label: `orgs ${b}`,
          run: async () => (await call(hq, 'orgs.list', { branch: b })).map((o) => o.code),
        },
        { label: `dues ${b}`, run: async () => (await call(hq, 'dues.list', { branch: b })).length },
        {
          label: `membership ${b}`,
          run: async () => (await call(hq, 'reports.membership', { date: '2024-12-31', branch: b })).total,
        },
        {
          label: `dues report ${b}`,
          run: async () => (await call(hq, 'reports.dues', { year: 2024, branch: b })).total.receivedTiyn,
        },
        { label: `appeals ${b}`, run: async () => (await call(hq, 'appeals.list', { branch: b })).length },
      );
    }
    reads.push(
      { label: 'card', run: async () => (await call(hq, 'members.get', { iin: '680505404480' })).branch },
      { label: 'duplicates', run: async () => (await call(hq, 'exchange.duplicates', {})).map((d) => d.iin) },
    );
    expect(reads).toHaveLength(20);
    const expected: unknown[] = [];
    for (const r of reads) expected.push(await r.run());
    // a corrected KRG package (one more PPO) comes in while they run: reads see it whole or not at all
    await call(branches.KRG!, 'quarters.reopen', { quarter: '2024Q4', reason: 'новая ППО' });
    await call(branches.KRG!, 'orgs.create', { code: 'P003', name: 'Поликлиника', headcount: 5 });
    const next = await exportQ4('KRG');
    const [merged, ...answers] = await Promise.all([
      call(hq, 'exchange.merge', { files: [next] }),
      ...reads.map((r) => r.run()),
    ]);
    expect(merged.results[0]!.status).toBe('accepted');
    answers.forEach((answer, i) => {
      const label = reads[i]!.label;
      if (label.startsWith('orgs') && label !== 'orgs ALA') {
        const before = expected[i] as string[];
        const after = [...before, label === 'orgs KRG' ? 'P003' : 'KRG/P003'].sort();
        expect([before, after], label).toContainEqual([...(answer as string[])].sort());
      } else expect(answer, label).toEqual(expected[i]);
    });
    expect((await call(hq, 'orgs.list', { branch: 'KRG' })).map((o) => o.code)).toEqual([
      'P001',
      'P002',
      'P003',
    ]);
  });
});
