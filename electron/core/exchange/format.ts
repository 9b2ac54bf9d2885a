import { z } from 'zod';
import { SNAPSHOT_TABLES } from '../../../migrations/006_hq_snapshots.ts';

/** The package format: what a manifest says, and which tables travel. */
export const PACKAGE_FORMAT = 'aqniet-package';
export const FORMAT_VERSION = 1;

/**
 * The branch's whole register, one JSONL file per table (the same tables headquarters keeps snapshots of);
 * derived list columns stay home.
 */
export const PACKAGE_TABLES = SNAPSHOT_TABLES;
export const DERIVED_COLUMNS = new Set(['sort_key_ru', 'sort_key_kk', 'search_text']);

export const ManifestSchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.number().int(),
  schemaVersion: z.number().int().positive(),
  appVersion: z.string(),
  branch: z.object({ code: z.string().min(1), name: z.string() }),
  period: z.string().regex(/^\d{4}-Q[1-4]$/),
  seq: z.number().int().positive(),
  createdAt: z.string(),
  signer: z.object({ keyId: z.string().regex(/^[0-9A-F]{16}$/), fingerprint: z.string() }),
  recipientFingerprint: z.string(),
  files: z.array(
    z.object({
      path: z.string(),
      bytes: z.number().int().nonnegative(),
      rows: z.number().int().nonnegative(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
});
export type Manifest = z.output<typeof ManifestSchema>;

export function trustedComment(m: Pick<Manifest, 'branch' | 'period' | 'seq'>): string {
  return `branch=${m.branch.code} period=${m.period} seq=${m.seq}`;
}

export function packageFileName(m: Pick<Manifest, 'branch' | 'period' | 'seq'>): string {
  return `${m.branch.code}-${m.period.replace('-', '')}-${m.seq}.aqpkg`;
}
