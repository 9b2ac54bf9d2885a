import { createHash } from 'node:crypto';
import { SCHEMA_VERSION } from '../../../migrations/index.ts';
import { RegisterError } from '../errors.ts';
import type { Register } from '../register.ts';
import { decryptWith } from './age.ts';
import { FORMAT_VERSION, ManifestSchema, PACKAGE_FORMAT, trustedComment, type Manifest } from './format.ts';
import { hqIdentity } from './keys.ts';
import { verifyMinisign } from './minisign.ts';
import { trustedKeys } from './registry.ts';
import { readZip } from './zip.ts';

/**
 * Headquarters' checks of one package, in the order the issue fixes, each refusing with its own code and a
 * sentence naming the branch, the key and what was expected versus found. Nothing here writes anything.
 */
export interface VerifiedPackage {
  manifest: Manifest;
  files: Record<string, Uint8Array>;
  signerKeyId: string;
}

function fail(code: string, message: string, messageRu: string): never {
  throw new RegisterError(code, message, messageRu);
}

export async function verifyPackage(reg: Register, bytes: Uint8Array): Promise<VerifiedPackage> {
  // 1. age: addressed to this headquarters, intact, complete
  const zip = await decryptWith(bytes, await hqIdentity(reg));
  // 2. ZIP: allowed names only, sizes capped before inflating
  const files = readZip(zip);
  // 3. manifest: our format, a version this app reads, a schema it knows
  const manifestBytes = files['manifest.json'];
  const signature = files['manifest.json.minisig'];
  if (!manifestBytes || !signature)
    fail('package.bad_manifest', 'the package has no signed manifest', 'В пакете нет подписанного манифеста');
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(manifestBytes).toString('utf8'));
  } catch {
    fail('package.bad_manifest', 'manifest.json is not JSON', 'manifest.json не является JSON');
  }
  const head = raw as { format?: unknown; formatVersion?: unknown; schemaVersion?: unknown };
  if (head?.format !== PACKAGE_FORMAT)
    fail(
      'package.unknown_format',
      `not an ${PACKAGE_FORMAT} (format "${String(head?.format)}")`,
      `Это не пакет ${PACKAGE_FORMAT} (формат «${String(head?.format)}»)`,
    );
  if (head.formatVersion !== FORMAT_VERSION) {
    fail(
      'package.format_version',
      `format version ${String(head.formatVersion)}, this app reads ${FORMAT_VERSION}`,
      `Версия формата ${String(head.formatVersion)}, программа читает версию ${FORMAT_VERSION}; обновите программу`,
    );
  }
  if (typeof head.schemaVersion === 'number' && head.schemaVersion > SCHEMA_VERSION) {
    fail(
      'package.newer_schema',
      `schema ${head.schemaVersion} is newer than this app's ${SCHEMA_VERSION}`,
      `Схема данных ${head.schemaVersion} новее, чем у этой программы (${SCHEMA_VERSION}); обновите программу`,
    );
  }
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success)
    fail(
      'package.bad_manifest',
      `manifest.json is malformed: ${parsed.error.issues[0]?.path.join('.')}`,
      'manifest.json заполнен неверно',
    );
  const manifest = parsed.data;
  const branch = manifest.branch.code;

  // 4. signature: a key registered for this branch and not revoked
  const keys = await trustedKeys(reg);
  const keyId = manifest.signer.keyId;
  const own = keys.filter((k) => k.branchCode === branch);
  const match = own.find((k) => k.keyId === keyId);
  if (!match) {
    const elsewhere = keys.find((k) => k.keyId === keyId);
    if (elsewhere) {
      fail(
        'package.other_branch_key',
        `branch ${branch}: the package is signed with key ${keyId}, registered for branch ${elsewhere.branchCode}`,
        `Филиал ${branch}: пакет подписан ключом ${keyId}, зарегистрированным для филиала ${elsewhere.branchCode}`,
      );
    }
    fail(
      'package.unknown_key',
      `branch ${branch}: key ${keyId} is not registered (registered: ${own.map((k) => k.keyId).join(', ') || 'none'})`,
      `Филиал ${branch}: ключ ${keyId} не зарегистрирован (зарегистрированы: ${own.map((k) => k.keyId).join(', ') || 'нет'})`,
    );
  }
  if (match.revokedAt) {
    fail(
      'package.revoked_key',
      `branch ${branch}: key ${keyId} was revoked on ${match.revokedAt}`,
      `Филиал ${branch}: ключ ${keyId} отозван ${match.revokedAt}`,
    );
  }
  const checked = verifyMinisign(Buffer.from(manifestBytes), Buffer.from(signature).toString('utf8'), {
    keyId: Buffer.from(keyId, 'hex').reverse(),
    publicKey: match.publicKey,
  });
  if (!checked.ok || checked.trustedComment !== trustedComment(manifest)) {
    fail(
      'package.bad_signature',
      `branch ${branch}: the manifest's signature does not verify with key ${keyId}`,
      `Филиал ${branch}: подпись манифеста не сходится с ключом ${keyId} — пакет изменён`,
    );
  }

  // 5. the files are exactly those the manifest lists, byte for byte
  const listed = new Set(manifest.files.map((f) => f.path));
  const present = Object.keys(files).filter((n) => n !== 'manifest.json' && n !== 'manifest.json.minisig');
  const extra = present.filter((n) => !listed.has(n));
  const missing = [...listed].filter((n) => !files[n]);
  if (extra.length || missing.length) {
    fail(
      'package.file_set',
      `branch ${branch}: files not in the manifest: ${extra.join(', ') || '—'}; missing: ${missing.join(', ') || '—'}`,
      `Филиал ${branch}: лишние файлы: ${extra.join(', ') || '—'}; недостающие: ${missing.join(', ') || '—'}`,
    );
  }
  for (const f of manifest.files) {
    const data = files[f.path]!;
    const hash = createHash('sha256').update(data).digest('hex');
    if (hash !== f.sha256 || data.length !== f.bytes) {
      fail(
        'package.hash_mismatch',
        `branch ${branch}: ${f.path} is not the file that was signed (SHA-256 ${hash.slice(0, 12)}…, expected ${f.sha256.slice(0, 12)}…)`,
        `Филиал ${branch}: файл ${f.path} не тот, что был подписан`,
      );
    }
  }
  return { manifest, files, signerKeyId: keyId };
}
