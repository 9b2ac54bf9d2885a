import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeRegister, initRegister, openRegister } from '../../electron/core/db/init.ts';
import { encryptTo } from '../../electron/core/exchange/age.ts';
import { loadSigningKey } from '../../electron/core/exchange/keys.ts';
import { parsePublicKeyFile, signMinisign, verifyMinisign } from '../../electron/core/exchange/minisign.ts';
import { call } from '../../electron/core/service.ts';
import { requireTool } from '../tools.ts';
import { freshRegister, tempDir } from './helpers.ts';

requireTool('age', ['--version'], 'age');

describe('exchange keys', () => {
  it('a branch creates its signing key once, outside the database, readable by its owner only', async () => {
    const reg = await freshRegister();
    const info = await call(reg, 'keys.init', {});
    expect(info.fingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
    expect(path.dirname(info.privateKeyFile)).toBe(path.join(path.dirname(reg.file), 'keys'));
    expect(fs.statSync(info.privateKeyFile).mode & 0o777).toBe(0o600);
    const dbBytes = fs.readFileSync(reg.file);
    expect(dbBytes.includes(Buffer.from('PRIVATE KEY'))).toBe(false);
    await expect(call(reg, 'keys.init', {})).rejects.toMatchObject({ code: 'keys.exists' });
    expect(await call(reg, 'keys.info', {})).toMatchObject({
      kind: 'branch',
      signing: { fingerprint: info.fingerprint, keyId: info.keyId },
    });

    const out = path.join(tempDir(), 'KRG.pub');
    const exported = await call(reg, 'keys.exportPublic', { out });
    expect(exported.fingerprint).toBe(info.fingerprint);
    const pub = parsePublicKeyFile(fs.readFileSync(out, 'utf8'));
    const key = await loadSigningKey(reg);
    const message = Buffer.from('manifest');
    expect(verifyMinisign(message, signMinisign(message, key, 'branch=KRG'), pub)).toMatchObject({
      ok: true,
    });
  });

  it('headquarters creates its age identity once; branches import its recipient', async () => {
    const dir = tempDir();
    const hq = await initRegister(path.join(dir, 'hq.sqlite'), {
      kind: 'hq',
      code: 'HQ',
      name: 'Центральный совет',
    });
    try {
      const branch = await freshRegister();
      await expect(call(branch, 'hqKey.init', {})).rejects.toMatchObject({ code: 'keys.not_hq' });
      const created = await call(hq, 'hqKey.init', {});
      expect(created.recipient).toMatch(/^age1/);
      expect(fs.statSync(created.identityFile).mode & 0o777).toBe(0o600);
      await expect(call(hq, 'hqKey.init', {})).rejects.toMatchObject({ code: 'keys.exists' });
      expect(await call(hq, 'keys.info', {})).toMatchObject({
        hqIdentityPresent: true,
        recipientMatchesIdentity: true,
      });

      const recipientFile = path.join(dir, 'hq.recipient');
      await call(hq, 'hqKey.exportRecipient', { out: recipientFile });
      await expect(call(branch, 'hqKey.setRecipient', { recipient: 'age1nonsense' })).rejects.toMatchObject({
        code: 'exchange.invalid_recipient',
      });
      expect(await call(branch, 'hqKey.setRecipient', { recipient: recipientFile })).toEqual({
        recipient: created.recipient,
      });
      expect((await call(branch, 'keys.info', {})).hqRecipient).toBe(created.recipient);
      await expect(call(hq, 'hqKey.setRecipient', { recipient: recipientFile })).rejects.toMatchObject({
        code: 'keys.is_hq',
      });

      const backup = path.join(dir, 'backup', 'hq.key');
      const exported = await call(hq, 'hqKey.exportIdentity', { out: backup });
      expect(exported.warningRu).toContain('без него пакеты в пути прочитать невозможно');
      expect(fs.statSync(backup).mode & 0o777).toBe(0o600);
      // the backup is a key file the stock age tool uses as it is
      fs.writeFileSync(path.join(dir, 'x.age'), await encryptTo(Buffer.from('пакет'), created.recipient));
      expect(execFileSync('age', ['-d', '-i', backup, path.join(dir, 'x.age')]).toString()).toBe('пакет');
    } finally {
      await closeRegister(hq);
    }
  });
});

describe('private keys at rest in the app', () => {
  it('are sealed by the OS key store when the app provides one, and the CLI says so instead of guessing', async () => {
    const reg = await freshRegister();
    // a stand-in for Electron's safeStorage: reversible, and visibly not the plain key
    reg.vault = {
      seal: (s) => Buffer.from(s).reverse().toString('base64'),
      open: (s) => Buffer.from(s, 'base64').reverse().toString(),
    };
    const info = await call(reg, 'keys.init', {});
    const onDisk = fs.readFileSync(info.privateKeyFile, 'utf8');
    expect(onDisk.startsWith('aqniet-sealed v1\n')).toBe(true);
    expect(onDisk).not.toContain('PRIVATE KEY');
    const key = await loadSigningKey(reg);
    expect(verifyMinisign(Buffer.from('m'), signMinisign(Buffer.from('m'), key, 'c'), key)).toMatchObject({
      ok: true,
    });
    reg.vault = undefined;
    await expect(loadSigningKey(reg)).rejects.toMatchObject({ code: 'keys.sealed' });
  });
});

describe('signing key backup and restore', () => {
  it('a backed-up key goes back into a fresh copy of the register; a different key is refused', async () => {
    const reg = await freshRegister();
    const info = await call(reg, 'keys.init', {});
    const backup = path.join(tempDir(), 'KRG-signing.backup');
    await call(reg, 'keys.backup', { out: backup });
    expect(fs.statSync(backup).mode & 0o777).toBe(0o600);

    // a new PC: the database file without the keys folder
    const copy = path.join(tempDir(), 'branch.sqlite');
    await reg.db.raw('VACUUM INTO ?', [copy]);
    const restored = await openRegister(copy);
    await expect(loadSigningKey(restored)).rejects.toMatchObject({ code: 'keys.missing' });
    expect(await call(restored, 'keys.restore', { file: backup })).toMatchObject({
      fingerprint: info.fingerprint,
    });
    expect((await loadSigningKey(restored)).keyId.equals((await loadSigningKey(reg)).keyId)).toBe(true);

    const other = await freshRegister();
    await call(other, 'keys.init', {});
    await expect(call(other, 'keys.restore', { file: backup })).rejects.toMatchObject({
      code: 'keys.exists',
    });
    await closeRegister(restored);
  });
});
