import { SNAPSHOT_TABLES } from '../../../migrations/006_hq_snapshots.ts';

/**
 * Every cap on what headquarters reads from a package, in one place. Everything before the signature
 * check is written by whoever holds headquarters' public recipient, so each length is capped before it is
 * read; after the signature, the caps still bound what a broken or hostile branch program can make
 * headquarters hold.
 *
 * The memory budget: the package file (≤ 64 MiB), its decrypted ZIP (about the same), and the inflated
 * entries (≤ 256 MiB together, each within its table's cap and exactly its declared size). The caps sit
 * far above the union's real size: a branch of 3,650 members sends 0.6 MB (members 1.8 MB and member
 * events 1.6 MB inflated); the whole union in one branch would be 20 times that.
 *
 * What the rows cost once parsed is bounded by the row caps, not by this budget: every row of a package is
 * held while the snapshot is checked (uniqueness and references need them all). Measured in a process of
 * its own (test/node/children/merge-child.ts): 3,650 members merge at 185 MB peak, 20,000 at 330 MB; a signed
 * package of 100,000 members and events is refused in 6 s at 480 MB, one of 300,000 (the members cap) in
 * 41 s at 1.1 GB. Only a registered branch key can sign such a package; checking rows as a stream into a
 * staging table would make this flat.
 */
const KiB = 1024;
const MiB = 1024 * KiB;

export const MAX_PACKAGE_BYTES = 64 * MiB;
export const MAX_SIGNATURE_BYTES = 64 * KiB;
export const MAX_MANIFEST_BYTES = 1 * MiB;
/** Nesting of the manifest's JSON: the manifest itself, its file list, one entry (and a margin). */
export const MAX_MANIFEST_DEPTH = 4;
export const MAX_ZIP_ENTRIES = 64;
export const MAX_SUMMARY_BYTES = 1 * MiB;
export const MAX_INFLATED_BYTES = 256 * MiB;
/** One row of a table: an appeal with a 4,000-character summary and outcome is about 20 KB. */
export const MAX_LINE_BYTES = 64 * KiB;
/** The highest package number a branch can send: far beyond a century of quarterly packages. */
export const MAX_SEQ = 1_000_000;
/** A package more than this many numbers past the last accepted one needs headquarters' confirmation. */
export const SEQ_STEP = 20;
/** A package's `createdAt` this far from headquarters' clock is reported (the branch clock is off). */
export const CLOCK_SKEW_MS = 2 * 24 * 3600 * 1000;

export type SnapshotTable = (typeof SNAPSHOT_TABLES)[number];

export const TABLE_LIMITS: Record<SnapshotTable, { bytes: number; rows: number }> = {
  orgs: { bytes: 16 * MiB, rows: 20_000 },
  members: { bytes: 128 * MiB, rows: 300_000 },
  member_events: { bytes: 128 * MiB, rows: 1_000_000 },
  dues_rates: { bytes: 1 * MiB, rows: 1_000 },
  dues_remittances: { bytes: 64 * MiB, rows: 300_000 },
  dues_lines: { bytes: 128 * MiB, rows: 1_000_000 },
  quarter_actions: { bytes: 4 * MiB, rows: 20_000 },
  appeals: { bytes: 128 * MiB, rows: 300_000 },
};

/** The cap of a package entry by its name; null for a name no package carries. */
export function entryLimit(name: string): { bytes: number; rows: number } | null {
  if (name === 'manifest.json') return { bytes: MAX_MANIFEST_BYTES, rows: 1 };
  if (name === 'manifest.json.minisig') return { bytes: MAX_SIGNATURE_BYTES, rows: 1 };
  const data = /^data\/([a-z_]+)\.jsonl$/.exec(name);
  if (data) return Object.hasOwn(TABLE_LIMITS, data[1]!) ? TABLE_LIMITS[data[1] as SnapshotTable] : null;
  if (/^summaries\/[a-z_]+\.json$/.test(name)) return { bytes: MAX_SUMMARY_BYTES, rows: 1 };
  return null;
}
