import fs from 'node:fs';
import { backupDatabase } from '../backups/backups.ts';
import { RegisterError, refusal, refuse } from '../errors.ts';
import { logError } from '../log.ts';
import { counter, type ProgressReporter } from '../progress.ts';
import type { Register } from '../register.ts';
import { readSettings } from '../settings/settings.ts';
import { activeInTwoBranches, branchTransfers, type BranchTransfer, type Duplicate } from './hq-views.ts';
import { MAX_PACKAGE_BYTES } from './limits.ts';
import { inspectPackage, mergePackage, type MergeOptions, type MergeResult } from './merge.ts';

/**
 * A batch of packages: every file is looked at before the first merge (a path that is missing, a folder,
 * not a regular file, too large or unreadable is that file's result, and the others still merge), then
 * each is merged on its own (all or nothing); the register is copied once, before the batch's first write.
 * Exactly one result per file, in the order given; a refusal is a result, never an exception.
 */
export type PackageSource = { name: string; path: string } | { name: string; bytes: Uint8Array };

function rejected(file: string, err: RegisterError): MergeResult {
  return {
    file,
    status: 'rejected',
    code: err.code,
    reason: err.message,
    reasonRu: err.messageRu,
    params: err.params,
    ...(err.details.length ? { details: err.details } : {}),
  };
}

/** Why the source cannot be a package, from its size and kind alone; null when it may be one. */
function checkSource(source: PackageSource): RegisterError | null {
  if ('bytes' in source) {
    return source.bytes.length > MAX_PACKAGE_BYTES
      ? refusal('package.too_large', { bytes: source.bytes.length, max: MAX_PACKAGE_BYTES })
      : null;
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(source.path);
  } catch {
    return refusal('package.not_a_file', { file: source.name });
  }
  if (!stat.isFile()) return refusal('package.not_a_file', { file: source.name });
  if (stat.size > MAX_PACKAGE_BYTES)
    return refusal('package.too_large', { bytes: stat.size, max: MAX_PACKAGE_BYTES });
  return null;
}

/** A small file named by a path (a receipt, a directive): refused when missing or larger than `max`. */
export function readSmallFile(file: string, max: number): Uint8Array {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return refuse('package.not_a_file', { file });
  }
  if (!stat.isFile()) refuse('package.not_a_file', { file });
  if (stat.size > max) refuse('signed.too_large', { bytes: stat.size, max });
  try {
    return fs.readFileSync(file);
  } catch {
    return refuse('package.unreadable', { file });
  }
}

/** A package file named by a path, refused by the same checks as a batch's files. */
export function readPackageFile(file: string): Uint8Array {
  const source = { name: file, path: file };
  const problem = checkSource(source);
  if (problem) throw problem;
  return readSource(source);
}

/** Read only when its turn comes, so a batch holds one package at a time. */
function readSource(source: PackageSource): Uint8Array {
  if ('bytes' in source) return source.bytes;
  try {
    const bytes = fs.readFileSync(source.path);
    // the file may have grown since it was looked at
    if (bytes.length > MAX_PACKAGE_BYTES)
      throw refusal('package.too_large', { bytes: bytes.length, max: MAX_PACKAGE_BYTES });
    return bytes;
  } catch (err) {
    if (err instanceof RegisterError) throw err;
    throw refusal('package.unreadable', { file: source.name });
  }
}

export interface BatchOutcome {
  results: MergeResult[];
  duplicates: Duplicate[];
  transfers: BranchTransfer[];
}

/**
 * Merges (or with `inspect`, only checks and diffs, writing and copying nothing) each package in turn.
 * An unexpected failure in one package is logged and becomes that file's result; the others go on.
 */
export async function mergeBatch(
  reg: Register,
  sources: PackageSource[],
  mode: 'merge' | 'inspect' = 'merge',
  options: MergeOptions & {
    log?: (err: unknown, context: Record<string, unknown>) => string;
    progress?: ProgressReporter;
  } = {},
): Promise<BatchOutcome> {
  const progress = counter(options.progress, sources.length);
  const settings = await readSettings(reg.db);
  if (settings.kind !== 'hq') {
    const notHq = refusal('keys.not_hq');
    return { results: sources.map((s) => rejected(s.name, notHq)), duplicates: [], transfers: [] };
  }
  const problems = sources.map(checkSource);
  const results: MergeResult[] = [];
  // One copy of the register for the batch, made when the first package has passed every check.
  let backup: Promise<unknown> | null = null;
  const beforeWrite = () =>
    (backup ??= backupDatabase(reg.db, reg.file, 'merge', settings.backupsDir)).then(() => undefined);
  // Each package commits on its own; SQLite's automatic checkpoint after each commit copied the pages to
  // the file (and synced it) 20 times for a union's batch, a third of its commit time. One checkpoint after
  // the batch copies each page once; the commits are as durable as before (they are in the WAL).
  const [{ wal_autocheckpoint: pages }] = (await reg.db.raw('PRAGMA wal_autocheckpoint')) as [
    { wal_autocheckpoint: number },
  ];
  if (mode === 'merge') await reg.db.raw('PRAGMA wal_autocheckpoint = 0');
  try {
    await mergeEach();
  } finally {
    if (mode === 'merge') {
      await reg.db.raw(`PRAGMA wal_autocheckpoint = ${Number(pages)}`);
      // only when a package was written: a batch that refused everything leaves the file byte for byte
      if (backup) await reg.db.raw('PRAGMA wal_checkpoint(PASSIVE)');
    }
  }
  const transfers = await branchTransfers(reg);
  return { results, duplicates: await activeInTwoBranches(reg, transfers), transfers };

  async function mergeEach() {
    for (const [i, source] of sources.entries()) {
      const problem = problems[i];
      if (problem) {
        results.push(rejected(source.name, problem));
        progress.step();
        continue;
      }
      try {
        const step = mode === 'merge' ? mergePackage : inspectPackage;
        results.push(await step(reg, readSource(source), source.name, { ...options, beforeWrite }));
      } catch (err) {
        if (err instanceof RegisterError) {
          results.push(rejected(source.name, err));
          continue;
        }
        // the stack goes to the log, never to the person: the result names the log's record
        const logId = (options.log ?? logError)(err, { op: `exchange.${mode}`, file: source.name });
        results.push(rejected(source.name, refusal('package.internal', { file: source.name, logId })));
      } finally {
        progress.step();
      }
    }
  }
}
