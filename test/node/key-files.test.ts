import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeRegister, initRegister } from '../../electron/core/db/init.ts';
import { bech32Valid, parseRecipient } from '../../electron/core/exchange/age.ts';
import { keysDir } from '../../electron/core/exchange/keys.ts';
import { call } from '../../electron/core/service.ts';
import { freshRegister, tempDir } from './helpers.ts';

async function hqRecipient(): Promise<string> {
  const hq = await initRegister(path.join(tempDir(), 'hq.sqlite'), { kind: 'hq', code: 'HQ', name: 'ЦС' });
  try {
    return (await call(hq, 'hqKey.init', {})).recipient;
  } finally {
    await closeRegister(hq);
  }
}

describe('key files', () => {
  it('are named by the register’s stable id: renaming the branch code in Settings keeps the signing key', async () => {
    const reg = await freshRegister();
    const made = await call(reg, 'keys.init', {});
    expect(path.basename(made.privateKeyFile)).toMatch(/^[0-9a-f-]{36}-signing\.key$/);
    await call(reg, 'settings.update', { branchCode: 'KRG2' });
    const out = path.join(tempDir(), 'KRG2.pub');
    const exported = await call(reg, 'keys.exportPublic', { out });
    expect(exported.fingerprint).toBe(made.fingerprint);
    expect(fs.readdirSync(keysDir(reg))).toEqual([path.basename(made.privateKeyFile)]);
  });

  it('a key made before the id existed (named by the branch code) is taken over under the id', async () => {
    const reg = await freshRegister();
    const made = await call(reg, 'keys.init', {});
    // as an older version left it: the file named by the code, no id in the settings
    const legacy = path.join(keysDir(reg), 'KRG-signing.key');
    fs.renameSync(made.privateKeyFile, legacy);
    await reg.db('settings').where({ key: 'register.id' }).delete();
    const exported = await call(reg, 'keys.exportPublic', { out: path.join(tempDir(), 'k.pub') });
    expect(exported.fingerprint).toBe(made.fingerprint);
    expect(fs.existsSync(legacy)).toBe(false);
    await call(reg, 'settings.update', { branchCode: 'KRG3' });
    expect((await call(reg, 'keys.exportPublic', { out: path.join(tempDir(), 'k.pub') })).fingerprint).toBe(
      made.fingerprint,
    );
  });
});

describe('a pasted headquarters recipient', () => {
  it('is checked with age’s bech32 checksum: one wrong character is a sentence, not an export failure', async () => {
    const recipient = await hqRecipient();
    expect(bech32Valid(recipient)).toBe(true);
    expect(parseRecipient(`  ${recipient}  `)).toBe(recipient);
    expect(parseRecipient(`# Aqniet Register — headquarters recipient\n${recipient}\n`)).toBe(recipient);
    const last = recipient.at(-1)!;
    const typo = recipient.slice(0, -1) + (last === 'q' ? 'p' : 'q');
    const swapped = recipient.slice(0, 10) + recipient[11] + recipient[10] + recipient.slice(12);
    const reg = await freshRegister();
    for (const wrong of [typo, swapped].filter((w) => w !== recipient)) {
      await expect(call(reg, 'hqKey.setRecipient', { recipient: wrong })).rejects.toMatchObject({
        code: 'exchange.recipient_mistyped',
        messageRu: expect.stringMatching(/контрольная сумма/),
      });
    }
    await expect(call(reg, 'hqKey.setRecipient', { recipient: 'age1short' })).rejects.toMatchObject({
      code: 'exchange.invalid_recipient',
    });
    expect(await call(reg, 'hqKey.setRecipient', { recipient })).toEqual({ recipient });
  });
});
