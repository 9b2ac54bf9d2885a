import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { notMeasured, target } from './targets.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * `npm ci` on a clean clone of this repository (its committed HEAD), with npm's cache as it is on this
 * machine. Only with `--npm-ci` (or BENCH_NPM_CI=1): it takes a minute and needs the registry or a cache.
 */
export async function benchNpmCi(report: (label: string, value: string) => void): Promise<void> {
  const figure = '`npm ci` on a clean clone';
  if (!process.argv.includes('--npm-ci') && process.env.BENCH_NPM_CI !== '1') {
    notMeasured(figure, '≤ 60 s', 'not run (npm run bench -- --npm-ci)');
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aqniet-npm-ci-'));
  try {
    execFileSync('git', ['clone', '-q', '--no-hardlinks', ROOT, dir]);
    const start = Date.now();
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'ignore' });
    const s = (Date.now() - start) / 1000;
    report('npm ci on a clean clone (warm npm cache)', `${s.toFixed(0)} s`);
    target(`${figure} (npm's cache warm)`, `${s.toFixed(0)} s`, '≤ 60 s', s <= 60);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
