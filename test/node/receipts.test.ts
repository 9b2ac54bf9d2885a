import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeRegister, initRegister } from '../../electron/core/db/init.ts';
import { signDocument } from '../../electron/core/exchange/signed-docs.ts';
import type { Register } from '../../electron/core/register.ts';
import { call } from '../../electron/core/service.ts';
import { DECISION } from './helpers.ts';

/**
 * What headquarters sends back, signed with its own key: a receipt for an accepted package (the branch's
 * export history then says when headquarters accepted it) and its dues rate as a directive that branches
 * apply from its date. Round trips in the core and on the command line; forgeries refused.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const clock = () => new Date('2025-01-15T09:00:00Z');
let dir: string;
let hq: Register;
const b: Record<string, Register> = {};

const b64 = (content: string) => ({ content });
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'electron/cli/main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aqniet-receipts-'));
  hq = await initRegister(path.join(dir, 'hq.sqlite'), { kind: 'hq', code: 'HQ', name: 'ЦС', clock });
  await call(hq, 'hqKey.init', {});
  await call(hq, 'hqKey.exportRecipient', { out: path.join(dir, 'hq.recipient') });
  await call(hq, 'keys.init', {}); // headquarters' own signing key, for receipts and directives
  await call(hq, 'keys.exportPublic', { out: path.join(dir, 'HQ.pub') });
  for (const code of ['KRG', 'ALA']) {
    fs.mkdirSync(path.join(dir, code));
    const reg = await initRegister(path.join(dir, code, 'b.sqlite'), {
      kind: 'branch',
      code,
      name: code,
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
    await call(reg, 'orgs.create', { code: 'P001', name: 'Больница', headcount: 10 });
    for (const iin of code === 'KRG' ? ['850525446560', '900125389604'] : ['850525446560']) {
      await call(reg, 'members.admit', {
        orgCode: 'P001',
        surname: 'Иванова',
        givenName: 'Анна',
        iin,
        category: 'nursing',
        applicationDate: '2024-02-01',
        decision: DECISION,
      });
    }
    b[code] = reg;
  }
  const files = [];
  for (const code of ['KRG', 'ALA'])
    files.push((await call(b[code]!, 'exchange.export', { quarter: '2024Q4', out: dir })).file);
  expect((await call(hq, 'exchange.merge', { files })).results.map((r) => r.status)).toEqual([
    'accepted',
    'accepted',
  ]);
});

afterAll(async () => {
  for (const reg of [hq, ...Object.values(b)]) await closeRegister(reg);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('receipts from headquarters', () => {
  it('refuses a receipt while the branch has not registered the key of headquarters', async () => {
    const receipt = await call(hq, 'exchange.receipt', { branch: 'KRG' });
    await expect(call(b.KRG!, 'exchange.importReceipt', b64(receipt.content))).rejects.toMatchObject({
      code: 'signed.no_hq_key',
    });
    const key = await call(b.KRG!, 'hqKey.setSigning', { key: path.join(dir, 'HQ.pub') });
    await call(b.ALA!, 'hqKey.setSigning', { key: fs.readFileSync(path.join(dir, 'HQ.pub'), 'utf8') });
    expect(key.fingerprint).toBe((await call(hq, 'keys.info', {})).signing!.fingerprint);
    expect((await call(b.KRG!, 'keys.info', {})).hqSigning).toEqual(key);
  });

  it("names the branch, seq, period, hashes, acceptance and the branch's people active elsewhere; the branch records it", async () => {
    const receipt = await call(hq, 'exchange.receipt', { branch: 'KRG' });
    const accepted = (await call(hq, 'exchange.importLog', {})).find((l) => l.branch === 'KRG')!;
    expect(receipt.fileName).toBe('KRG-2024Q4-1.receipt');
    expect(receipt.receipt).toMatchObject({
      branch: 'KRG',
      seq: 1,
      period: '2024-Q4',
      packageSha256: accepted.sha256,
      manifestSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      acceptedAt: accepted.importedAt,
      alsoActiveElsewhere: [{ iin: '850525446560', branches: ['ALA'] }],
    });
    expect((await call(b.KRG!, 'exchange.exports', {}))[0]!.acceptedAt).toBeNull();
    await call(b.KRG!, 'exchange.importReceipt', b64(receipt.content));
    const history = (await call(b.KRG!, 'exchange.exports', {}))[0]!;
    expect(history).toMatchObject({ seq: 1, acceptedAt: accepted.importedAt });
    expect(history.alsoActiveElsewhere).toEqual([{ iin: '850525446560', branches: ['ALA'] }]);
  });

  it("refuses another branch's receipt, a changed one, one signed by another key, and one for a package never written", async () => {
    const receipt = await call(hq, 'exchange.receipt', { branch: 'KRG' });
    await expect(call(b.ALA!, 'exchange.importReceipt', b64(receipt.content))).rejects.toMatchObject({
      code: 'receipt.other_branch',
    });
    const changed = Buffer.from(receipt.content, 'base64').toString('utf8').replace('"seq":1', '"seq":2');
    await expect(
      call(b.KRG!, 'exchange.importReceipt', b64(Buffer.from(changed).toString('base64'))),
    ).rejects.toMatchObject({ code: 'signed.bad_signature' });
    // a branch's own key posing as headquarters'
    const forged = await signDocument(b.ALA!, 'receipt', receipt.receipt);
    await expect(
      call(b.KRG!, 'exchange.importReceipt', b64(forged.toString('base64'))),
    ).rejects.toMatchObject({
      code: 'signed.bad_signature',
    });
    const unknown = await signDocument(hq, 'receipt', { ...receipt.receipt, seq: 7 });
    await expect(
      call(b.KRG!, 'exchange.importReceipt', b64(unknown.toString('base64'))),
    ).rejects.toMatchObject({
      code: 'receipt.unknown_package',
    });
    const directive = await signDocument(hq, 'directive', receipt.receipt);
    await expect(
      call(b.KRG!, 'exchange.importReceipt', b64(directive.toString('base64'))),
    ).rejects.toMatchObject({
      code: 'signed.wrong_kind',
    });
    await expect(call(hq, 'exchange.receipt', { branch: 'AST' })).rejects.toMatchObject({
      code: 'receipt.no_import',
    });
  });

  it('round-trips on the command line', () => {
    const out = cli('receipt', '--db', hq.file, '--branch', 'ALA', '--out', dir, '--json');
    expect(out.status).toBe(0);
    const file = (JSON.parse(out.stdout) as { file: string }).file;
    expect(path.basename(file)).toBe('ALA-2024Q4-1.receipt');
    expect(cli('receipt', 'import', '--db', b.ALA!.file, '--file', file).status).toBe(0);
    const history = JSON.parse(cli('exports', '--db', b.ALA!.file, '--json').stdout) as Array<{
      acceptedAt: string | null;
    }>;
    expect(history[0]!.acceptedAt).toMatch(/^2025-01-15T/);
    const bad = cli('receipt', 'import', '--db', b.KRG!.file, '--file', file);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('receipt.other_branch');
  });
});

describe('directives from headquarters', () => {
  it('carry its dues rate and shares; a branch applies them from their date, once', async () => {
    await call(hq, 'rates.set', {
      validFrom: '2025-02-01',
      ratePercent: '1',
      sharePpoPercent: '50',
      shareBranchPercent: '30',
      shareCentralPercent: '20',
    });
    await expect(call(hq, 'exchange.directive', { validFrom: '2025-03-01' })).rejects.toMatchObject({
      code: 'directive.no_rate',
    });
    const directive = await call(hq, 'exchange.directive', { validFrom: '01.02.2025' });
    expect(directive.directive).toMatchObject({
      kind: 'dues_rate',
      validFrom: '2025-02-01',
      shareCentralBp: 2000,
    });
    const applied = await call(b.KRG!, 'exchange.applyDirective', b64(directive.content));
    expect(applied.status).toBe('applied');
    expect((await call(b.KRG!, 'rates.list', {})).at(-1)).toMatchObject({
      validFrom: '2025-02-01',
      sharePpoBp: 5000,
      shareBranchBp: 3000,
      shareCentralBp: 2000,
    });
    expect((await call(b.KRG!, 'exchange.applyDirective', b64(directive.content))).status).toBe('duplicate');
    expect(await call(b.KRG!, 'exchange.directives', {})).toHaveLength(1);
    // dues before the date keep the old shares, from the date the new ones
    await call(b.KRG!, 'dues.record', {
      orgCode: 'P001',
      month: '2025-01',
      received: '1 000',
      payroll: '100 000',
    });
    const jan = await call(b.KRG!, 'reports.dues', { year: 2025, quarter: 1 });
    expect(jan.total.centralShareTiyn).not.toBe(20_000);
    const clockFeb = { ...b.KRG!, clock: () => new Date('2025-03-10T09:00:00Z') };
    await call(clockFeb, 'dues.record', {
      orgCode: 'P001',
      month: '2025-02',
      received: '1 000',
      payroll: '100 000',
    });
    const q1 = await call(clockFeb, 'reports.dues', { from: '2025-02-01', to: '2025-02-28' });
    expect(q1.total.centralShareTiyn).toBe(20_000);
    // the CLI applies it too; a changed directive is refused
    const file = path.join(dir, directive.fileName);
    fs.writeFileSync(file, Buffer.from(directive.content, 'base64'));
    expect(cli('directive', 'apply', '--db', b.ALA!.file, '--file', file).status).toBe(0);
    const changed = fs.readFileSync(file, 'utf8').replace('"shareCentralBp":2000', '"shareCentralBp":9000');
    fs.writeFileSync(file, changed);
    await expect(call(b.ALA!, 'exchange.applyDirective', { file })).rejects.toMatchObject({
      code: 'signed.bad_signature',
    });
  });
});
