import { randomUUID } from 'node:crypto';
import { parseDate, todayIso } from '../dates.ts';
import { refuse } from '../errors.ts';
import { nowIso, type Register } from '../register.ts';
import { readSettings } from '../settings/settings.ts';
import { fileOrText } from './age.ts';
import { fingerprint, keyIdHex, parsePublicKeyFile } from './minisign.ts';

/**
 * Headquarters' registry of branch signing keys. A branch may have several keys over time (a new PC, a
 * lost key); each is valid from a date and may be revoked. A package is accepted only under a key of its
 * own branch that is not revoked.
 */
export interface TrustedKey {
  branchCode: string;
  keyId: string;
  publicKey: Buffer;
  fingerprint: string;
  validFrom: string;
  revokedAt: string | null;
}

async function requireHq(reg: Register): Promise<void> {
  if ((await readSettings(reg.db)).kind !== 'hq') {
    refuse('keys.not_hq');
  }
}

export async function trustBranchKey(
  reg: Register,
  input: { branch: string; key: string; validFrom?: string; note?: string },
  read: (value: string) => string = fileOrText,
): Promise<TrustedKey> {
  await requireHq(reg);
  const key = parsePublicKeyFile(read(input.key));
  const keyId = keyIdHex(key.keyId);
  const existing = await reg.db('branch_keys').where({ branch_code: input.branch, key_id: keyId }).first();
  if (existing) {
    refuse('keys.already_trusted', { keyId, branch: input.branch });
  }
  const now = nowIso(reg);
  const row = {
    id: randomUUID(),
    branch_code: input.branch,
    key_id: keyId,
    public_key: key.publicKey.toString('base64'),
    fingerprint: fingerprint(key.publicKey),
    valid_from: input.validFrom ? parseDate(input.validFrom, 'validFrom') : todayIso(reg.clock()),
    revoked_at: null,
    note: input.note ?? null,
    created_at: now,
    updated_at: now,
  };
  await reg.db('branch_keys').insert(row);
  return (await trustedKeys(reg, input.branch)).find((k) => k.keyId === keyId)!;
}

export async function revokeBranchKey(
  reg: Register,
  input: { branch: string; keyId: string; revokedAt?: string },
): Promise<TrustedKey> {
  await requireHq(reg);
  const row = await reg
    .db('branch_keys')
    .where({ branch_code: input.branch, key_id: input.keyId.toUpperCase() })
    .first();
  if (!row) refuse('keys.not_trusted', { keyId: input.keyId, branch: input.branch });
  const revokedAt = input.revokedAt ? parseDate(input.revokedAt, 'revokedAt') : todayIso(reg.clock());
  await reg
    .db('branch_keys')
    .where({ id: row.id })
    .update({ revoked_at: revokedAt, updated_at: nowIso(reg) });
  return (await trustedKeys(reg, input.branch)).find((k) => k.keyId === row.key_id)!;
}

export async function trustedKeys(reg: Register, branch?: string): Promise<TrustedKey[]> {
  const q = reg.db('branch_keys').orderBy(['branch_code', 'valid_from']);
  if (branch) q.where({ branch_code: branch });
  const rows: Array<Record<string, string | null>> = await q;
  return rows.map((r) => ({
    branchCode: r.branch_code!,
    keyId: r.key_id!,
    publicKey: Buffer.from(r.public_key!, 'base64'),
    fingerprint: r.fingerprint!,
    validFrom: r.valid_from!,
    revokedAt: r.revoked_at ?? null,
  }));
}
