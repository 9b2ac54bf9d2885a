import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SNAPSHOT_TABLES } from '../../migrations/006_hq_snapshots.ts';
import { closeRegister, initRegister, openRegister } from '../../electron/core/db/init.ts';
import { generateDemo } from '../../electron/core/demo/demo.ts';
import { call } from '../../electron/core/service.ts';

/**
 * Union scale: 20 branches, 283 PPOs, 72,936 members, three years of monthly dues for every PPO, 12,000
 * appeals. Times one branch's export, the merge of all 20 into an empty headquarters database, the re-merge
 * (all duplicates), and the sqlite3 tool's .import of the same rows from CSV.
 */
export async function benchExchange(report: (label: string, value: string) => void): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aqniet-exchange-bench-'));
  const timed = async <T>(work: () => Promise<T>) => {
    const t = process.hrtime.bigint();
    const result = await work();
    return { ms: Number(process.hrtime.bigint() - t) / 1e6, result };
  };
  const hq = await initRegister(path.join(dir, 'hq.sqlite'), {
    kind: 'hq',
    code: 'HQ',
    name: 'Центральный совет',
  });
  await call(hq, 'hqKey.init', {});
  const recipient = path.join(dir, 'hq.recipient');
  await call(hq, 'hqKey.exportRecipient', { out: recipient });
  const packages: string[] = [];
  const exportTimes: number[] = [];
  const quarter = `${new Date().getFullYear() - 1}Q4`;
  for (let b = 0; b < 20; b++) {
    const code = `B${String(b + 1).padStart(2, '0')}`;
    fs.mkdirSync(path.join(dir, code));
    const file = path.join(dir, code, 'branch.sqlite');
    await generateDemo(file, {
      branchCode: code,
      branchName: `Филиал ${b + 1}`,
      members: Math.floor(72_936 / 20) + (b < 72_936 % 20 ? 1 : 0),
      orgs: b < 283 % 20 ? 15 : 14,
      appeals: 600,
      years: 3,
      seed: 1000 + b,
    });
    const reg = await openRegister(file);
    await call(reg, 'keys.init', {});
    await call(reg, 'hqKey.setRecipient', { recipient });
    await call(reg, 'keys.exportPublic', { out: path.join(dir, `${code}.pub`) });
    await call(hq, 'exchange.trust', { branch: code, key: path.join(dir, `${code}.pub`) });
    const { ms, result } = await timed(() => call(reg, 'exchange.export', { quarter, out: dir }));
    exportTimes.push(ms);
    packages.push(result.file);
    await closeRegister(reg);
  }
  exportTimes.sort((a, b) => a - b);
  report('export one branch (~3,650 members, median of 20)', `${(exportTimes[10]! / 1000).toFixed(2)} s`);

  const merge = await timed(() => call(hq, 'exchange.merge', { files: packages }));
  const accepted = merge.result.results.filter((r) => r.status === 'accepted').length;
  const rows = Object.fromEntries(
    await Promise.all(
      SNAPSHOT_TABLES.map(
        async (t) => [t, Number((await hq.db(`hq_${t}`).count<{ n: number }[]>({ n: '*' }))[0]!.n)] as const,
      ),
    ),
  );
  const total = Object.values(rows).reduce((a, b) => a + b, 0);
  report(
    `merge 20 packages into an empty HQ (${accepted} accepted, ${total} rows)`,
    `${(merge.ms / 1000).toFixed(2)} s`,
  );
  report(
    '  members / appeals / remittances at HQ',
    `${rows.members} / ${rows.appeals} / ${rows.dues_remittances}`,
  );
  const again = await timed(() => call(hq, 'exchange.merge', { files: packages }));
  report(
    `re-merge the same 20 (${again.result.results.filter((r) => r.status === 'duplicate').length} duplicates)`,
    `${(again.ms / 1000).toFixed(2)} s`,
  );

  if (spawnSync('sqlite3', ['-version']).status === 0) {
    // The same rows as CSV, loaded by the sqlite3 tool into plain tables.
    const plain = path.join(dir, 'plain.sqlite');
    const script: string[] = ['.mode csv'];
    for (const t of SNAPSHOT_TABLES) {
      const data: Array<Record<string, unknown>> = await hq.db(`hq_${t}`);
      if (data.length === 0) continue;
      const cols = Object.keys(data[0]!);
      const csv = path.join(dir, `${t}.csv`);
      const esc = (v: unknown) =>
        v === null || v === undefined
          ? ''
          : /[",\n]/.test(String(v))
            ? `"${String(v).replace(/"/g, '""')}"`
            : String(v);
      fs.writeFileSync(
        csv,
        [cols.join(','), ...data.map((r) => cols.map((c) => esc(r[c])).join(','))].join('\n') + '\n',
      );
      execFileSync('sqlite3', [plain, `CREATE TABLE ${t} (${cols.map((c) => `"${c}"`).join(', ')});`]);
      script.push(`.import --skip 1 ${csv} ${t}`);
    }
    const t0 = process.hrtime.bigint();
    execFileSync('sqlite3', [plain], { input: script.join('\n') });
    const toolMs = Number(process.hrtime.bigint() - t0) / 1e6;
    report('sqlite3 .import of the same rows from CSV', `${(toolMs / 1000).toFixed(2)} s`);
    const ratio = merge.ms / toolMs;
    report('ratio merge / sqlite3 .import (target ≤ 2×)', `${ratio.toFixed(1)}×`);
    // The same CSV files into headquarters' own tables (their indexes, nothing checked): the schema's cost.
    const schema = await initRegister(path.join(dir, 'schema.sqlite'), {
      kind: 'hq',
      code: 'HQ',
      name: 'ЦС',
    });
    await closeRegister(schema);
    const intoSchema = script
      .filter((line) => line.startsWith('.import'))
      .map((line) => line.replace(/ (\w+)$/, ' hq_$1'));
    const t1 = process.hrtime.bigint();
    execFileSync('sqlite3', [schema.file], {
      input: ['.mode csv', 'BEGIN;', ...intoSchema, 'COMMIT;'].join('\n'),
    });
    const schemaMs = Number(process.hrtime.bigint() - t1) / 1e6;
    report("sqlite3 .import of the same rows into headquarters' tables", `${(schemaMs / 1000).toFixed(2)} s`);
    // one line for the target table of the process that started this one (run.ts)
    report(
      'target',
      JSON.stringify({
        figure: `merge the whole union (20 packages, ${rows.members} members) vs \`.import\` of the same rows`,
        value: `${ratio.toFixed(1)}× (${(merge.ms / 1000).toFixed(2)} s vs ${(toolMs / 1000).toFixed(2)} s); the tool into headquarters' tables, unchecked: ${(schemaMs / 1000).toFixed(2)} s`,
        target: '≤ 2×',
        met: ratio <= 2,
      }),
    );
  }
  await closeRegister(hq);
  fs.rmSync(dir, { recursive: true, force: true });
}
