import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MergeResult } from '../../electron/core/exchange/merge.ts';
import { call } from '../../electron/core/service.ts';
import { entriesOf, forgeWorld, resignedFiles, seal, zipOf, type Forge } from './package-forge.ts';

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

  it('merges a batch with one checkpoint after it, then checkpoints automatically again', async () => {
    const before = await forge.hq.db.raw('PRAGMA wal_autocheckpoint');
    const out = await call(forge.hq, 'exchange.merge', { files: [path.join(forge.dir, 'missing.aqpkg')] });
    expect(out.results.map((r) => r.status)).toEqual(['rejected']);
    expect(await forge.hq.db.raw('PRAGMA wal_autocheckpoint')).toEqual(before);
    expect(before).toEqual([{ wal_autocheckpoint: 1000 }]);
  });

  it('refuses a package number far past the last one until headquarters confirms it, in the core and on the command line', async () => {
    const jump = await seal(
      forge,
      await zipOf(entriesOf(await resignedFiles(forge, {}, (m) => (m.seq = 30)))),
      'KRG-2024Q4-30',
    );
    const refused = await call(forge.hq, 'exchange.merge', { files: [jump] });
    expect(refused.results[0]).toMatchObject({
      status: 'rejected',
      code: 'package.seq_jump',
      params: { seq: 30, last: 1, step: 20 },
    });
    const out = cli('merge', '--db', forge.hq.file, jump);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('[package.seq_jump]');
    const confirmed = cli('merge', '--db', forge.hq.file, '--confirm-seq-jump', '--json', jump);
    expect(confirmed.code).toBe(0);
    expect(JSON.parse(confirmed.stdout)).toMatchObject([{ status: 'accepted', seq: 30 }]);
    // and the step counts from the number accepted: 31 needs no confirmation
    const next = await seal(
      forge,
      await zipOf(entriesOf(await resignedFiles(forge, {}, (m) => (m.seq = 31)))),
      'KRG-2024Q4-31',
    );
    expect((await call(forge.hq, 'exchange.merge', { files: [next] })).results[0]).toMatchObject({
      status: 'accepted',
      seq: 31,
    });
  });

  it("accepts a package made days off headquarters' clock and says so", async () => {
    // headquarters' clock reads 15.01.2025 09:00 (the forge's); the branch's said 10.01.2025 09:00
    const skewed = await seal(
      forge,
      await zipOf(
        entriesOf(
          await resignedFiles(forge, {}, (m) => {
            m.seq = 32;
            m.createdAt = '2025-01-10T09:00:00.000Z';
          }),
        ),
      ),
      'KRG-2024Q4-32',
    );
    const result = (await call(forge.hq, 'exchange.merge', { files: [skewed] })).results[0]!;
    expect(result).toMatchObject({ status: 'accepted', seq: 32 });
    expect(result.warnings).toEqual([
      expect.objectContaining({
        code: 'package.clock_skew',
        params: { createdAt: '10.01.2025 14:00', hours: 120 },
        messageRu:
          'Часы филиала, похоже, идут неверно: пакет создан 10.01.2025 14:00, это на 120 ч. расходится с часами ЦС',
      }),
    ]);
    // within two days it is not worth a word
    const close = await seal(
      forge,
      await zipOf(
        entriesOf(
          await resignedFiles(forge, {}, (m) => {
            m.seq = 33;
            m.createdAt = '2025-01-14T09:00:00.000Z';
          }),
        ),
      ),
      'KRG-2024Q4-33',
    );
    expect((await call(forge.hq, 'exchange.merge', { files: [close] })).results[0]!.warnings).toEqual([]);
  });
});
