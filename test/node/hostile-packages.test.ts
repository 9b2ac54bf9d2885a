import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PACKAGE_BYTES } from '../../electron/core/exchange/limits.ts';
import type { MergeResult } from '../../electron/core/exchange/merge.ts';
import {
  compress,
  contentHash,
  entriesOf,
  forgeWorld,
  jsonl,
  manifestOf,
  resignedFiles,
  rowsOf,
  seal,
  signed,
  zipOf,
  type Compressed,
  type Forge,
} from './package-forge.ts';

/**
 * The hostile package set of issue 14, each merged into headquarters in a process of its own: refused
 * with its code, headquarters' database byte for byte unchanged, within 5 s and 300 MB (the child's peak
 * resident memory, the program's own ~90 MB included). Big entries are generated here, streamed.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const CHILD = path.join(ROOT, 'test-output/children/merge-child.mjs');
const MiB = 1024 * 1024;

let forge: Forge;
/** 500 MiB of valid-looking member rows, compressed once and put into the packages that need it. */
let bigMembers: { compressed: Compressed; sha256: string; bytes: number; rows: number };
const outcomes: Array<{ name: string; code: string; ms: number; peakRssMb: number }> = [];

beforeAll(async () => {
  buildSync({
    entryPoints: [path.join(ROOT, 'test/node/children/merge-child.ts')],
    outfile: CHILD,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  forge = await forgeWorld();
  const line = `${JSON.stringify(rowsOf(forge, 'members')[0])}\n`;
  const chunk = Buffer.from(line.repeat(Math.floor(MiB / Buffer.byteLength(line))));
  const repeat = Math.ceil((500 * MiB) / chunk.length);
  const entry = { name: 'data/members.jsonl', chunk, repeat };
  bigMembers = {
    compressed: await compress(entry),
    ...contentHash(entry),
    rows: repeat * (chunk.length / Buffer.byteLength(line)),
  };
}, 120_000);

afterAll(async () => {
  await forge?.close();
  if (outcomes.length) {
    fs.mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'test-output/hostile-packages.json'), JSON.stringify(outcomes, null, 2));
    console.table(outcomes);
  }
});

function fingerprintOf(file: string): string {
  const hash = createHash('sha256');
  for (const f of [file, `${file}-wal`]) if (fs.existsSync(f)) hash.update(fs.readFileSync(f));
  return hash.digest('hex');
}

function mergeInChild(file: string): { result: MergeResult; ms: number; peakRssMb: number } {
  const out = execFileSync(process.execPath, [CHILD, forge.hq.file, file], {
    cwd: ROOT,
    maxBuffer: 16 * MiB,
  });
  return JSON.parse(out.toString('utf8')) as { result: MergeResult; ms: number; peakRssMb: number };
}

const memberRows = () => rowsOf(forge, 'members');
const withReceived = (value: unknown) =>
  jsonl(rowsOf(forge, 'dues_remittances').map((r) => ({ ...r, received_tiyn: value })));

/** Each case: how to make the package, and the code headquarters must refuse it with. */
const CASES: Array<{ name: string; code: string; make: () => Promise<string>; detail?: string }> = [
  {
    name: 'nested-JSON manifest (428 KB), unsigned',
    code: 'package.bad_signature',
    make: async () => {
      const nested = Buffer.from(`${'[[{},'.repeat(85_600)}`);
      const files = { ...forge.files, 'manifest.json': nested };
      return seal(forge, await zipOf(entriesOf(files)), 'nested-unsigned');
    },
  },
  {
    name: 'nested-JSON manifest (428 KB), signed by the branch key',
    code: 'package.bad_manifest',
    make: async () => {
      const files = { ...forge.files, ...(await signed(forge, `${'[[{},'.repeat(85_600)}`)) };
      return seal(forge, await zipOf(entriesOf(files)), 'nested-signed');
    },
  },
  {
    name: 'manifest of 8 MiB',
    code: 'package.entry_too_large',
    make: async () => {
      const files = { ...forge.files, 'manifest.json': Buffer.alloc(8 * MiB, 0x20) };
      return seal(forge, await zipOf(entriesOf(files)), 'manifest-8mib');
    },
  },
  {
    name: 'signature file of 1 MiB',
    code: 'package.entry_too_large',
    make: async () => {
      const files = { ...forge.files, 'manifest.json.minisig': Buffer.alloc(MiB, 0x41) };
      return seal(forge, await zipOf(entriesOf(files)), 'signature-1mib');
    },
  },
  {
    name: 'zip bomb: manifest.json inflating to 256 MiB, the directory claiming 2 KB',
    code: 'package.entry_too_large',
    make: async () => {
      const entries = entriesOf({ ...forge.files }).filter((e) => e.name !== 'manifest.json');
      entries.push({ name: 'manifest.json', chunk: Buffer.alloc(MiB, 0x20), repeat: 256 });
      return seal(forge, await zipOf(entries, { 'manifest.json': 2048 }), 'bomb-manifest');
    },
  },
  {
    name: 'zip bomb: members.jsonl inflating to 500 MiB under a signed manifest saying 1.5 KB',
    code: 'package.hash_mismatch',
    make: async () => {
      const entries = entriesOf({ ...forge.files }).filter((e) => e.name !== 'data/members.jsonl');
      entries.push({ name: 'data/members.jsonl', compressed: bigMembers.compressed });
      return seal(forge, await zipOf(entries, { 'data/members.jsonl': 1500 }), 'bomb-members');
    },
  },
  {
    name: 'a 500 MiB data file, declared and signed',
    code: 'package.file_too_large',
    make: async () => {
      const files = await resignedFiles(forge, {}, (m) => {
        Object.assign(
          m.files.find((f) => f.path === 'data/members.jsonl')!,
          {
            bytes: bigMembers.bytes,
            rows: bigMembers.rows,
            sha256: bigMembers.sha256,
          },
        );
      });
      const entries = entriesOf(files).filter((e) => e.name !== 'data/members.jsonl');
      entries.push({ name: 'data/members.jsonl', compressed: bigMembers.compressed });
      return seal(forge, await zipOf(entries), 'members-500mib');
    },
  },
  {
    name: 'ZIP of 65 entries',
    code: 'package.zip_too_many',
    make: async () => {
      const entries = entriesOf({ ...forge.files });
      for (let i = 0; entries.length < 65; i++)
        entries.push({
          name: `summaries/x${String.fromCharCode(97 + (i % 26))}${'y'.repeat(Math.floor(i / 26))}.json`,
          data: Buffer.from('{}'),
        });
      return seal(forge, await zipOf(entries), 'entries-65');
    },
  },
  {
    name: 'package file of 65 MiB',
    code: 'package.too_large',
    make: async () => {
      const file = path.join(forge.dir, 'huge.aqpkg');
      fs.writeFileSync(file, '');
      fs.truncateSync(file, MAX_PACKAGE_BYTES + MiB);
      return file;
    },
  },
  {
    name: 'PPO whose name is null',
    code: 'package.bad_rows',
    detail: 'orgs.name',
    make: async () =>
      seal(
        forge,
        await zipOf(
          entriesOf(
            await resignedFiles(forge, {
              orgs: jsonl(rowsOf(forge, 'orgs').map((o) => ({ ...o, name: null }))),
            }),
          ),
        ),
        'org-null-name',
      ),
  },
  ...(
    [
      ['received −500', -50_000],
      ['received 1e300', 1e300],
      ['received «много»', 'много'],
      ['received 12.5 (not whole tiyn)', 12.5],
    ] as const
  ).map(([name, value]) => ({
    name,
    code: 'package.bad_rows',
    detail: 'dues_remittances.received_tiyn',
    make: async () =>
      seal(
        forge,
        await zipOf(entriesOf(await resignedFiles(forge, { dues_remittances: withReceived(value) }))),
        `received-${String(value)}`,
      ),
  })),
  {
    name: 'a second PPO whose code looks like the first (Cyrillic Р001 beside P001)',
    code: 'package.bad_rows',
    detail: 'orgs.code',
    make: async () => {
      const orgs = rowsOf(forge, 'orgs');
      const files = await resignedFiles(forge, {
        orgs: jsonl([...orgs, { ...orgs[0], id: 'look-alike', code: 'Р001' }]),
      });
      return seal(forge, await zipOf(entriesOf(files)), 'org-look-alike');
    },
  },
  {
    name: 'every member ten times with new ids',
    code: 'package.bad_rows',
    detail: 'members.iin',
    make: async () => {
      const members = memberRows().flatMap((m) =>
        Array.from({ length: 10 }, (_, i) => ({ ...m, id: i === 0 ? m.id : `${String(m.id)}-${i}` })),
      );
      const events = rowsOf(forge, 'member_events').flatMap((e) =>
        Array.from({ length: 10 }, (_, i) => ({
          ...e,
          id: i === 0 ? e.id : `${String(e.id)}-${i}`,
          member_id: i === 0 ? e.member_id : `${String(e.member_id)}-${i}`,
        })),
      );
      const files = await resignedFiles(forge, { members: jsonl(members), member_events: jsonl(events) });
      return seal(forge, await zipOf(entriesOf(files)), 'members-ten-times');
    },
  },
  {
    name: 'seq 2⁵³−1',
    code: 'package.bad_manifest',
    make: async () =>
      seal(
        forge,
        await zipOf(entriesOf(await resignedFiles(forge, {}, (m) => (m.seq = Number.MAX_SAFE_INTEGER)))),
        'seq-max',
      ),
  },
  {
    name: 'seq 500 after nothing accepted (a jump past the step)',
    code: 'package.seq_jump',
    make: async () =>
      seal(forge, await zipOf(entriesOf(await resignedFiles(forge, {}, (m) => (m.seq = 500)))), 'seq-jump'),
  },
  {
    name: 'a row longer than 64 KiB',
    code: 'package.line_too_long',
    make: async () => {
      const appeals = rowsOf(forge, 'appeals').map((a) => ({ ...a, summary: 'ж'.repeat(40_000) }));
      return seal(
        forge,
        await zipOf(entriesOf(await resignedFiles(forge, { appeals: jsonl(appeals) }))),
        'long-line',
      );
    },
  },
  {
    name: 'more rows than the manifest declares',
    code: 'package.row_count',
    make: async () => {
      const files = await resignedFiles(
        forge,
        { orgs: jsonl(rowsOf(forge, 'orgs')) + jsonl([{ ...rowsOf(forge, 'orgs')[0], id: 'x' }]) },
        (m) => {
          m.files.find((f) => f.path === 'data/orgs.jsonl')!.rows = 1;
        },
      );
      return seal(forge, await zipOf(entriesOf(files)), 'rows-beyond');
    },
  },
  {
    name: 'a data file changed, not signed again',
    code: 'package.hash_mismatch',
    make: async () => {
      const text = Buffer.from(forge.files['data/members.jsonl']!).toString().replace('Иванова', 'Петрова');
      return seal(
        forge,
        await zipOf(entriesOf({ ...forge.files, 'data/members.jsonl': Buffer.from(text) })),
        'tampered',
      );
    },
  },
  {
    name: 'manifest edited (seq), not signed again',
    code: 'package.bad_signature',
    make: async () => {
      const text = Buffer.from(forge.files['manifest.json']!).toString().replace('"seq":1', '"seq":2');
      return seal(
        forge,
        await zipOf(entriesOf({ ...forge.files, 'manifest.json': Buffer.from(text) })),
        'manifest-edited',
      );
    },
  },
  ...(
    [
      ['a byte flipped in the payload', (b: Buffer) => flip(b, b.length - 100), 'package.damaged'],
      [
        'a byte flipped in the header MAC',
        (b: Buffer) => flip(b, b.indexOf('\n---') + 10),
        'package.damaged',
      ],
      ['truncated to half', (b: Buffer) => b.subarray(0, b.length >> 1), 'package.damaged'],
      ['truncated by one byte', (b: Buffer) => b.subarray(0, b.length - 1), 'package.damaged'],
    ] as const
  ).map(([name, mangle, code]) => ({
    name,
    code,
    make: async () => {
      const file = path.join(forge.dir, `${name.replace(/\W+/g, '-')}.aqpkg`);
      fs.writeFileSync(file, mangle(fs.readFileSync(path.join(forge.dir, 'good.aqpkg'))));
      return file;
    },
  })),
];

function flip(b: Buffer, at: number): Buffer {
  const copy = Buffer.from(b);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

describe('hostile packages at headquarters', () => {
  it.each(CASES)(
    'refuses $name with $code, HQ unchanged, within 5 s and 300 MB',
    async ({ name, code, make, detail }) => {
      const file = await make();
      const before = fingerprintOf(forge.hq.file);
      const { result, ms, peakRssMb } = mergeInChild(file);
      outcomes.push({
        name,
        code: result.code ?? result.status,
        ms: Math.round(ms),
        peakRssMb: Math.round(peakRssMb),
      });
      expect(result).toMatchObject({ status: 'rejected', code });
      if (detail) expect(result.details?.map((d) => d.column)).toContain(detail);
      expect(fingerprintOf(forge.hq.file)).toBe(before);
      expect(ms).toBeLessThan(5000);
      expect(peakRssMb).toBeLessThan(300);
    },
  );

  it('accepts the same branch package, untouched, in the same way (the set is not refusing everything)', async () => {
    const { result } = mergeInChild(path.join(forge.dir, 'good.aqpkg'));
    expect(result).toMatchObject({ status: 'accepted', branch: 'KRG', seq: 1 });
    expect(manifestOf(forge.files).seq).toBe(1);
  });
});
