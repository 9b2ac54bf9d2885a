import fs from 'node:fs';
import * as age from 'age-encryption';
import { refusal } from '../errors.ts';

/**
 * Encryption to headquarters in the `age` v1 format (library `age-encryption`), so the stock `age` tool
 * decrypts what the app writes and the other way round. Headquarters holds an X25519 identity
 * (`AGE-SECRET-KEY-1…`); branches encrypt to its recipient (`age1…`).
 */
export async function generateHqIdentity(): Promise<{ identity: string; recipient: string }> {
  const identity = await age.generateIdentity();
  return { identity, recipient: await age.identityToRecipient(identity) };
}

export async function recipientOf(identity: string): Promise<string> {
  return age.identityToRecipient(identity.trim());
}

/** An `age1…` recipient, given as the line itself or as a file's text (comments allowed). */
export function parseRecipient(text: string): string {
  const line = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l && !l.startsWith('#'));
  const candidate = line?.toLowerCase();
  if (!candidate || !/^age1[02-9ac-hj-np-z]{58}$/.test(candidate))
    throw refusal('exchange.invalid_recipient');
  // one wrong or swapped character is caught here, with a sentence, not at the first export
  if (!bech32Valid(candidate)) throw refusal('exchange.recipient_mistyped');
  return candidate;
}

const BECH32_CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

/** BIP-173's checksum (age recipients are bech32, not bech32m): the polymod of HRP and data is 1. */
export function bech32Valid(text: string): boolean {
  const split = text.lastIndexOf('1');
  if (split < 1 || split + 7 > text.length) return false;
  const hrp = text.slice(0, split);
  const values = [...hrp].map((c) => c.charCodeAt(0) >> 5);
  values.push(0, ...[...hrp].map((c) => c.charCodeAt(0) & 31));
  for (const c of text.slice(split + 1)) {
    const v = BECH32_CHARSET.indexOf(c);
    if (v < 0) return false;
    values.push(v);
  }
  const generators = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let check = 1;
  for (const v of values) {
    const top = check >>> 25;
    check = ((check & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) check ^= generators[i]!;
  }
  return check === 1;
}

/**
 * Keys and recipients are handed over as files or pasted as text: a path that exists is read, anything
 * else is taken as the text itself.
 */
export function fileOrText(value: string): string {
  return fs.existsSync(value) ? fs.readFileSync(value, 'utf8') : value;
}

export async function encryptTo(plaintext: Uint8Array, recipient: string): Promise<Uint8Array> {
  const encrypter = new age.Encrypter();
  encrypter.addRecipient(parseRecipient(recipient));
  return encrypter.encrypt(plaintext);
}

/**
 * Decrypts with headquarters' identity. A file for another recipient and a damaged or truncated file are
 * told apart, because headquarters acts differently on each (ask the branch for the right key, or resend).
 */
const AGE_MAGIC = 'age-encryption.org/v1';

export async function decryptWith(ciphertext: Uint8Array, identity: string): Promise<Uint8Array> {
  const decrypter = new age.Decrypter();
  decrypter.addIdentity(identity.trim());
  try {
    return await decrypter.decrypt(ciphertext);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/no identity matched/.test(message)) {
      throw refusal('package.wrong_recipient');
    }
    // A file that starts like age but breaks off in its header was cut short; anything else is not age.
    const looksLikeAge =
      Buffer.from(ciphertext.subarray(0, AGE_MAGIC.length)).toString('latin1') === AGE_MAGIC;
    if (!looksLikeAge) {
      throw refusal('package.not_age');
    }
    throw refusal('package.damaged');
  }
}
