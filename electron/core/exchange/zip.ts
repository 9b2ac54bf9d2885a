import zlib from 'node:zlib';
import { zipSync } from 'fflate';
import { refusal } from '../errors.ts';
import { MAX_ZIP_ENTRIES } from './limits.ts';

/**
 * The package's ZIP, built with fflate and read here, in memory (never extracted to disk). Reading is
 * hostile-input code: only the central directory is parsed up front (names allow-listed, no duplicates, no
 * encryption, no ZIP64, every entry inside the file); an entry is inflated only when asked for, streaming
 * through Node's zlib with the caller's cap as the most it may ever produce, so a zip bomb stops at the
 * cap instead of at the end of memory.
 */
export const ENTRY_NAME =
  /^(manifest\.json|manifest\.json\.minisig|data\/[a-z_]+\.jsonl|summaries\/[a-z_]+\.json)$/;

export function buildZip(files: Record<string, Uint8Array>): Uint8Array {
  return zipSync(
    Object.fromEntries(Object.entries(files).map(([name, data]) => [name, [data, { level: 6 }]])),
    { mtime: new Date('2000-01-01T00:00:00Z') },
  );
}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** As the directory says: a claim, checked against what inflating produces. */
  size: number;
  dataStart: number;
}

export interface ZipArchive {
  bytes: Buffer;
  entries: Map<string, ZipEntry>;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const unreadable = () => refusal('package.bad_zip');

/** Reads the central directory; inflates nothing. */
export function openZip(input: Uint8Array): ZipArchive {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  // The end record is the last 22 bytes plus a comment of at most 65,535.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable();
  const count = bytes.readUInt16LE(eocd + 10);
  const directorySize = bytes.readUInt32LE(eocd + 12);
  const directoryStart = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || directoryStart === 0xffffffff) throw unreadable(); // ZIP64: never written by us
  if (count > MAX_ZIP_ENTRIES) throw refusal('package.zip_too_many', { max: MAX_ZIP_ENTRIES });
  if (directoryStart + directorySize > eocd) throw unreadable();

  const entries = new Map<string, ZipEntry>();
  let at = directoryStart;
  for (let n = 0; n < count; n++) {
    if (at + 46 > eocd || bytes.readUInt32LE(at) !== CENTRAL) throw unreadable();
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localStart = bytes.readUInt32LE(at + 42);
    if (at + 46 + nameLength > eocd) throw unreadable();
    const name = bytes.toString('latin1', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (!ENTRY_NAME.test(name)) throw refusal('package.zip_entry_name', { name: printable(name) });
    if (entries.has(name)) throw refusal('package.zip_entry_twice', { name });
    if ((flags & 1) !== 0 || (method !== 0 && method !== 8)) throw unreadable();
    if (localStart + 30 > bytes.length || bytes.readUInt32LE(localStart) !== LOCAL) throw unreadable();
    const dataStart =
      localStart + 30 + bytes.readUInt16LE(localStart + 26) + bytes.readUInt16LE(localStart + 28);
    if (dataStart + compressedSize > directoryStart) throw unreadable();
    entries.set(name, { name, method, compressedSize, size, dataStart });
  }
  return { bytes, entries };
}

/** An entry's name as it can be shown: control characters and the like replaced. */
function printable(name: string): string {
  return name.replace(/[^\x20-\x7e]/g, '?').slice(0, 100);
}

/**
 * The entry's bytes, never more than `cap`: a deflated entry that would inflate past it is refused
 * (`tooLarge`) as soon as zlib has produced `cap + 1` bytes.
 */
export function inflateEntry(zip: ZipArchive, entry: ZipEntry, cap: number, tooLarge: () => Error): Buffer {
  const data = zip.bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length > cap) throw tooLarge();
    return Buffer.from(data);
  }
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, cap) });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
    throw unreadable();
  }
}
