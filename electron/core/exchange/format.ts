import { z } from 'zod';
import { SNAPSHOT_TABLES } from '../../../migrations/006_hq_snapshots.ts';
import { MAX_SEQ } from './limits.ts';

/** The package format: what a manifest says, and which tables travel. */
export const PACKAGE_FORMAT = 'aqniet-package';
export const FORMAT_VERSION = 1;

/**
 * The branch's whole register, one JSONL file per table (the same tables headquarters keeps snapshots of);
 * derived list columns stay home.
 */
export const PACKAGE_TABLES = SNAPSHOT_TABLES;
export const DERIVED_COLUMNS = new Set(['sort_key_ru', 'sort_key_kk', 'search_text']);

const shortText = (max: number) => z.string().max(max);

/** Read only after its signature has been checked; still bounded, since a branch's program may be broken. */
export const ManifestSchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.number().int(),
  schemaVersion: z.number().int().positive(),
  appVersion: shortText(40),
  branch: z.object({ code: z.string().regex(/^[A-Z0-9_-]{2,16}$/), name: shortText(300) }),
  period: z.string().regex(/^\d{4}-Q[1-4]$/),
  seq: z.number().int().positive().max(MAX_SEQ),
  createdAt: z.iso.datetime(),
  signer: z.object({ keyId: z.string().regex(/^[0-9A-F]{16}$/), fingerprint: shortText(40) }),
  recipientFingerprint: shortText(40),
  files: z
    .array(
      z.object({
        path: shortText(100),
        bytes: z.number().int().nonnegative(),
        rows: z.number().int().nonnegative(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .max(64),
});
export type Manifest = z.output<typeof ManifestSchema>;

export function trustedComment(m: Pick<Manifest, 'branch' | 'period' | 'seq'>): string {
  return `branch=${m.branch.code} period=${m.period} seq=${m.seq}`;
}

export function packageFileName(m: Pick<Manifest, 'branch' | 'period' | 'seq'>): string {
  return `${m.branch.code}-${m.period.replace('-', '')}-${m.seq}.aqpkg`;
}
