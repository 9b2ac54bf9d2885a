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
  if (!line || !/^age1[02-9ac-hj-np-z]{58}$/.test(line)) {
    throw refusal('exchange.invalid_recipient');
  }
  return line;
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
