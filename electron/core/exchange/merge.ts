import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import { SNAPSHOT_TABLES } from '../../../migrations/006_hq_snapshots.ts';
import { insertMany } from '../db/bulk.ts';
import { counter, type ProgressReporter } from '../progress.ts';
import { backupDatabase } from '../db/open.ts';
import { RegisterError, type RowProblem } from '../errors.ts';
import { iinProblem } from '../ids/iin.ts';
import { nowIso, type Register, type Tx } from '../register.ts';
import { readSettings } from '../settings/settings.ts';
import { canonicalJson } from './canonical-json.ts';
import type { Manifest } from './format.ts';
import { exclusively } from './hq-scope.ts';
import { activeInTwoBranches, branchTransfers, type BranchTransfer, type Duplicate } from './hq-views.ts';
import { verifyPackage } from './verify.ts';

/**
 * Headquarters merges a verified package: after the signature and hash checks, the sequence number
 * (stale, duplicate or conflicting packages change nothing), then every row; then, in one transaction, the
 * branch's snapshot is replaced and the import recorded with its diff against the previous snapshot.
 */
/** `ready`: inspected, would be accepted by a merge. */
export type MergeStatus = 'accepted' | 'duplicate' | 'rejected' | 'ready';

export interface MergeResult {
  file: string;
  status: MergeStatus;
  code?: string;
  reason?: string;
  reasonRu?: string;
  branch?: string;
  period?: string;
  seq?: number;
  counts?: Record<string, number>;
  diff?: Record<string, { added: number; changed: number; removed: number }>;
  warnings?: string[];
}

type Row = Record<string, unknown>;

function fail(code: string, message: string, messageRu: string, details: RowProblem[] = []): never {
  throw new RegisterError(code, message, messageRu, details);
}

async function columnsOf(db: Tx, table: string): Promise<string[]> {
  const info: Array<{ name: string }> = await db.raw(`PRAGMA table_info(hq_${table})`);
  return info.map((c) => c.name).filter((c) => c !== 'branch_code');
}

function parseRows(
  files: Record<string, Uint8Array>,
  manifest: Manifest,
  branch: string,
): Record<string, Row[]> {
  const rows: Record<string, Row[]> = {};
  for (const table of SNAPSHOT_TABLES) {
    const name = `data/${table}.jsonl`;
    if (!files[name])
      fail('package.file_set', `branch ${branch}: ${name} is missing`, `Филиал ${branch}: нет файла ${name}`);
    const lines = Buffer.from(files[name]!)
      .toString('utf8')
      .split('\n')
      .filter((l) => l.trim());
    rows[table] = lines.map((line, i) => {
      try {
        const value = JSON.parse(line) as unknown;
        if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
        return value as Row;
      } catch {
        return fail(
          'package.bad_rows',
          `branch ${branch}: ${name} line ${i + 1} is not a JSON object`,
          `Филиал ${branch}: ${name}, строка ${i + 1} — не объект JSON`,
        );
      }
    });
    const declared = manifest.files.find((f) => f.path === name)?.rows;
    if (declared !== rows[table]!.length) {
      fail(
        'package.bad_rows',
        `branch ${branch}: ${name} has ${rows[table]!.length} rows, the manifest says ${declared}`,
        `Филиал ${branch}: в ${name} ${rows[table]!.length} строк, в манифесте — ${declared}`,
      );
    }
  }
  return rows;
}

/** Row checks: ids present and unique, IINs valid, every reference inside the package. */
function validateRows(rows: Record<string, Row[]>, branch: string): void {
  const problems: RowProblem[] = [];
  const problem = (table: string, line: number, column: string, message: string, messageRu: string) =>
    problems.push({ row: line, column: `${table}.${column}`, message, messageRu });
  const ids: Record<string, Set<string>> = {};
  for (const table of SNAPSHOT_TABLES) {
    ids[table] = new Set();
    rows[table]!.forEach((r, i) => {
      const id = r.id;
      if (id === undefined || id === null || id === '')
        problem(table, i + 1, 'id', 'no id', 'нет идентификатора');
      else if (ids[table]!.has(String(id)))
        problem(table, i + 1, 'id', `id ${String(id)} repeats`, `идентификатор ${String(id)} повторяется`);
      else ids[table]!.add(String(id));
    });
  }
  const ref = (table: string, column: string, target: string, optional = false) =>
    rows[table]!.forEach((r, i) => {
      const v = r[column];
      if ((v === null || v === undefined) && optional) return;
      if (!ids[target]!.has(String(v)))
        problem(
          table,
          i + 1,
          column,
          `refers to a missing ${target} row ${String(v)}`,
          `ссылается на отсутствующую запись ${target} ${String(v)}`,
        );
    });
  rows.members!.forEach((r, i) => {
    if (typeof r.iin !== 'string' || iinProblem(r.iin))
      problem('members', i + 1, 'iin', `IIN ${String(r.iin)} is not valid`, `ИИН ${String(r.iin)} неверен`);
  });
  ref('members', 'org_id', 'orgs');
  ref('member_events', 'member_id', 'members');
  ref('member_events', 'org_id', 'orgs');
  ref('dues_remittances', 'org_id', 'orgs');
  ref('dues_lines', 'remittance_id', 'dues_remittances');
  ref('appeals', 'org_id', 'orgs', true);
  ref('appeals', 'member_id', 'members', true);
  if (problems.length) {
    fail(
      'package.bad_rows',
      `branch ${branch}: ${problems.length} row problem(s) in the package`,
      `Филиал ${branch}: ошибок в строках пакета — ${problems.length}`,
      problems.slice(0, 200),
    );
  }
}

function rowKey(r: Row, columns: string[]): string {
  return canonicalJson(Object.fromEntries(columns.map((c) => [c, r[c] ?? null])));
}

async function diffAgainst(
  db: Tx,
  branch: string,
  rows: Record<string, Row[]>,
  columns: Record<string, string[]>,
) {
  const diff: Record<string, { added: number; changed: number; removed: number }> = {};
  for (const table of SNAPSHOT_TABLES) {
    const old: Row[] = await db(`hq_${table}`).where({ branch_code: branch });
    const before = new Map(old.map((r) => [String(r.id), rowKey(r, columns[table]!)]));
    let added = 0;
    let changed = 0;
    for (const r of rows[table]!) {
      const was = before.get(String(r.id));
      if (was === undefined) added++;
      else if (was !== rowKey(r, columns[table]!)) changed++;
      before.delete(String(r.id));
    }
    diff[table] = { added, changed, removed: before.size };
  }
  return diff;
}

/** For tests: a hook that runs inside the merge transaction (e.g. to inject a crash). */
export const mergeHooks: { afterDelete?: () => void } = {};

interface PreparedPackage {
  manifest: Manifest;
  rows: Record<string, Row[]>;
  sha: string;
  signerKeyId: string;
  warnings: string[];
}

/**
 * Every check a package goes through before anything is written: decryption, structure, signature,
 * hashes, the sequence number and the rows. Returns `duplicate` for the very package accepted last time.
 */
async function preparePackage(
  reg: Register,
  bytes: Uint8Array,
  fileName: string,
): Promise<PreparedPackage | MergeResult> {
  const { manifest, files, signerKeyId } = await verifyPackage(reg, bytes);
  const branch = manifest.branch.code;
  const sha = createHash('sha256').update(bytes).digest('hex');

  // 6. sequence: only forward; the same package again changes nothing
  const last: { seq: number; package_sha256: string } | undefined = await reg
    .db('package_imports')
    .where({ branch_code: branch })
    .orderBy('seq', 'desc')
    .first('seq', 'package_sha256');
  if (last && manifest.seq < last.seq) {
    fail(
      'package.stale',
      `branch ${branch}: package seq ${manifest.seq} is older than the last accepted (${last.seq})`,
      `Филиал ${branch}: пакет № ${manifest.seq} старее последнего принятого (№ ${last.seq})`,
    );
  }
  if (last && manifest.seq === last.seq) {
    if (last.package_sha256 === sha) {
      return { file: fileName, status: 'duplicate', branch, period: manifest.period, seq: manifest.seq };
    }
    fail(
      'package.conflict',
      `branch ${branch}: another package with seq ${manifest.seq} was already accepted`,
      `Филиал ${branch}: другой пакет с № ${manifest.seq} уже принят — содержимое различается`,
    );
  }

  // 7. rows
  const rows = parseRows(files, manifest, branch);
  validateRows(rows, branch);

  const warnings: string[] = [];
  const drift = Math.abs(Date.parse(manifest.createdAt) - reg.clock().getTime());
  if (Number.isFinite(drift) && drift > 7 * 24 * 3600 * 1000) {
    warnings.push(`the branch clock looks off: package created ${manifest.createdAt}`);
  }
  return { manifest, rows, sha, signerKeyId, warnings };
}

async function snapshotColumns(db: Tx): Promise<Record<string, string[]>> {
  const columns: Record<string, string[]> = {};
  for (const table of SNAPSHOT_TABLES) columns[table] = await columnsOf(db, table);
  return columns;
}

/** What a package would change, without changing anything: for the Import screen before "Merge". */
export async function inspectPackage(
  reg: Register,
  bytes: Uint8Array,
  fileName: string,
): Promise<MergeResult> {
  const prepared = await preparePackage(reg, bytes, fileName);
  if ('status' in prepared) return prepared;
  const { manifest, rows, warnings } = prepared;
  const branch = manifest.branch.code;
  const diff = await diffAgainst(reg.db, branch, rows, await snapshotColumns(reg.db));
  const counts = Object.fromEntries(SNAPSHOT_TABLES.map((t) => [t, rows[t]!.length]));
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

/** One package, all or nothing; the batch below has already checked the register and copied it. */
async function mergePackage(reg: Register, bytes: Uint8Array, fileName: string): Promise<MergeResult> {
  const prepared = await preparePackage(reg, bytes, fileName);
  if ('status' in prepared) return prepared;
  const { manifest, rows, sha, signerKeyId, warnings } = prepared;
  const branch = manifest.branch.code;

  const result = await reg.db.transaction(async (trx) => {
    const columns = await snapshotColumns(trx);
    const diff = await diffAgainst(trx, branch, rows, columns);
    for (const table of SNAPSHOT_TABLES) await trx(`hq_${table}`).where({ branch_code: branch }).delete();
    mergeHooks.afterDelete?.();
    const counts: Record<string, number> = {};
    for (const table of SNAPSHOT_TABLES) {
      // Only the columns this database knows: names come from the package, values are bound parameters.
      const known = columns[table]!;
      await insertMany(trx, `hq_${table}`, rows[table]!, known, { branch_code: branch });
      counts[table] = rows[table]!.length;
    }
    await trx('package_imports').insert({
      id: randomUUID(),
      branch_code: branch,
      period: manifest.period,
      seq: manifest.seq,
      package_sha256: sha,
      file_name: path.basename(fileName),
      signer_key_id: signerKeyId,
      created_at_branch: manifest.createdAt,
      imported_at: nowIso(reg),
      counts: JSON.stringify(counts),
      diff: JSON.stringify(diff),
    });
    return { counts, diff };
  });
  return {
    file: fileName,
    status: 'accepted',
    branch,
    period: manifest.period,
    seq: manifest.seq,
    ...result,
    warnings,
  };
}

/**
 * Merges packages one by one (each all-or-nothing) after one copy of the database for the whole batch: a
 * copy per package would copy a growing file twenty times. A rejected package is a result, not an error.
 * With `inspect`, every check runs and the diff is computed, but nothing is copied or written.
 */
export async function mergeBatch(
  reg: Register,
  packages: Array<{ name: string; bytes: () => Uint8Array }>,
  mode: 'merge' | 'inspect' = 'merge',
  report?: ProgressReporter,
): Promise<{ results: MergeResult[]; duplicates: Duplicate[]; transfers: BranchTransfer[] }> {
  const progress = counter(report, packages.length);
  const settings = await readSettings(reg.db);
  const results: MergeResult[] = [];
  if (settings.kind !== 'hq') {
    const refusal = {
      code: 'keys.not_hq',
      reason: 'only a headquarters register merges packages',
      reasonRu: 'Пакеты принимаются только в базе Центрального совета',
    };
    return {
      results: packages.map((p) => ({ file: p.name, status: 'rejected', ...refusal })),
      duplicates: [],
      transfers: [],
    };
  }
  // Not while a report has its branch views open (a backup cannot copy them; see hq-scope.ts).
  return exclusively(reg, async () => {
    if (mode === 'merge') await backupDatabase(reg.db, reg.file, 'merge', settings.backupsDir);
    for (const p of packages) {
      try {
        const step = mode === 'merge' ? mergePackage : inspectPackage;
        results.push(await step(reg, p.bytes(), p.name));
      } catch (err) {
        if (!(err instanceof RegisterError)) throw err;
        results.push({
          file: p.name,
          status: 'rejected',
          code: err.code,
          reason: err.message,
          reasonRu: err.messageRu,
        });
      }
      progress.step();
    }
    const transfers = await branchTransfers(reg);
    return { results, duplicates: await activeInTwoBranches(reg, transfers), transfers };
  });
}
