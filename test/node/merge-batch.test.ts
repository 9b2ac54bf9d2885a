import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MergeResult } from '../../electron/core/exchange/merge.ts';
import { entriesOf, forgeWorld, seal, zipOf, type Forge } from './package-forge.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

function cli(...args: string[]) {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'electron/cli/main.ts'), ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let forge: Forge;
beforeAll(async () => {
  forge = await forgeWorld();
});
afterAll(() => forge.close());

describe('a batch of packages at headquarters', () => {
  it('checks every path before merging: one result per file, the good one merged, exit 1, no stack trace', async () => {
    const good = path.join(forge.dir, 'good.aqpkg');
    const missing = path.join(forge.dir, 'missing.aqpkg');
    const folder = path.join(forge.dir, 'folder.aqpkg');
    fs.mkdirSync(folder);
    const text = Buffer.from(forge.files['data/orgs.jsonl']!).toString().replace('ППО', 'ПП0');
    const tampered = await seal(
      forge,
      await zipOf(entriesOf({ ...forge.files, 'data/orgs.jsonl': Buffer.from(text) })),
      'tampered',
    );
    const out = cli('merge', '--db', forge.hq.file, '--json', missing, good, folder, '/dev/null', tampered);
    expect(out.code).toBe(1);
    expect(out.stderr).not.toMatch(/\n\s+at /);
    const results = JSON.parse(out.stdout) as MergeResult[];
    expect(results.map((r) => [path.basename(r.file), r.status, r.code ?? null])).toEqual([
      ['missing.aqpkg', 'rejected', 'package.not_a_file'],
      ['good.aqpkg', 'accepted', null],
      ['folder.aqpkg', 'rejected', 'package.not_a_file'],
      ['null', 'rejected', 'package.not_a_file'],
      ['tampered.aqpkg', 'rejected', 'package.hash_mismatch'],
    ]);
    expect(results[0]!.reasonRu).toBe(`${missing}: такого файла нет или это не файл`);
    const members = await forge.hq.db('hq_members').where({ branch_code: 'KRG' }).count({ n: '*' });
    expect(Number(members[0]!.n)).toBe(3);
    // the same in words, one line per file, and a repeat is a duplicate that changes nothing
    const again = cli('merge', '--db', forge.hq.file, good, missing);
    expect(again.code).toBe(1);
    expect(again.stdout.split('\n').filter(Boolean)).toEqual([
      `${good}: duplicate`,
      `${missing}: rejected [package.not_a_file] ${missing}: no such file, or not a file`,
    ]);
    expect(cli('merge', '--db', forge.hq.file, good).code).toBe(0);
  });
});
