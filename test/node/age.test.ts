import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  decryptWith,
  encryptTo,
  generateHqIdentity,
  parseRecipient,
  recipientOf,
} from '../../electron/core/exchange/age.ts';
import { requireTool } from '../tools.ts';
import { tempDir } from './helpers.ts';

requireTool('age', ['--version'], 'age');

const payload = new Uint8Array(200_000).map((_, i) => (i * 31) % 251);

describe('age encryption to headquarters', () => {
  it('round-trips, and names each failure: another recipient, damage, truncation, not age at all', async () => {
    const hq = await generateHqIdentity();
    const other = await generateHqIdentity();
    expect(await recipientOf(hq.identity)).toBe(hq.recipient);
    const ct = await encryptTo(payload, hq.recipient);
    expect(Buffer.from(await decryptWith(ct, hq.identity)).equals(Buffer.from(payload))).toBe(true);

    await expect(decryptWith(ct, other.identity)).rejects.toMatchObject({ code: 'package.wrong_recipient' });
    const flipped = ct.slice();
    flipped[flipped.length - 100]! ^= 1;
    await expect(decryptWith(flipped, hq.identity)).rejects.toMatchObject({ code: 'package.damaged' });
    await expect(decryptWith(ct.slice(0, 64 * 1024), hq.identity)).rejects.toMatchObject({
      code: 'package.damaged',
    });
    await expect(decryptWith(ct.slice(0, ct.length - 1), hq.identity)).rejects.toMatchObject({
      code: 'package.damaged',
    });
    await expect(decryptWith(new Uint8Array(), hq.identity)).rejects.toMatchObject({
      code: 'package.not_age',
    });
  });

  it('accepts a recipient file with comments and refuses anything else', async () => {
    const { recipient } = await generateHqIdentity();
    expect(parseRecipient(`# Центральный совет\n${recipient}\n`)).toBe(recipient);
    expect(() => parseRecipient('AGE-SECRET-KEY-1XYZ')).toThrow(/Not an age recipient/);
  });

  it('the stock age tool decrypts what we encrypt, and we decrypt what it encrypts', async () => {
    const dir = tempDir();
    const hq = await generateHqIdentity();
    fs.writeFileSync(path.join(dir, 'hq.key'), `${hq.identity}\n`);
    fs.writeFileSync(path.join(dir, 'p.age'), await encryptTo(payload, hq.recipient));
    const plain = execFileSync('age', ['-d', '-i', path.join(dir, 'hq.key'), path.join(dir, 'p.age')]);
    expect(plain.equals(Buffer.from(payload))).toBe(true);

    fs.writeFileSync(path.join(dir, 'plain.bin'), payload);
    execFileSync('age', ['-r', hq.recipient, '-o', path.join(dir, 'tool.age'), path.join(dir, 'plain.bin')]);
    const back = await decryptWith(fs.readFileSync(path.join(dir, 'tool.age')), hq.identity);
    expect(Buffer.from(back).equals(Buffer.from(payload))).toBe(true);
  });
});
