import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pkg from '../../../package.json' with { type: 'json' };
import { SCHEMA_VERSION } from '../../../migrations/index.ts';
import { parseQuarter, periodBounds, quarterLabel, type Quarter } from '../dates.ts';
import { closedQuarters } from '../dues/quarters.ts';
import { refuse } from '../errors.ts';
import { nowIso, type Register, type Tx } from '../register.ts';
import { appealsByCategory } from '../reports/appeals.ts';
import { duesReport } from '../reports/dues.ts';
import { membershipReport } from '../reports/membership.ts';
import { readSettings } from '../settings/settings.ts';
import { encryptTo, fileOrText, parseRecipient } from './age.ts';
import { canonicalJson } from './canonical-json.ts';
import {
  DERIVED_COLUMNS,
  FORMAT_VERSION,
  PACKAGE_FORMAT,
  PACKAGE_TABLES,
  packageFileName,
  trustedComment,
  type Manifest,
} from './format.ts';
import { hqRecipient, loadSigningKey } from './keys.ts';
import { fingerprint, keyIdHex, signMinisign } from './minisign.ts';
import { buildZip } from './zip.ts';
import { counter, type ProgressReporter } from '../progress.ts';

const SEQ = 'exchange.seq';
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The package's data and summary files, each with its manifest entry (size, rows, SHA-256). */
async function packageContents(reg: Register, q: Quarter) {
  const files: Record<string, Uint8Array> = {};
  const entries: Manifest['files'] = [];
  const add = (name: string, text: string, rows: number) => {
    const data = Buffer.from(text, 'utf8');
    files[name] = data;
    entries.push({ path: name, bytes: data.length, rows, sha256: sha256(data) });
  };
  for (const table of PACKAGE_TABLES) {
    const rows: Array<Record<string, unknown>> = await reg.db(table).orderBy('id');
    const lines = rows.map((r) =>
      JSON.stringify(Object.fromEntries(Object.entries(r).filter(([k]) => !DERIVED_COLUMNS.has(k)))),
    );
    add(`data/${table}.jsonl`, lines.map((l) => `${l}\n`).join(''), rows.length);
  }
  const summaries = await quarterSummaries(reg, q);
  for (const [name, value] of Object.entries(summaries))
    add(`summaries/${name}.json`, JSON.stringify(value), 1);
  entries.sort((a, b) => (a.path < b.path ? -1 : 1));
  return { files, entries };
}

/** The quarter's reports as the branch computes them; they travel in the package and show before export. */
async function quarterSummaries(reg: Register, q: Quarter) {
  const { to } = periodBounds(q.year, q.quarter);
  return {
    appeals: await appealsByCategory(reg, { year: q.year, quarter: q.quarter }),
    membership: await membershipReport(reg, to),
    dues: await duesReport(reg, { year: q.year, quarter: q.quarter }, to),
  };
}

async function nextSeq(db: Tx): Promise<number> {
  const row: { value: string } | undefined = await db('settings').where({ key: SEQ }).first('value');
  return Number(row?.value ?? 0) + 1;
}

/**
 * What an export of this quarter would send: rows per table (counted, not serialized — the screen asks
 * again at every change of quarter) and the summaries. Writes nothing.
 */
export async function previewExport(reg: Register, quarter: string) {
  const q = parseQuarter(quarter);
  const summaries = await quarterSummaries(reg, q);
  const files = [];
  for (const table of PACKAGE_TABLES) {
    const [{ n }] = (await reg.db(table).count<{ n: number }[]>({ n: '*' })) as [{ n: number }];
    files.push({ path: `data/${table}.jsonl`, rows: Number(n) });
  }
  return {
    period: quarterLabel(q),
    seq: await nextSeq(reg.db),
    closed: (await closedQuarters(reg.db)).has(quarterLabel(q)),
    files,
    summaries: {
      members: summaries.membership.total.members,
      orgs: summaries.membership.total.orgs,
      appeals: summaries.appeals.total.total,
      duesReceivedTiyn: summaries.dues.total.receivedTiyn,
      duesCompleteness: summaries.dues.total.completeness,
    },
  };
}

/** Packages this branch has written, newest first. */
export async function exportHistory(reg: Register) {
  const rows: Array<Record<string, string | number>> = await reg.db('package_exports').orderBy('seq', 'desc');
  return rows.map((r) => ({
    seq: Number(r.seq),
    period: String(r.period),
    file: String(r.file_name),
    bytes: Number(r.bytes),
    sha256: String(r.package_sha256),
    signerFingerprint: String(r.signer_fingerprint),
    recipientFingerprint: String(r.recipient_fingerprint),
    counts: JSON.parse(String(r.counts)) as Record<string, number>,
    createdAt: String(r.created_at),
    /** Headquarters' receipt, once the branch has imported it: when it accepted the package. */
    acceptedAt: r.accepted_at ? String(r.accepted_at) : null,
    alsoActiveElsewhere: r.receipt
      ? (JSON.parse(String(r.receipt)) as { alsoActiveElsewhere: Array<{ iin: string; branches: string[] }> })
          .alsoActiveElsewhere
      : [],
  }));
}

/**
 * The quarterly package: the branch's whole register and the quarter's summaries, signed (minisign) and
 * encrypted to headquarters (age). The file is written first; only then, in one transaction, the quarter is
 * closed and the sequence number advanced — a failed export changes nothing.
 */
export async function exportPackage(
  reg: Register,
  input: { quarter: string; recipient?: string; out?: string },
  report?: ProgressReporter,
  read: (value: string) => string = fileOrText,
) {
  // Four steps a person waits for: reading the register, signing, encrypting, writing the file.
  const progress = counter(report, 4);
  const settings = await readSettings(reg.db);
  if (settings.kind === 'hq') refuse('exchange.hq_export');
  const q = parseQuarter(input.quarter);
  const period = quarterLabel(q);
  const key = await loadSigningKey(reg);
  const recipient = input.recipient ? parseRecipient(read(input.recipient)) : await hqRecipient(reg);
  // One read transaction: the package is the register at one moment, even while an import commits in
  // another process between two of its tables (WAL keeps this snapshot; no writer waits for it).
  const { seq, files, entries } = await reg.db.transaction(
    async (trx) => ({ seq: await nextSeq(trx), ...(await packageContents({ ...reg, db: trx }, q)) }),
    { readOnly: true },
  );
  progress.step();

  const manifest: Manifest = {
    format: PACKAGE_FORMAT,
    formatVersion: FORMAT_VERSION,
    schemaVersion: SCHEMA_VERSION,
    appVersion: pkg.version,
    branch: { code: settings.branchCode, name: settings.branchName },
    period,
    seq,
    createdAt: nowIso(reg),
    signer: { keyId: keyIdHex(key.keyId), fingerprint: fingerprint(key.publicKey) },
    recipientFingerprint: fingerprint(Buffer.from(recipient)),
    files: entries,
  };
  const manifestBytes = Buffer.from(canonicalJson(manifest), 'utf8');
  const zip = buildZip({
    'manifest.json': manifestBytes,
    'manifest.json.minisig': Buffer.from(signMinisign(manifestBytes, key, trustedComment(manifest))),
    ...files,
  });
  progress.step();
  const encrypted = await encryptTo(zip, recipient);
  progress.step();

  // By default into exports/ beside the database; a folder gets the standard file name.
  const out = input.out ?? path.join(path.dirname(path.resolve(reg.file)), 'exports');
  if (!input.out) fs.mkdirSync(out, { recursive: true });
  const target =
    fs.existsSync(out) && fs.statSync(out).isDirectory() ? path.join(out, packageFileName(manifest)) : out;
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  // A part file of this export alone: a second export running beside it builds the same file name.
  const part = `${target}.${process.pid}-${randomUUID().slice(0, 8)}.part`;
  fs.writeFileSync(part, encrypted);

  await reg.db
    .transaction(async (trx) => {
      // The number was read before the package was built; under the write lock another export may have
      // taken it since (both got seq 1 and the second file replaced the first): this one then writes nothing.
      if ((await nextSeq(trx)) !== seq) refuse('exchange.export_raced', { seq, period });
      await trx('package_exports').insert({
        seq,
        period,
        file_name: path.basename(target),
        package_sha256: sha256(encrypted),
        bytes: encrypted.length,
        signer_fingerprint: manifest.signer.fingerprint,
        recipient_fingerprint: manifest.recipientFingerprint,
        counts: JSON.stringify(Object.fromEntries(entries.map((e) => [e.path, e.rows]))),
        created_at: manifest.createdAt,
      });
      await trx('settings')
        .insert({ key: SEQ, value: String(seq) })
        .onConflict('key')
        .merge();
      if (!(await closedQuarters(trx)).has(period)) {
        await trx('quarter_actions').insert({
          quarter: period,
          action: 'close',
          reason: `export seq ${seq}`,
          at: nowIso(reg),
        });
      }
      // Last, still under the lock: the file takes its name only together with its record.
      fs.renameSync(part, target);
    })
    .finally(() => fs.rmSync(part, { force: true }));
  progress.finish();
  return {
    file: path.resolve(target),
    period,
    seq,
    bytes: encrypted.length,
    rows: Object.fromEntries(entries.map((e) => [e.path, e.rows])),
  };
}
