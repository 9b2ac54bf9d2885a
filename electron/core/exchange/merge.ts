import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import { SNAPSHOT_TABLES } from '../../../migrations/006_hq_snapshots.ts';
import type { RefusalParams } from '../../shared/refusals/index.ts';
import { insertMany } from '../db/bulk.ts';
import { refusal, type RowProblem } from '../errors.ts';
import { memberKeyColumns, type KeyedPerson } from '../members/list-keys.ts';
import { nowIso, today, type Register, type Tx } from '../register.ts';
import { canonicalJson } from './canonical-json.ts';
import { DERIVED_COLUMNS, type Manifest } from './format.ts';
import { CLOCK_SKEW_MS, SEQ_STEP } from './limits.ts';
import { OFFICE_UTC_OFFSET_HOURS } from '../dates.ts';
import { formatDate } from '../../shared/format.ts';
import { readRows, type Row } from './rows.ts';
import { validateSnapshot, type Snapshot } from './validate.ts';
import { verifyPackage } from './verify.ts';

/**
 * Headquarters merges a package: every check of verify.ts (authenticate first, bounded), the sequence
 * number (stale, duplicate, conflicting or jumping packages change nothing), then every row with the
 * branch's own rules (validate.ts); then, in one transaction, the branch's snapshot is replaced and the
 * import recorded with its diff against the previous snapshot.
 */
/** `ready`: inspected, would be accepted by a merge. */
export type MergeStatus = 'accepted' | 'duplicate' | 'rejected' | 'ready';

/** Something headquarters should know about an accepted package (the branch clock, say). */
export interface MergeWarning {
  code: 'package.clock_skew';
  params: RefusalParams;
  message: string;
  messageRu: string;
}

export interface MergeResult {
  file: string;
  status: MergeStatus;
  code?: string;
  reason?: string;
  reasonRu?: string;
  params?: RefusalParams;
  details?: RowProblem[];
  branch?: string;
  period?: string;
  seq?: number;
  counts?: Record<string, number>;
  diff?: Record<string, { added: number; changed: number; removed: number }>;
  warnings?: MergeWarning[];
}

export interface MergeOptions {
  /** Headquarters has confirmed with the branch a package number far past the last one accepted. */
  confirmSeqJump?: boolean;
  /** Runs once every check has passed, just before the first write (the batch's backup). */
  beforeWrite?: () => Promise<void>;
}

async function columnsOf(db: Tx, table: string): Promise<string[]> {
  const info: Array<{ name: string }> = await db.raw(`PRAGMA table_info(hq_${table})`);
  return info.map((c) => c.name).filter((c) => c !== 'branch_code');
}

async function snapshotColumns(db: Tx): Promise<Record<string, string[]>> {
  const columns: Record<string, string[]> = {};
  for (const table of SNAPSHOT_TABLES) columns[table] = await columnsOf(db, table);
  return columns;
}

function rowKey(r: Row, columns: string[]): string {
  return canonicalJson(Object.fromEntries(columns.map((c) => [c, r[c] ?? null])));
}

async function diffAgainst(db: Tx, branch: string, rows: Snapshot, columns: Record<string, string[]>) {
  const diff: Record<string, { added: number; changed: number; removed: number }> = {};
  for (const table of SNAPSHOT_TABLES) {
    // Derived columns are headquarters' own (filled at merge): not part of what the branch changed.
    const compared = columns[table]!.filter((c) => !DERIVED_COLUMNS.has(c));
    const old: Row[] = await db(`hq_${table}`).where({ branch_code: branch }).select(compared);
    const before = new Map(old.map((r) => [String(r.id), rowKey(r, compared)]));
    let added = 0;
    let changed = 0;
    for (const r of rows[table]) {
      const was = before.get(String(r.id));
      if (was === undefined) added++;
      else if (was !== rowKey(r, compared)) changed++;
      before.delete(String(r.id));
    }
    diff[table] = { added, changed, removed: before.size };
  }
  return diff;
}

/**
 * Ids are unique across the union, not only within a branch (they are UUIDs), and union-wide reports join
 * on them: a package reusing another branch's ids (a register copied from another branch's) is refused.
 * Checked after the rows are in place, inside the merge's transaction.
 */
async function refuseIdsOfOtherBranches(trx: Tx, branch: string): Promise<void> {
  for (const table of SNAPSHOT_TABLES) {
    if (table === 'quarter_actions') continue; // numbered per branch, referenced by nothing
    const clash: Array<{ id: string; other: string }> = await trx.raw(
      `SELECT n.id, o.branch_code AS other FROM hq_${table} n JOIN hq_${table} o ON o.id = n.id
       WHERE n.branch_code = ? AND o.branch_code <> ? LIMIT 1`,
      [branch, branch],
    );
    if (clash[0])
      throw refusal('package.ids_taken', { branch, table, id: clash[0].id, other: clash[0].other });
  }
}

/** For tests: a hook that runs inside the merge transaction (e.g. to inject a crash). */
export const mergeHooks: { afterDelete?: () => void } = {};

interface PreparedPackage {
  manifest: Manifest;
  rows: Snapshot;
  sha: string;
  manifestSha256: string;
  signerKeyId: string;
  warnings: MergeWarning[];
}

/** Only forward, by at most SEQ_STEP unless confirmed; the very package accepted last time is a duplicate. */
async function checkSequence(
  db: Tx,
  manifest: Manifest,
  sha: string,
  options: MergeOptions,
): Promise<'duplicate' | null> {
  const branch = manifest.branch.code;
  const last: { seq: number; package_sha256: string } | undefined = await db('package_imports')
    .where({ branch_code: branch })
    .orderBy('seq', 'desc')
    .first('seq', 'package_sha256');
  const lastSeq = last ? Number(last.seq) : 0;
  if (last && manifest.seq < lastSeq)
    throw refusal('package.stale', { branch, seq: manifest.seq, last: lastSeq });
  if (last && manifest.seq === lastSeq) {
    if (last.package_sha256 === sha) return 'duplicate';
    throw refusal('package.conflict', { branch, seq: manifest.seq });
  }
  if (manifest.seq > lastSeq + SEQ_STEP && !options.confirmSeqJump)
    throw refusal('package.seq_jump', { branch, seq: manifest.seq, last: lastSeq, step: SEQ_STEP });
  return null;
}

function clockWarnings(reg: Register, manifest: Manifest): MergeWarning[] {
  const skew = Date.parse(manifest.createdAt) - reg.clock().getTime();
  if (!Number.isFinite(skew) || Math.abs(skew) <= CLOCK_SKEW_MS) return [];
  // the sentence says how far apart, not which way: either clock may be the wrong one
  // as the office reads a time: dd.mm.yyyy hh:mm in Kazakhstan (UTC+5)
  const local = new Date(Date.parse(manifest.createdAt) + OFFICE_UTC_OFFSET_HOURS * 3_600_000).toISOString();
  const createdAt = `${formatDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
  const params = { createdAt, hours: Math.round(Math.abs(skew) / 3_600_000) };
  const worded = refusal('package.clock_skew', params);
  return [{ code: 'package.clock_skew', params, message: worded.message, messageRu: worded.messageRu }];
}

/** The branch's tables as rows headquarters stores: its own list keys computed, nothing derived taken on trust. */
function snapshotRows(verified: Awaited<ReturnType<typeof verifyPackage>>, today: string): Snapshot {
  const { manifest } = verified;
  const branch = manifest.branch.code;
  const problems: RowProblem[] = [];
  const snapshot = {} as Snapshot;
  for (const table of SNAPSHOT_TABLES) {
    const name = `data/${table}.jsonl`;
    const declaredRows = manifest.files.find((f) => f.path === name)!.rows;
    snapshot[table] = readRows(verified.file(name), { table, name, branch, declaredRows }, problems);
  }
  if (problems.length) throw refusal('package.bad_rows', { branch, count: problems.length }, problems);
  validateSnapshot(snapshot, branch, today);
  snapshot.members = snapshot.members.map((m) => ({
    ...m,
    ...memberKeyColumns(m as unknown as KeyedPerson),
  }));
  return snapshot;
}

/**
 * Every check a package goes through before anything is written: decryption, structure, signature,
 * hashes, the sequence number and the rows. Returns `duplicate` for the very package accepted last time.
 */
async function preparePackage(
  reg: Register,
  bytes: Uint8Array,
  fileName: string,
  options: MergeOptions,
): Promise<PreparedPackage | MergeResult> {
  const verified = await verifyPackage(reg, bytes);
  const { manifest, signerKeyId, manifestSha256 } = verified;
  const sha = createHash('sha256').update(bytes).digest('hex');
  if ((await checkSequence(reg.db, manifest, sha, options)) === 'duplicate') {
    const { code: branch } = manifest.branch;
    return { file: fileName, status: 'duplicate', branch, period: manifest.period, seq: manifest.seq };
  }
  const rows = snapshotRows(verified, today(reg));
  return { manifest, rows, sha, manifestSha256, signerKeyId, warnings: clockWarnings(reg, manifest) };
}

/** What a package would change, without changing anything: for the screen before «Принять». */
export async function inspectPackage(
  reg: Register,
  bytes: Uint8Array,
  fileName: string,
  options: MergeOptions = {},
): Promise<MergeResult> {
  const prepared = await preparePackage(reg, bytes, fileName, options);
  if ('status' in prepared) return prepared;
  const { manifest, rows, warnings } = prepared;
  const branch = manifest.branch.code;
  const diff = await diffAgainst(reg.db, branch, rows, await snapshotColumns(reg.db));
  const counts = Object.fromEntries(SNAPSHOT_TABLES.map((t) => [t, rows[t].length]));
  return {
    file: fileName,
    status: 'ready',
    branch,
    period: manifest.period,
    seq: manifest.seq,
    counts,
    diff,
    warnings,
  };
}

/** One package, all or nothing; the batch has already checked its files and copied the register. */
export async function mergePackage(
  reg: Register,
  bytes: Uint8Array,
  fileName: string,
  options: MergeOptions = {},
): Promise<MergeResult> {
  const prepared = await preparePackage(reg, bytes, fileName, options);
  if ('status' in prepared) return prepared;
  const { manifest, rows, sha, signerKeyId, warnings } = prepared;
  const branch = manifest.branch.code;

  await options.beforeWrite?.();
  const result = await reg.db.transaction(async (trx) => {
    // Checked again where it is written: another merge of the same branch may have committed meanwhile.
    if ((await checkSequence(trx, manifest, sha, options)) === 'duplicate') return null;
    const columns = await snapshotColumns(trx);
    const diff = await diffAgainst(trx, branch, rows, columns);
    for (const table of SNAPSHOT_TABLES) await trx(`hq_${table}`).where({ branch_code: branch }).delete();
    mergeHooks.afterDelete?.();
    const counts: Record<string, number> = {};
    for (const table of SNAPSHOT_TABLES) {
      // Only the columns this database knows: names come from the package, values are bound parameters.
      await insertMany(trx, `hq_${table}`, rows[table], columns[table]!, { branch_code: branch });
      counts[table] = rows[table].length;
    }
    await refuseIdsOfOtherBranches(trx, branch);
    await trx('package_imports').insert({
      id: randomUUID(),
      branch_code: branch,
      period: manifest.period,
      seq: manifest.seq,
      package_sha256: sha,
      file_name: path.basename(fileName),
      signer_key_id: signerKeyId,
      created_at_branch: manifest.createdAt,
      manifest_sha256: prepared.manifestSha256,
      imported_at: nowIso(reg),
      counts: JSON.stringify(counts),
      diff: JSON.stringify(diff),
    });
    return { counts, diff };
  });
  const head = { file: fileName, branch, period: manifest.period, seq: manifest.seq };
  if (!result) return { ...head, status: 'duplicate' };
  return { ...head, status: 'accepted', ...result, warnings };
}
