import { createHash } from 'node:crypto';
import { refuse } from '../errors.ts';
import type { Register } from '../register.ts';
import { canonicalJson } from './canonical-json.ts';
import { loadSigningKey } from './keys.ts';
import {
  fingerprint,
  keyIdHex,
  parseMinisignSignature,
  parsePublicKeyFile,
  signMinisign,
  verifyMinisign,
} from './minisign.ts';

/**
 * What headquarters signs for a branch (a receipt for a package, a directive): a small text file —
 *   line 1: `aqniet-signed 1 <kind>`; lines 2–5: a minisign signature; then the payload, canonical JSON.
 * Read as packages are: the file is capped, the signature checked over the payload's exact bytes against
 * headquarters' key (which the branch registered), and only then is the payload parsed.
 */
export type SignedKind = 'receipt' | 'directive';

export const MAX_SIGNED_BYTES = 1024 * 1024;
const HEAD = 'aqniet-signed 1';

export async function signDocument(reg: Register, kind: SignedKind, payload: object): Promise<Buffer> {
  const key = await loadSigningKey(reg);
  const body = Buffer.from(canonicalJson(payload), 'utf8');
  const signature = signMinisign(
    body,
    key,
    `aqniet ${kind} ${createHash('sha256').update(body).digest('hex')}`,
  );
  return Buffer.concat([Buffer.from(`${HEAD} ${kind}\n${signature}`), body]);
}

/**
 * The payload of a file headquarters signed, or a refusal: too large, not such a file, not of this kind,
 * or not signed by the key the branch registered for headquarters.
 */
export function openDocument(bytes: Uint8Array, kind: SignedKind, hqKey: string | null): unknown {
  if (bytes.length > MAX_SIGNED_BYTES)
    refuse('signed.too_large', { bytes: bytes.length, max: MAX_SIGNED_BYTES });
  if (!hqKey) refuse('signed.no_hq_key', {});
  const buffer = Buffer.from(bytes);
  const lines: string[] = [];
  let at = 0;
  for (let i = 0; i < 5; i++) {
    const end = buffer.indexOf(0x0a, at);
    if (end < 0 || end - at > 4096) refuse('signed.not_signed_file', {});
    lines.push(buffer.toString('utf8', at, end));
    at = end + 1;
  }
  if (!lines[0]!.startsWith(`${HEAD} `)) refuse('signed.not_signed_file', {});
  const found = lines[0]!.slice(HEAD.length + 1);
  if (found !== kind) refuse('signed.wrong_kind', { kind: found.slice(0, 20) });
  const signature = parseMinisignSignature(`${lines.slice(1).join('\n')}\n`);
  if (!signature) refuse('signed.not_signed_file', {});
  const body = buffer.subarray(at);
  const key = parsePublicKeyFile(hqKey);
  const checked = verifyMinisign(body, signature, key);
  const bodyHash = createHash('sha256').update(body).digest('hex');
  if (!checked.ok || checked.trustedComment !== `aqniet ${kind} ${bodyHash}`)
    refuse('signed.bad_signature', { keyId: keyIdHex(key.keyId), fingerprint: fingerprint(key.publicKey) });
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return refuse('signed.not_signed_file', {});
  }
}

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
