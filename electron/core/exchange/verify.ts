import { createHash } from 'node:crypto';
import { SCHEMA_VERSION } from '../../../migrations/index.ts';
import { refusal, refuse } from '../errors.ts';
import type { Register } from '../register.ts';
import { decryptWith } from './age.ts';
import {
  FORMAT_VERSION,
  ManifestSchema,
  PACKAGE_FORMAT,
  PACKAGE_TABLES,
  trustedComment,
  type Manifest,
} from './format.ts';
import { hqIdentity } from './keys.ts';
import {
  MAX_INFLATED_BYTES,
  MAX_MANIFEST_BYTES,
  MAX_MANIFEST_DEPTH,
  MAX_PACKAGE_BYTES,
  MAX_SIGNATURE_BYTES,
  entryLimit,
} from './limits.ts';
import { keyIdHex, parseMinisignSignature, verifyMinisign } from './minisign.ts';
import { trustedKeys, type TrustedKey } from './registry.ts';
import { inflateEntry, openZip, type ZipArchive } from './zip.ts';

/**
 * Headquarters' checks of one package, authenticate first: nothing the sender controls is parsed before
 * the signature over the manifest's exact bytes has been checked, and nothing is read beyond its cap.
 *   1. the file's size; 2. age decryption (addressed to this headquarters, intact);
 *   3. the ZIP's directory (names, count; nothing inflated yet);
 *   4. the signature file (≤ 64 KiB) → its key id → a key registered at headquarters;
 *   5. the manifest's bytes (≤ 1 MiB) against that key's signature — only then parsed as JSON;
 *   6. the manifest: format, version, schema, the signer's branch, the trusted comment;
 *   7. the file set, each file's declared size and row count against its table's cap;
 *   8. each file inflated with its declared size as the cap, and its SHA-256.
 * Rows are read and checked afterwards (rows.ts, validate.ts). Nothing here writes anything.
 */
export interface VerifiedPackage {
  manifest: Manifest;
  signerKeyId: string;
  /** SHA-256 of the manifest's signed bytes: what a receipt names. */
  manifestSha256: string;
  /** A listed file's bytes: inflated within its declared size and checked against its signed hash. */
  file(path: string): Buffer;
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

export async function verifyPackage(reg: Register, bytes: Uint8Array): Promise<VerifiedPackage> {
  if (bytes.length > MAX_PACKAGE_BYTES)
    refuse('package.too_large', { bytes: bytes.length, max: MAX_PACKAGE_BYTES });
  const zip = openZip(await decryptWith(bytes, await hqIdentity(reg)));
  const { signer, manifestBytes } = await authenticate(reg, zip);
  const manifest = readManifest(manifestBytes, signer);
  const branch = manifest.branch.code;
  checkFileSet(zip, manifest);

  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  const file = (path: string): Buffer => {
    const declared = listed.get(path)!;
    const data = inflateEntry(zip, zip.entries.get(path)!, declared.bytes, () =>
      refusal('package.hash_mismatch', { branch, name: path }),
    );
    if (data.length !== declared.bytes || sha256(data) !== declared.sha256)
      refuse('package.hash_mismatch', { branch, name: path });
    return data;
  };
  // Every hash now, one file at a time (rows are read later, again one file at a time).
  for (const f of manifest.files) file(f.path);
  return { manifest, signerKeyId: signer.keyId, manifestSha256: sha256(manifestBytes), file };
}

/** Steps 3–5: the signature file, its key, and the manifest's bytes checked against it. */
async function authenticate(reg: Register, zip: ZipArchive) {
  const sigEntry = zip.entries.get('manifest.json.minisig');
  const manifestEntry = zip.entries.get('manifest.json');
  if (!sigEntry || !manifestEntry) refuse('package.no_signature');
  const signatureText = inflateEntry(zip, sigEntry, MAX_SIGNATURE_BYTES, () =>
    refusal('package.entry_too_large', { name: sigEntry.name, max: MAX_SIGNATURE_BYTES }),
  ).toString('utf8');
  const signature = parseMinisignSignature(signatureText);
  if (!signature) refuse('package.bad_signature_file');
  const keyId = keyIdHex(signature.keyId);
  // Several branches may hold keys with the same id (an id is the key maker's choice): try each.
  const candidates = (await trustedKeys(reg)).filter((k) => k.keyId === keyId);
  if (candidates.length === 0) {
    // The claimed branch is unauthenticated: it only helps the person see which branch to ask.
    const claimed = /^branch=([A-Z0-9_-]{1,16}) /.exec(signature.trustedComment)?.[1] ?? '—';
    refuse('package.unknown_key', { keyId, claimed });
  }
  const manifestBytes = inflateEntry(zip, manifestEntry, MAX_MANIFEST_BYTES, () =>
    refusal('package.entry_too_large', { name: manifestEntry.name, max: MAX_MANIFEST_BYTES }),
  );
  const signer = candidates.find(
    (k) => verifyMinisign(manifestBytes, signature, { keyId: signature.keyId, publicKey: k.publicKey }).ok,
  );
  if (!signer) refuse('package.bad_signature', { branch: candidates[0]!.branchCode, keyId });
  if (signer.revokedAt)
    refuse('package.revoked_key', { branch: signer.branchCode, keyId, revokedAt: signer.revokedAt });
  return { signer: { ...signer, trustedComment: signature.trustedComment }, manifestBytes };
}

/** Deeper than any manifest the program writes: refused before JSON.parse builds it. */
function tooDeep(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_MANIFEST_DEPTH) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** Step 6: the signed manifest, parsed and checked against what the signature says. */
function readManifest(bytes: Buffer, signer: TrustedKey & { trustedComment: string }): Manifest {
  const branch = signer.branchCode;
  const text = bytes.toString('utf8');
  let raw: unknown;
  if (tooDeep(text)) refuse('package.bad_manifest', { branch, detail: 'nesting' });
  try {
    raw = JSON.parse(text);
  } catch {
    refuse('package.bad_manifest', { branch, detail: 'JSON' });
  }
  const head = (raw ?? {}) as { format?: unknown; formatVersion?: unknown; schemaVersion?: unknown };
  if (head.format !== PACKAGE_FORMAT)
    refuse('package.unknown_format', { format: String(head.format).slice(0, 40) });
  if (head.formatVersion !== FORMAT_VERSION)
    refuse('package.format_version', {
      version: String(head.formatVersion).slice(0, 20),
      supported: FORMAT_VERSION,
    });
  if (typeof head.schemaVersion === 'number' && head.schemaVersion > SCHEMA_VERSION)
    refuse('package.newer_schema', { schema: head.schemaVersion, supported: SCHEMA_VERSION });
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success)
    refuse('package.bad_manifest', {
      branch,
      detail: parsed.error.issues[0]?.path.join('.') || 'manifest',
    });
  const manifest = parsed.data;
  if (manifest.branch.code !== branch)
    refuse('package.other_branch_key', {
      branch: manifest.branch.code,
      keyId: signer.keyId,
      keyBranch: branch,
    });
  if (signer.trustedComment !== trustedComment(manifest))
    refuse('package.bad_signature', { branch, keyId: signer.keyId });
  return manifest;
}

/** Step 7: exactly the files the manifest lists (every table's among them), each within its caps. */
function checkFileSet(zip: ZipArchive, manifest: Manifest): void {
  const branch = manifest.branch.code;
  const listed = new Set(manifest.files.map((f) => f.path));
  const own = new Set(['manifest.json', 'manifest.json.minisig']);
  const required = PACKAGE_TABLES.map((t) => `data/${t}.jsonl`);
  const extra = [
    ...[...zip.entries.keys()].filter((n) => !own.has(n) && !listed.has(n)),
    ...[...listed].filter((n) => entryLimit(n) === null || own.has(n)),
  ];
  const missing = [
    ...[...listed].filter((n) => !zip.entries.has(n) && !extra.includes(n)),
    ...required.filter((n) => !listed.has(n)),
  ];
  if (extra.length || missing.length || listed.size !== manifest.files.length) {
    refuse('package.file_set', {
      branch,
      extra: [...new Set(extra)].join(', ') || '—',
      missing: [...new Set(missing)].join(', ') || '—',
    });
  }
  let total = 0;
  for (const f of manifest.files) {
    const limit = entryLimit(f.path)!;
    if (f.bytes > limit.bytes)
      refuse('package.file_too_large', { branch, name: f.path, bytes: f.bytes, max: limit.bytes });
    if (f.rows > limit.rows)
      refuse('package.too_many_rows', { branch, name: f.path, rows: f.rows, max: limit.rows });
    total += f.bytes;
  }
  if (total > MAX_INFLATED_BYTES)
    refuse('package.total_too_large', { branch, bytes: total, max: MAX_INFLATED_BYTES });
}
