import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  fingerprint,
  generateSigningKey,
  keyIdHex,
  parsePrivateKeyFile,
  parsePublicKeyFile,
  privateKeyFile,
  publicKeyFile,
  signMinisign,
  verifyMinisign,
} from '../../electron/core/exchange/minisign.ts';
import { requireTool } from '../tools.ts';
import { tempDir } from './helpers.ts';

requireTool('minisign', ['-v'], 'minisign');

describe('minisign signatures (Node crypto)', () => {
  const manifest = Buffer.from('{"format":"aqniet-package","branch":"KRG","period":"2024-Q4","seq":3}');
  const trusted = 'branch=KRG period=2024-Q4 seq=3';

  it('verifies its own signature and reads the trusted comment back', () => {
    const key = generateSigningKey();
    const sig = signMinisign(manifest, key, trusted);
    expect(verifyMinisign(manifest, sig, key)).toMatchObject({ ok: true, trustedComment: trusted });
  });

  it('refuses a changed message, a changed trusted comment, another key and a damaged file', () => {
    const key = generateSigningKey();
    const other = generateSigningKey();
    const sig = signMinisign(manifest, key, trusted);
    expect(
      verifyMinisign(Buffer.from(manifest.toString().replace('"seq":3', '"seq":4')), sig, key),
    ).toMatchObject({ ok: false, problem: 'signature' });
    expect(verifyMinisign(manifest, sig.replace('seq=3', 'seq=9'), key)).toMatchObject({
      ok: false,
      problem: 'signature',
    });
    expect(verifyMinisign(manifest, sig, other)).toMatchObject({ ok: false, problem: 'key' });
    expect(verifyMinisign(manifest, sig, { keyId: key.keyId, publicKey: other.publicKey })).toMatchObject({
      ok: false,
      problem: 'signature',
    });
    expect(verifyMinisign(manifest, 'garbage', key)).toMatchObject({ ok: false, problem: 'format' });
  });

  it('keeps keys in files that round-trip, with a fingerprint to read aloud', () => {
    const key = generateSigningKey();
    const back = parsePrivateKeyFile(privateKeyFile(key));
    expect(back.publicKey.equals(key.publicKey)).toBe(true);
    expect(back.keyId.equals(key.keyId)).toBe(true);
    const pub = parsePublicKeyFile(publicKeyFile(key));
    expect(pub.publicKey.equals(key.publicKey)).toBe(true);
    expect(fingerprint(key.publicKey)).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
    expect(publicKeyFile(key)).toContain(`minisign public key ${keyIdHex(key.keyId)}`);
    expect(() => parsePublicKeyFile('untrusted comment: x\nAAAA\n')).toThrow(/not a minisign public key/);
  });

  it('the stock minisign tool verifies our signature, and we verify its', () => {
    const dir = tempDir();
    const key = generateSigningKey();
    fs.writeFileSync(path.join(dir, 'manifest.json'), manifest);
    fs.writeFileSync(path.join(dir, 'manifest.json.minisig'), signMinisign(manifest, key, trusted));
    fs.writeFileSync(path.join(dir, 'branch.pub'), publicKeyFile(key));
    const out = execFileSync('minisign', [
      '-Vm',
      path.join(dir, 'manifest.json'),
      '-p',
      path.join(dir, 'branch.pub'),
    ]).toString();
    expect(out).toContain('Signature and comment signature verified');
    expect(out).toContain(`Trusted comment: ${trusted}`);
    // tampering is caught by the tool too
    fs.writeFileSync(path.join(dir, 'manifest.json'), Buffer.concat([manifest, Buffer.from(' ')]));
    expect(
      spawnSync('minisign', ['-Vm', path.join(dir, 'manifest.json'), '-p', path.join(dir, 'branch.pub')])
        .status,
    ).not.toBe(0);

    // a key and signature made by the tool (no password) verify here
    execFileSync('minisign', [
      '-G',
      '-W',
      '-p',
      path.join(dir, 'tool.pub'),
      '-s',
      path.join(dir, 'tool.key'),
    ]);
    fs.writeFileSync(path.join(dir, 'm2'), manifest);
    execFileSync('minisign', [
      '-S',
      '-s',
      path.join(dir, 'tool.key'),
      '-m',
      path.join(dir, 'm2'),
      '-t',
      trusted,
    ]);
    const toolKey = parsePublicKeyFile(fs.readFileSync(path.join(dir, 'tool.pub'), 'utf8'));
    expect(
      verifyMinisign(manifest, fs.readFileSync(path.join(dir, 'm2.minisig'), 'utf8'), toolKey),
    ).toMatchObject({ ok: true, trustedComment: trusted });
  });
});
