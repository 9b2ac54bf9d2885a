import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeRegister, initRegister } from '../../electron/core/db/init.ts';
import { decryptWith, encryptTo } from '../../electron/core/exchange/age.ts';
import { canonicalJson } from '../../electron/core/exchange/canonical-json.ts';
import { hqIdentity, hqRecipient, loadSigningKey } from '../../electron/core/exchange/keys.ts';
import { signMinisign } from '../../electron/core/exchange/minisign.ts';
import { inflateEntry, openZip } from '../../electron/core/exchange/zip.ts';
import type { Register } from '../../electron/core/register.ts';
import { call } from '../../electron/core/service.ts';
import { requireTool } from '../tools.ts';
import { addOrg, admit, freshRegister, tempDir } from './helpers.ts';

requireTool('age', ['--version'], 'age');
requireTool('minisign', ['-v'], 'minisign');

interface World {
  dir: string;
  hq: Register;
  branch: Register;
  other: Register;
  pkg: string;
}

/** Lives for the whole describe block (the helpers' temp folders and registers end with each test). */
async function world(): Promise<World> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aqniet-exchange-'));
  const clock = () => new Date('2025-01-15T09:00:00Z');
  const hq = await initRegister(path.join(dir, 'hq.sqlite'), {
    kind: 'hq',
    code: 'HQ',
    name: 'Центральный совет',
    clock,
  });
  fs.mkdirSync(path.join(dir, 'krg'));
  fs.mkdirSync(path.join(dir, 'ala'));
  const branch = await initRegister(path.join(dir, 'krg', 'branch.sqlite'), {
    kind: 'branch',
    code: 'KRG',
    name: 'Карагандинский филиал',
    clock,
  });
  const other = await initRegister(path.join(dir, 'ala', 'branch.sqlite'), {
    kind: 'branch',
    code: 'ALA',
    name: 'Алматинский филиал',
    clock,
  });
  await call(hq, 'hqKey.init', {});
  const recipientFile = path.join(dir, 'hq.recipient');
  await call(hq, 'hqKey.exportRecipient', { out: recipientFile });
  for (const reg of [branch, other]) {
    await call(reg, 'keys.init', {});
    await call(reg, 'hqKey.setRecipient', { recipient: recipientFile });
  }
  await call(branch, 'keys.exportPublic', { out: path.join(dir, 'KRG.pub') });
  await call(other, 'keys.exportPublic', { out: path.join(dir, 'ALA.pub') });
  await call(hq, 'exchange.trust', {
    branch: 'KRG',
    key: path.join(dir, 'KRG.pub'),
    validFrom: '2024-01-01',
  });
  await call(hq, 'exchange.trust', {
    branch: 'ALA',
    key: path.join(dir, 'ALA.pub'),
    validFrom: '2024-01-01',
  });
  await addOrg(branch, 'P001');
  await admit(branch, '850525446560');
  await call(branch, 'appeals.add', {
    receivedOn: '2024-11-05',
    channel: 'phone',
    applicant: 'Ким Е.',
    category: 'wages',
  });
  await call(branch, 'dues.record', {
    orgCode: 'P001',
    month: '2024-11',
    received: '3 500',
    payroll: '350 000',
  });
  const out = await call(branch, 'exchange.export', { quarter: '2024Q4', out: dir });
  return { dir, hq, branch, other, pkg: out.file };
}

/** Opens a package as headquarters would, lets a test change it, and seals it again to the real recipient. */
async function tamper(w: World, change: (files: Record<string, Uint8Array>) => void): Promise<string> {
  const zip = await decryptWith(fs.readFileSync(w.pkg), await hqIdentity(w.hq));
  const files = unzipSync(zip);
  change(files);
  const out = path.join(w.dir, `tampered-${Math.random().toString(36).slice(2)}.aqpkg`);
  fs.writeFileSync(out, await encryptTo(zipSync(files), await hqRecipient(w.hq)));
  return out;
}

async function resign(
  w: World,
  files: Record<string, Uint8Array>,
  edit: (m: Record<string, unknown>) => void,
) {
  const manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString()) as Record<string, unknown>;
  edit(manifest);
  const bytes = Buffer.from(canonicalJson(manifest));
  files['manifest.json'] = bytes;
  const m = manifest as { branch: { code: string }; period: string; seq: number };
  files['manifest.json.minisig'] = Buffer.from(
    signMinisign(
      bytes,
      await loadSigningKey(w.branch),
      `branch=${m.branch.code} period=${m.period} seq=${m.seq}`,
    ),
  );
}

describe('quarterly package', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });
  afterAll(async () => {
    for (const reg of [w.hq, w.branch, w.other]) await closeRegister(reg);
    fs.rmSync(w.dir, { recursive: true, force: true });
  });

  it('is named BRANCH-YYYYQn-SEQ.aqpkg, closes the quarter, and verifies at headquarters', async () => {
    expect(path.basename(w.pkg)).toBe('KRG-2024Q4-1.aqpkg');
    expect((await call(w.branch, 'quarters.list', {})).closed).toEqual(['2024-Q4']);
    const checked = await call(w.hq, 'exchange.verify', { file: w.pkg });
    expect(checked).toMatchObject({ branch: { code: 'KRG' }, period: '2024-Q4', seq: 1, formatVersion: 1 });
    const rows = Object.fromEntries(checked.files.map((f) => [f.path, f.rows]));
    expect(rows).toMatchObject({
      'data/orgs.jsonl': 1,
      'data/members.jsonl': 1,
      'data/member_events.jsonl': 1,
      'data/appeals.jsonl': 1,
      'data/dues_remittances.jsonl': 1,
    });
    const preview = await call(w.branch, 'exchange.exportPreview', { quarter: '2024Q4' });
    expect(preview).toMatchObject({ period: '2024-Q4', seq: 2, closed: true });
    expect(preview.summaries).toMatchObject({ members: 1, orgs: 1, appeals: 1 });
    expect(preview.files.find((f) => f.path === 'data/members.jsonl')!.rows).toBe(1);
    const next = await call(w.branch, 'exchange.export', { quarter: '2024Q4', out: w.dir });
    expect(path.basename(next.file)).toBe('KRG-2024Q4-2.aqpkg');
    const history = await call(w.branch, 'exchange.exports', {});
    expect(history.map((h) => `${h.seq} ${h.period} ${h.file}`)).toEqual([
      '2 2024-Q4 KRG-2024Q4-2.aqpkg',
      '1 2024-Q4 KRG-2024Q4-1.aqpkg',
    ]);
    expect(history[0]!.signerFingerprint).toBe((await call(w.branch, 'keys.info', {})).signing!.fingerprint);
    expect(history[0]!.bytes).toBe(fs.statSync(next.file).size);
  });

  it('the stock age tool decrypts it and minisign verifies its manifest', async () => {
    const dir = tempDir();
    const keyFile = path.join(dir, 'hq.key');
    await call(w.hq, 'hqKey.exportIdentity', { out: keyFile });
    const zip = openZip(execFileSync('age', ['-d', '-i', keyFile, w.pkg]));
    const entry = (name: string) => inflateEntry(zip, zip.entries.get(name)!, 1 << 20, () => new Error(name));
    fs.writeFileSync(path.join(dir, 'manifest.json'), entry('manifest.json'));
    fs.writeFileSync(path.join(dir, 'manifest.json.minisig'), entry('manifest.json.minisig'));
    const out = execFileSync('minisign', [
      '-Vm',
      path.join(dir, 'manifest.json'),
      '-p',
      path.join(w.dir, 'KRG.pub'),
    ]).toString();
    expect(out).toContain('Trusted comment: branch=KRG period=2024-Q4 seq=1');
  });

  it.each([
    [
      'a flipped byte in the ciphertext',
      (b: Buffer) => Buffer.from(b.map((x, i) => (i === b.length - 200 ? x ^ 1 : x))),
      'package.damaged',
    ],
    [
      'truncation at an arbitrary byte',
      (b: Buffer) => b.subarray(0, Math.floor(b.length * 0.7)),
      'package.damaged',
    ],
    [
      'truncation at a 64 KiB boundary',
      (b: Buffer) => b.subarray(0, Math.min(b.length - 1, 65536)),
      'package.damaged',
    ],
    ['a 0-byte file', () => Buffer.alloc(0), 'package.not_age'],
  ])('refuses %s', async (_name, mangle, code) => {
    const file = path.join(w.dir, `bad-${code}-${Math.random()}.aqpkg`);
    fs.writeFileSync(file, mangle(fs.readFileSync(w.pkg)));
    await expect(call(w.hq, 'exchange.verify', { file })).rejects.toMatchObject({ code });
  });

  it('refuses a package for another recipient', async () => {
    const otherHq = await initRegister(path.join(tempDir(), 'hq2.sqlite'), {
      kind: 'hq',
      code: 'HQ',
      name: 'Другой',
    });
    await call(otherHq, 'hqKey.init', {});
    await expect(call(otherHq, 'exchange.verify', { file: w.pkg })).rejects.toMatchObject({
      code: 'package.wrong_recipient',
    });
  });

  it('refuses a data file changed and re-encrypted to the real recipient (hash check)', async () => {
    const file = await tamper(w, (files) => {
      files['data/members.jsonl'] = strToU8(
        Buffer.from(files['data/members.jsonl']!).toString().replace('Сәуле', 'Әсел'),
      );
    });
    await expect(call(w.hq, 'exchange.verify', { file })).rejects.toMatchObject({
      code: 'package.hash_mismatch',
      message: expect.stringContaining('data/members.jsonl'),
    });
  });

  it('refuses an edited manifest (signature check)', async () => {
    const file = await tamper(w, (files) => {
      files['manifest.json'] = strToU8(
        Buffer.from(files['manifest.json']!).toString().replace('"seq":1', '"seq":9'),
      );
    });
    await expect(call(w.hq, 'exchange.verify', { file })).rejects.toMatchObject({
      code: 'package.bad_signature',
      messageRu: expect.stringContaining('Филиал KRG'),
    });
  });

  it('refuses a file added or removed', async () => {
    const added = await tamper(w, (files) => {
      files['data/extra.jsonl'] = strToU8('{}\n');
    });
    await expect(call(w.hq, 'exchange.verify', { file: added })).rejects.toMatchObject({
      code: 'package.file_set',
      message: expect.stringContaining('data/extra.jsonl'),
    });
    const removed = await tamper(w, (files) => {
      delete files['data/appeals.jsonl'];
    });
    await expect(call(w.hq, 'exchange.verify', { file: removed })).rejects.toMatchObject({
      code: 'package.file_set',
      message: expect.stringContaining('missing: data/appeals.jsonl'),
    });
  });

  it('refuses hostile ZIP entries: a path out, an absolute path, a duplicate name, a huge entry', async () => {
    for (const name of ['../x', '/etc/passwd', 'data/../../x.jsonl', 'DATA/orgs.jsonl']) {
      const file = await tamper(w, (files) => {
        files[name] = strToU8('x');
      });
      await expect(call(w.hq, 'exchange.verify', { file })).rejects.toMatchObject({
        code: 'package.zip_entry_name',
      });
    }
    // two entries with the same name: built with distinct names, then renamed in the raw bytes
    const twice = Buffer.from(
      zipSync({ 'data/aaaa.jsonl': strToU8('{"id":1}\n'), 'data/bbbb.jsonl': strToU8('{"id":2}\n') }),
    );
    const renamed = Buffer.from(
      twice.toString('latin1').replaceAll('data/bbbb.jsonl', 'data/aaaa.jsonl'),
      'latin1',
    );
    expect(() => openZip(renamed)).toThrow(expect.objectContaining({ code: 'package.zip_entry_twice' }));
    // 4 MiB of zeros: inflating stops at the cap, whatever the directory says
    const bomb = openZip(zipSync({ 'data/orgs.jsonl': new Uint8Array(4 * 1024 * 1024) }));
    const tooLarge = new Error('over the cap');
    expect(() =>
      inflateEntry(bomb, bomb.entries.get('data/orgs.jsonl')!, 1024 * 1024, () => tooLarge),
    ).toThrow(tooLarge);
    expect(
      inflateEntry(bomb, bomb.entries.get('data/orgs.jsonl')!, 4 * 1024 * 1024, () => tooLarge).length,
    ).toBe(4 * 1024 * 1024);
  });

  it('refuses format version 2 and a newer schema, even when properly signed', async () => {
    const v2 = await tamper(w, () => {});
    const files = unzipSync(await decryptWith(fs.readFileSync(v2), await hqIdentity(w.hq)));
    await resign(w, files, (m) => (m.formatVersion = 2));
    fs.writeFileSync(v2, await encryptTo(zipSync(files), await hqRecipient(w.hq)));
    await expect(call(w.hq, 'exchange.verify', { file: v2 })).rejects.toMatchObject({
      code: 'package.format_version',
    });
    await resign(w, files, (m) => ((m.formatVersion = 1), (m.schemaVersion = 999)));
    fs.writeFileSync(v2, await encryptTo(zipSync(files), await hqRecipient(w.hq)));
    await expect(call(w.hq, 'exchange.verify', { file: v2 })).rejects.toMatchObject({
      code: 'package.newer_schema',
    });
  });

  it("refuses an unregistered key, another branch's key and a revoked key", async () => {
    // signed by ALA's key while claiming to be KRG
    const forged = await tamper(w, () => {});
    const files = unzipSync(await decryptWith(fs.readFileSync(forged), await hqIdentity(w.hq)));
    const manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString());
    const alaKey = await loadSigningKey(w.other);
    manifest.signer.keyId = Buffer.from(alaKey.keyId).reverse().toString('hex').toUpperCase();
    const bytes = Buffer.from(canonicalJson(manifest));
    files['manifest.json'] = bytes;
    files['manifest.json.minisig'] = Buffer.from(
      signMinisign(bytes, alaKey, 'branch=KRG period=2024-Q4 seq=1'),
    );
    fs.writeFileSync(forged, await encryptTo(zipSync(files), await hqRecipient(w.hq)));
    await expect(call(w.hq, 'exchange.verify', { file: forged })).rejects.toMatchObject({
      code: 'package.other_branch_key',
      messageRu: expect.stringContaining('зарегистрированным для филиала ALA'),
    });

    const hq2 = await initRegister(path.join(tempDir(), 'hq3.sqlite'), {
      kind: 'hq',
      code: 'HQ',
      name: 'ЦС',
    });
    fs.mkdirSync(path.join(path.dirname(hq2.file), 'keys'), { recursive: true });
    fs.copyFileSync(
      path.join(w.dir, 'keys', 'hq-identity.key'),
      path.join(path.dirname(hq2.file), 'keys', 'hq-identity.key'),
    );
    await expect(call(hq2, 'exchange.verify', { file: w.pkg })).rejects.toMatchObject({
      code: 'package.unknown_key',
      message: expect.stringContaining('from branch KRG'),
    });

    const keyId = (await call(w.hq, 'exchange.trustedKeys', { branch: 'KRG' }))[0]!.keyId;
    await call(w.hq, 'exchange.revoke', { branch: 'KRG', keyId, revokedAt: '2025-01-10' });
    await expect(call(w.hq, 'exchange.verify', { file: w.pkg })).rejects.toMatchObject({
      code: 'package.revoked_key',
      messageRu: expect.stringContaining('отозван 2025-01-10'),
    });
  });
});

describe('exchange keys at headquarters', () => {
  it('refuses to register a key twice, or on a branch register', async () => {
    const branch = await freshRegister();
    await call(branch, 'keys.init', {});
    const pub = path.join(tempDir(), 'b.pub');
    await call(branch, 'keys.exportPublic', { out: pub });
    await expect(call(branch, 'exchange.trust', { branch: 'KRG', key: pub })).rejects.toMatchObject({
      code: 'keys.not_hq',
    });
    const hq = await initRegister(path.join(tempDir(), 'hq.sqlite'), { kind: 'hq', code: 'HQ', name: 'ЦС' });
    await call(hq, 'exchange.trust', { branch: 'KRG', key: pub });
    await expect(call(hq, 'exchange.trust', { branch: 'KRG', key: pub })).rejects.toMatchObject({
      code: 'keys.already_trusted',
    });
  });
});
