import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { refuse } from '../errors.ts';
import type { Register } from '../register.ts';
import { readSettings } from '../settings/settings.ts';
import { fileOrText, generateHqIdentity, parseRecipient, recipientOf } from './age.ts';
import {
  fingerprint,
  generateSigningKey,
  keyIdHex,
  parsePrivateKeyFile,
  parsePublicKeyFile,
  privateKeyFile,
  publicKeyFile,
  type SigningKey,
} from './minisign.ts';

/**
 * The exchange keys. Private parts never enter the database file (it is copied, backed up and mailed
 * around): they live in `keys/` beside it, readable by the owner only (0600). The app will wrap them with
 * Electron's safeStorage; the CLI keeps plain files. Public parts are settings in the database.
 */
const SIGNING_PUBLIC = 'exchange.signing_public';
const HQ_RECIPIENT = 'exchange.hq_recipient';
/** At a branch: headquarters' public signing key (minisign .pub), for its receipts and directives. */
const HQ_SIGNING = 'exchange.hq_signing_public';

export function keysDir(reg: Register): string {
  return path.join(path.dirname(path.resolve(reg.file)), 'keys');
}

async function setting(reg: Register, key: string): Promise<string | null> {
  const row: { value: string } | undefined = await reg.db('settings').where({ key }).first('value');
  return row?.value ?? null;
}

async function putSetting(reg: Register, key: string, value: string): Promise<void> {
  await reg.db('settings').insert({ key, value }).onConflict('key').merge();
}

const SEALED = 'aqniet-sealed v1\n';

/** With a vault (the app), a private key file holds only what the OS can open for this user. */
async function sealed(reg: Register, text: string): Promise<string> {
  return reg.vault ? `${SEALED}${await reg.vault.seal(text)}\n` : text;
}

async function readPrivate(reg: Register, file: string): Promise<string> {
  const text = fs.readFileSync(file, 'utf8');
  if (!text.startsWith(SEALED)) return text;
  if (!reg.vault) {
    refuse('keys.sealed', { file });
  }
  return reg.vault.open(text.slice(SEALED.length).trim());
}

function writePrivate(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, text, { mode: 0o600, flag: 'wx' }); // never overwrite a key
  fs.chmodSync(file, 0o600);
}

function writeOut(out: string, text: string): string {
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.writeFileSync(out, text);
  return path.resolve(out);
}

export interface SigningKeyInfo {
  keyId: string;
  fingerprint: string;
  privateKeyFile: string;
}

/** The register's own id, made once: key files are named by it, not by the branch code a person may edit. */
const REGISTER_ID = 'register.id';

async function registerId(reg: Register): Promise<string> {
  const id = await setting(reg, REGISTER_ID);
  if (id) return id;
  const made = randomUUID();
  await putSetting(reg, REGISTER_ID, made);
  return made;
}

/**
 * `keys/<register id>-signing.key`. A key made before the id existed was named by the branch code: it is
 * renamed to the id the first time it is looked for, so a later change of the code keeps it.
 */
async function signingKeyFile(reg: Register): Promise<string> {
  const file = path.join(keysDir(reg), `${await registerId(reg)}-signing.key`);
  if (!fs.existsSync(file)) {
    const legacy = path.join(keysDir(reg), `${(await readSettings(reg.db)).branchCode}-signing.key`);
    if (fs.existsSync(legacy)) fs.renameSync(legacy, file);
  }
  return file;
}

/** Creates the branch's Ed25519 signing key, once. */
export async function initSigningKey(reg: Register): Promise<SigningKeyInfo> {
  if (await setting(reg, SIGNING_PUBLIC)) {
    refuse('keys.exists');
  }
  const key = generateSigningKey();
  const file = await signingKeyFile(reg);
  writePrivate(file, await sealed(reg, privateKeyFile(key)));
  await putSetting(reg, SIGNING_PUBLIC, publicKeyFile(key));
  return { keyId: keyIdHex(key.keyId), fingerprint: fingerprint(key.publicKey), privateKeyFile: file };
}

export async function loadSigningKey(reg: Register): Promise<SigningKey> {
  const file = await signingKeyFile(reg);
  if (!(await setting(reg, SIGNING_PUBLIC)) || !fs.existsSync(file)) {
    refuse('keys.missing', { file });
  }
  return parsePrivateKeyFile(await readPrivate(reg, file));
}

/** A copy of the signing key for the user's own backup (plain PEM: keep it offline). */
export async function backupSigningKey(reg: Register, out: string): Promise<{ file: string }> {
  const key = await loadSigningKey(reg);
  const file = path.resolve(out);
  writePrivate(file, privateKeyFile(key));
  return { file };
}

/** Puts a backed-up signing key back (a new PC, a restored database); refuses a different key over a set one. */
export async function restoreSigningKey(reg: Register, backup: string): Promise<SigningKeyInfo> {
  if (!fs.existsSync(backup)) refuse('keys.missing', { file: backup });
  const key = parsePrivateKeyFile(fs.readFileSync(backup, 'utf8'));
  const current = await setting(reg, SIGNING_PUBLIC);
  if (current && current !== publicKeyFile(key)) {
    refuse('keys.exists');
  }
  const file = await signingKeyFile(reg);
  if (fs.existsSync(file)) fs.rmSync(file);
  writePrivate(file, await sealed(reg, privateKeyFile(key)));
  await putSetting(reg, SIGNING_PUBLIC, publicKeyFile(key));
  return { keyId: keyIdHex(key.keyId), fingerprint: fingerprint(key.publicKey), privateKeyFile: file };
}

/** The minisign public key file headquarters registers, and its fingerprint to read over the phone. */
export async function exportPublicKey(
  reg: Register,
  out: string,
): Promise<{ file: string; fingerprint: string; keyId: string }> {
  const key = await loadSigningKey(reg);
  return {
    file: writeOut(out, publicKeyFile(key)),
    fingerprint: fingerprint(key.publicKey),
    keyId: keyIdHex(key.keyId),
  };
}

function hqIdentityFile(reg: Register): string {
  return path.join(keysDir(reg), 'hq-identity.key');
}

/** Headquarters' age identity, once; only in a headquarters register. */
export async function initHqIdentity(reg: Register): Promise<{ recipient: string; identityFile: string }> {
  if ((await readSettings(reg.db)).kind !== 'hq') {
    refuse('keys.not_hq');
  }
  if (await setting(reg, HQ_RECIPIENT)) {
    refuse('keys.exists');
  }
  const { identity, recipient } = await generateHqIdentity();
  const file = hqIdentityFile(reg);
  writePrivate(
    file,
    await sealed(
      reg,
      `# Aqniet Register — headquarters identity. Losing it makes packages in transit unreadable.\n${identity}\n`,
    ),
  );
  await putSetting(reg, HQ_RECIPIENT, recipient);
  return { recipient, identityFile: file };
}

export async function hqIdentity(reg: Register): Promise<string> {
  const file = hqIdentityFile(reg);
  if (!fs.existsSync(file)) {
    refuse('keys.missing', { file });
  }
  const line = (await readPrivate(reg, file)).split(/\r?\n/).find((l) => l.startsWith('AGE-SECRET-KEY-'));
  if (!line) refuse('keys.missing', { file });
  return line;
}

/** The recipient branches encrypt to: headquarters' own, or the one a branch imported. */
export async function hqRecipient(reg: Register): Promise<string> {
  const recipient = await setting(reg, HQ_RECIPIENT);
  if (!recipient) {
    refuse('keys.no_recipient');
  }
  return recipient;
}

export async function exportRecipient(
  reg: Register,
  out: string,
): Promise<{ file: string; recipient: string }> {
  const recipient = await hqRecipient(reg);
  return { file: writeOut(out, `# Aqniet Register — headquarters recipient\n${recipient}\n`), recipient };
}

/** A copy of the identity for an offline backup (a safe, a USB stick in a drawer): plain, so the stock age tool can use it. */
export async function exportIdentity(
  reg: Register,
  out: string,
): Promise<{ file: string; warning: string; warningRu: string }> {
  const identity = await hqIdentity(reg);
  const file = path.resolve(out);
  writePrivate(file, `# Aqniet Register — headquarters identity (backup)\n${identity}\n`);
  return {
    file,
    warning:
      'Keep this file offline and safe: whoever has it can read every branch package; losing every copy makes packages in transit unreadable.',
    warningRu:
      'Храните этот файл отдельно и надёжно: с ним можно прочитать любой пакет филиала, а без него пакеты в пути прочитать невозможно.',
  };
}

/** A branch imports the headquarters recipient once (a file or the `age1…` line itself). */
export async function setHqRecipient(
  reg: Register,
  recipientOrFile: string,
  read: (value: string) => string = fileOrText,
): Promise<{ recipient: string }> {
  if ((await readSettings(reg.db)).kind === 'hq') {
    refuse('keys.is_hq');
  }
  const recipient = parseRecipient(read(recipientOrFile));
  await putSetting(reg, HQ_RECIPIENT, recipient);
  return { recipient };
}

/**
 * A branch registers headquarters' public signing key once (its .pub file, or the file's text), as
 * headquarters registers each branch's: receipts and directives are accepted only under it.
 */
export async function setHqSigningKey(
  reg: Register,
  keyOrFile: string,
  read: (value: string) => string = fileOrText,
) {
  if ((await readSettings(reg.db)).kind === 'hq') refuse('keys.is_hq');
  const key = parsePublicKeyFile(read(keyOrFile));
  await putSetting(reg, HQ_SIGNING, publicKeyFile(key));
  return { keyId: keyIdHex(key.keyId), fingerprint: fingerprint(key.publicKey) };
}

export async function hqSigningKey(reg: Register): Promise<string | null> {
  return setting(reg, HQ_SIGNING);
}

export async function keysInfo(reg: Register) {
  const pub = await setting(reg, SIGNING_PUBLIC);
  const settings = await readSettings(reg.db);
  // the public key's file text too: the window saves it as a .pub without naming a path
  let signing: { keyId: string; fingerprint: string; publicKeyFile: string } | null = null;
  if (pub) {
    const key = parsePublicKeyFile(pub);
    signing = { keyId: keyIdHex(key.keyId), fingerprint: fingerprint(key.publicKey), publicKeyFile: pub };
  }
  const recipient = await setting(reg, HQ_RECIPIENT);
  const hqPub = await setting(reg, HQ_SIGNING);
  const hqKey = hqPub ? parsePublicKeyFile(hqPub) : null;
  return {
    kind: settings.kind,
    signing,
    hqRecipient: recipient,
    /** At a branch: headquarters' signing key, for its receipts and directives. */
    hqSigning: hqKey ? { keyId: keyIdHex(hqKey.keyId), fingerprint: fingerprint(hqKey.publicKey) } : null,
    hqIdentityPresent: settings.kind === 'hq' && fs.existsSync(hqIdentityFile(reg)),
    recipientMatchesIdentity:
      settings.kind === 'hq' && recipient && fs.existsSync(hqIdentityFile(reg))
        ? (await recipientOf(await hqIdentity(reg))) === recipient
        : null,
  };
}
