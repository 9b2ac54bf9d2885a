import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { RegisterError } from '../errors.ts';

/**
 * Ed25519 signing in minisign's formats (Node's own crypto, no extra library), so headquarters and anyone
 * else can check a branch's signature with the stock tool: `minisign -Vm manifest.json -p branch.pub`.
 *
 * Public key file:  "untrusted comment: …" + base64("Ed" ‖ key id (8 bytes, little-endian) ‖ public key)
 * Signature file:   "untrusted comment: …" + base64("ED" ‖ key id ‖ Ed25519(BLAKE2b-512(message)))
 *                   "trusted comment: …"   + base64(Ed25519(signature ‖ trusted comment))
 */
export interface SigningKey {
  keyId: Buffer;
  publicKey: Buffer;
  privateKey: KeyObject;
}

export function generateSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { keyId: randomBytes(8), publicKey: rawPublicKey(publicKey), privateKey };
}

function rawPublicKey(key: KeyObject): Buffer {
  return Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url');
}

function publicKeyObject(raw: Buffer): KeyObject {
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
    format: 'jwk',
  });
}

/** The key id as minisign prints it: the 8 bytes read as a little-endian number, in upper-case hex. */
export function keyIdHex(keyId: Buffer): string {
  return Buffer.from(keyId).reverse().toString('hex').toUpperCase();
}

/** A short fingerprint a chair can read aloud over the phone: SHA-256 of the key, four groups of four. */
export function fingerprint(publicKey: Buffer): string {
  const hex = createHash('sha256').update(publicKey).digest('hex').toUpperCase().slice(0, 16);
  return hex.match(/.{4}/g)!.join('-');
}

export function publicKeyFile(key: Pick<SigningKey, 'keyId' | 'publicKey'>): string {
  const body = Buffer.concat([Buffer.from('Ed'), key.keyId, key.publicKey]).toString('base64');
  return `untrusted comment: minisign public key ${keyIdHex(key.keyId)}\n${body}\n`;
}

function invalid(what: string, ru: string): RegisterError {
  return new RegisterError('signature.invalid_format', what, ru);
}

export function parsePublicKeyFile(text: string): { keyId: Buffer; publicKey: Buffer } {
  const line = text.split(/\r?\n/).find((l) => l.trim() && !l.startsWith('untrusted comment:'));
  const raw = Buffer.from(line?.trim() ?? '', 'base64');
  if (raw.length !== 42 || raw.subarray(0, 2).toString() !== 'Ed') {
    throw invalid('not a minisign public key', 'Это не открытый ключ minisign');
  }
  return { keyId: raw.subarray(2, 10), publicKey: raw.subarray(10) };
}

/** The private key with its key id, for a file the user keeps (PKCS#8 PEM plus the id). */
export function privateKeyFile(key: SigningKey): string {
  return `aqniet-signing-key ${key.keyId.toString('hex')}\n${key.privateKey.export({ format: 'pem', type: 'pkcs8' })}`;
}

export function parsePrivateKeyFile(text: string): SigningKey {
  const match = /^aqniet-signing-key ([0-9a-f]{16})\n([\s\S]+)$/.exec(text);
  if (!match) throw invalid('not an Aqniet signing key file', 'Это не файл ключа подписи Aqniet');
  const privateKey = createPrivateKey(match[2]!);
  return {
    keyId: Buffer.from(match[1]!, 'hex'),
    publicKey: rawPublicKey(createPublicKey(privateKey)),
    privateKey,
  };
}

function blake2b(message: Buffer): Buffer {
  return createHash('blake2b512').update(message).digest();
}

export function signMinisign(
  message: Buffer,
  key: SigningKey,
  trustedComment: string,
  untrustedComment = 'signature from Aqniet Register',
): string {
  if (/[\r\n]/.test(trustedComment))
    throw invalid('a trusted comment is one line', 'Доверенный комментарий должен быть одной строкой');
  const signature = sign(null, blake2b(message), key.privateKey);
  const globalSignature = sign(null, Buffer.concat([signature, Buffer.from(trustedComment)]), key.privateKey);
  return [
    `untrusted comment: ${untrustedComment}`,
    Buffer.concat([Buffer.from('ED'), key.keyId, signature]).toString('base64'),
    `trusted comment: ${trustedComment}`,
    globalSignature.toString('base64'),
    '',
  ].join('\n');
}

export type SignatureProblem = 'format' | 'key' | 'signature';

/** A signature file's parts, read without trusting any of them: they are checked against a key. */
export interface MinisignSignature {
  algorithm: 'ED' | 'Ed';
  keyId: Buffer;
  signature: Buffer;
  trustedComment: string;
  globalSignature: Buffer;
}

/** Splits a minisign signature file into its parts, or null when it is not one. */
export function parseMinisignSignature(signatureText: string): MinisignSignature | null {
  const lines = signatureText.split(/\r?\n/);
  if (
    lines.length < 4 ||
    !lines[0]!.startsWith('untrusted comment:') ||
    !lines[2]!.startsWith('trusted comment: ')
  ) {
    return null;
  }
  const sig = Buffer.from(lines[1]!.trim(), 'base64');
  const globalSignature = Buffer.from(lines[3]!.trim(), 'base64');
  const algorithm = sig.subarray(0, 2).toString();
  if (sig.length !== 74 || globalSignature.length !== 64 || (algorithm !== 'ED' && algorithm !== 'Ed'))
    return null;
  return {
    algorithm,
    keyId: sig.subarray(2, 10),
    signature: sig.subarray(10),
    trustedComment: lines[2]!.slice('trusted comment: '.length),
    globalSignature,
  };
}

/**
 * Checks a minisign signature of `message` against a public key; returns the trusted comment, or the
 * problem: a malformed file, another key's signature, or a signature that does not match.
 */
export function verifyMinisign(
  message: Buffer,
  signatureText: string | MinisignSignature,
  key: { keyId: Buffer; publicKey: Buffer },
):
  | { ok: true; trustedComment: string; keyId: Buffer }
  | { ok: false; problem: SignatureProblem; keyId?: Buffer } {
  const parsed = typeof signatureText === 'string' ? parseMinisignSignature(signatureText) : signatureText;
  if (!parsed) return { ok: false, problem: 'format' };
  const { keyId, signature, trustedComment } = parsed;
  if (!keyId.equals(key.keyId)) return { ok: false, problem: 'key', keyId };
  const pub = publicKeyObject(key.publicKey);
  const signed = parsed.algorithm === 'ED' ? blake2b(message) : message;
  const good =
    verify(null, signed, pub, signature) &&
    verify(null, Buffer.concat([signature, Buffer.from(trustedComment)]), pub, parsed.globalSignature);
  return good ? { ok: true, trustedComment, keyId } : { ok: false, problem: 'signature', keyId };
}
