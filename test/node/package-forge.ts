import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { unzipSync } from 'fflate';
import { closeRegister, initRegister } from '../../electron/core/db/init.ts';
import { decryptWith, encryptTo } from '../../electron/core/exchange/age.ts';
import { canonicalJson } from '../../electron/core/exchange/canonical-json.ts';
import { trustedComment, type Manifest } from '../../electron/core/exchange/format.ts';
import { hqIdentity, hqRecipient, loadSigningKey } from '../../electron/core/exchange/keys.ts';
import { signMinisign } from '../../electron/core/exchange/minisign.ts';
import type { Register } from '../../electron/core/register.ts';
import { call } from '../../electron/core/service.ts';
import { DECISION } from './helpers.ts';

/**
 * Packages as an attacker or a broken branch program would make them, for headquarters' checks: the real
 * branch's export, opened, changed, and (where the case needs it) signed again with the branch's own key
 * and sealed to headquarters' real recipient. Large entries are streamed through zlib into a ZIP written
 * here by hand, so no big file is ever held or committed.
 */
export interface Forge {
  dir: string;
  hq: Register;
  branch: Register;
  /** The files of the branch's real package, as it wrote them. */
  files: Record<string, Uint8Array>;
  close(): Promise<void>;
}

const clock = () => new Date('2025-01-15T09:00:00Z');

export async function forgeWorld(): Promise<Forge> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aqniet-forge-'));
  const hq = await initRegister(path.join(dir, 'hq.sqlite'), { kind: 'hq', code: 'HQ', name: 'ЦС', clock });
  fs.mkdirSync(path.join(dir, 'krg'));
  const branch = await initRegister(path.join(dir, 'krg', 'branch.sqlite'), {
    kind: 'branch',
    code: 'KRG',
    name: 'Карагандинский филиал',
    clock,
  });
  await call(hq, 'hqKey.init', {});
  await call(hq, 'hqKey.exportRecipient', { out: path.join(dir, 'hq.recipient') });
  await call(branch, 'keys.init', {});
  await call(branch, 'hqKey.setRecipient', { recipient: path.join(dir, 'hq.recipient') });
  await call(branch, 'keys.exportPublic', { out: path.join(dir, 'KRG.pub') });
  await call(hq, 'exchange.trust', {
    branch: 'KRG',
    key: path.join(dir, 'KRG.pub'),
    validFrom: '2024-01-01',
  });
  await call(branch, 'orgs.create', { code: 'P001', name: 'ППО Областной больницы', headcount: 50 });
  for (const [iin, surname] of [
    ['850525446560', 'Иванова'],
    ['900125389604', 'Смирнов'],
    ['680505404480', 'Ким'],
  ] as const) {
    await call(branch, 'members.admit', {
      orgCode: 'P001',
      surname,
      givenName: 'Анна',
      iin,
      category: 'nursing',
      applicationDate: '2024-02-01',
      decision: DECISION,
    });
  }
  await call(branch, 'dues.record', {
    orgCode: 'P001',
    month: '2024-11',
    received: '3 500',
    payroll: '350 000',
    docNo: 'ПП-1',
  });
  await call(branch, 'appeals.add', {
    receivedOn: '2024-11-05',
    channel: 'phone',
    applicant: 'Иванова А.',
    category: 'wages',
  });
  const out = await call(branch, 'exchange.export', { quarter: '2024Q4', out: dir });
  const files = unzipSync(await decryptWith(fs.readFileSync(out.file), await hqIdentity(hq)));
  fs.renameSync(out.file, path.join(dir, 'good.aqpkg'));
  return {
    dir,
    hq,
    branch,
    files,
    close: async () => {
      await closeRegister(hq);
      await closeRegister(branch);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The real package's rows of a table. */
export function rowsOf(forge: Forge, table: string): Array<Record<string, unknown>> {
  return Buffer.from(forge.files[`data/${table}.jsonl`]!)
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

export const jsonl = (rows: Array<Record<string, unknown>>) =>
  rows.map((r) => `${JSON.stringify(r)}\n`).join('');

export function manifestOf(files: Record<string, Uint8Array>): Manifest {
  return JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8')) as Manifest;
}

/** Signs `manifest` with the branch's key, as its program would. */
export async function signed(forge: Forge, manifest: Manifest | string): Promise<Record<string, Uint8Array>> {
  const bytes = Buffer.from(typeof manifest === 'string' ? manifest : canonicalJson(manifest));
  const comment = typeof manifest === 'string' ? 'branch=KRG period=2024-Q4 seq=1' : trustedComment(manifest);
  return {
    'manifest.json': bytes,
    'manifest.json.minisig': Buffer.from(signMinisign(bytes, await loadSigningKey(forge.branch), comment)),
  };
}

/**
 * The real package with some tables replaced (text of the JSONL file) and the manifest edited, its entries
 * brought in line with the new files and signed again: the rows are the only thing wrong with it.
 */
export async function resignedFiles(
  forge: Forge,
  tables: Record<string, string> = {},
  edit: (m: Manifest) => void = () => {},
): Promise<Record<string, Uint8Array>> {
  const files = { ...forge.files };
  const manifest = manifestOf(files);
  for (const [table, text] of Object.entries(tables)) {
    const name = `data/${table}.jsonl`;
    const data = Buffer.from(text, 'utf8');
    files[name] = data;
    const entry = manifest.files.find((f) => f.path === name)!;
    Object.assign(entry, {
      bytes: data.length,
      rows: text.split('\n').filter(Boolean).length,
      sha256: sha256(data),
    });
  }
  edit(manifest);
  return { ...files, ...(await signed(forge, manifest)) };
}

/**
 * A ZIP entry: its bytes given whole, its content streamed as `repeat` copies of `chunk`, or already
 * compressed (to put one large entry into several packages).
 */
export type ForgedEntry =
  | { name: string; data: Uint8Array; stored?: boolean }
  | { name: string; chunk: Uint8Array; repeat: number }
  | { name: string; compressed: Compressed };

export interface Compressed {
  data: Buffer;
  crc: number;
  size: number;
  method: number;
}

export async function compress(entry: ForgedEntry): Promise<Compressed> {
  if ('compressed' in entry) return entry.compressed;
  if ('data' in entry) {
    const raw = Buffer.from(entry.data);
    if (entry.stored) return { data: raw, crc: zlib.crc32(raw), size: raw.length, method: 0 };
    return {
      data: zlib.deflateRawSync(raw, { level: 6 }),
      crc: zlib.crc32(raw),
      size: raw.length,
      method: 8,
    };
  }
  // The chunk compressed once with a full flush (byte-aligned, no history carried over), so the same bytes
  // repeated are a valid deflate stream of the repeated content; an empty final block ends it.
  const block = zlib.deflateRawSync(entry.chunk, { level: 1, finishFlush: zlib.constants.Z_FULL_FLUSH });
  let crc = 0;
  for (let i = 0; i < entry.repeat; i++) crc = zlib.crc32(entry.chunk, crc);
  const data = Buffer.concat([
    ...Array.from({ length: entry.repeat }, () => block),
    Buffer.from([0x03, 0x00]),
  ]);
  return { data, crc, size: entry.chunk.length * entry.repeat, method: 8 };
}

/** SHA-256 and size of an entry's content, streamed. */
export function contentHash(entry: { chunk: Uint8Array; repeat: number } | { data: Uint8Array }) {
  if ('data' in entry) return { sha256: sha256(entry.data), bytes: entry.data.length };
  const hash = createHash('sha256');
  for (let i = 0; i < entry.repeat; i++) hash.update(entry.chunk);
  return { sha256: hash.digest('hex'), bytes: entry.chunk.length * entry.repeat };
}

/** A plain ZIP (no ZIP64), written by hand so that entries of any claimed or real size can be made. */
export async function zipOf(entries: ForgedEntry[], lie: Record<string, number> = {}): Promise<Buffer> {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const { data, crc, size, method } = await compress(entry);
    const name = Buffer.from(entry.name, 'utf8');
    const claimed = lie[entry.name] ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(claimed, 22);
    local.writeUInt16LE(name.length, 26);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(method, 10);
    head.writeUInt32LE(crc >>> 0, 16);
    head.writeUInt32LE(data.length, 20);
    head.writeUInt32LE(claimed, 24);
    head.writeUInt16LE(name.length, 28);
    head.writeUInt32LE(offset, 42);
    parts.push(local, name, data);
    central.push(head, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

export function entriesOf(files: Record<string, Uint8Array>): ForgedEntry[] {
  return Object.entries(files).map(([name, data]) => ({ name, data }));
}

/** Seals a ZIP to headquarters' real recipient and writes it as a package file. */
export async function seal(forge: Forge, zip: Uint8Array, name: string): Promise<string> {
  const file = path.join(forge.dir, `${name}.aqpkg`);
  fs.writeFileSync(file, await encryptTo(zip, await hqRecipient(forge.hq)));
  return file;
}
