import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import esbuild from 'esbuild';
import { closeRegister, openRegister } from '../../electron/core/db/init.ts';
import { generateDemo } from '../../electron/core/demo/demo.ts';
import { call } from '../../electron/core/service.ts';
import { startWebPreview } from '../../electron/web/server.ts';
import { RENDERER, launch, whyNoBrowser } from '../ui/browser.ts';
import { target } from './targets.ts';

type Report = (label: string, value: string) => void;

/** The membership list of a 2,000-member PPO, from opening the print route to the PDF on disk. */
export async function benchPrint(report: Report): Promise<void> {
  const why = whyNoBrowser();
  if (why) {
    report('PDF of a 2,000-member list', `skipped: ${why}`);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aqniet-print-bench-'));
  const file = path.join(dir, 'ppo.sqlite');
  await generateDemo(file, { members: 2092, orgs: 1, appeals: 10, years: 1 });
  const reg = await openRegister(file);
  const [org] = await call(reg, 'orgs.list', {});
  const { total } = await call(reg, 'members.list', { orgCode: org!.code, status: 'active', limit: 1 });
  const web = await startWebPreview(reg, { root: RENDERER });
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(web.url); // app loaded once, as in the window
    const pdf = path.join(dir, 'list.pdf');
    const start = Date.now();
    await page.goto(web.url.replace('#/', `#/print/members/${org!.code}`));
    await page.waitForSelector('[data-testid=print-page][data-ready=yes]', { timeout: 120_000 });
    await page.pdf({ path: pdf, preferCSSPageSize: true });
    const ms = Date.now() - start;
    const pages =
      execFileSync('pdfinfo', [pdf])
        .toString()
        .match(/Pages:\s+(\d+)/)?.[1] ?? '?';
    report(`PDF of a ${total}-member list (Chromium, ${pages} A4 pages)`, `${(ms / 1000).toFixed(2)} s`);
  } finally {
    await browser.close();
    await web.close();
    await closeRegister(reg);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** XLSX of 75,000 members, in a process of its own so its peak memory is the export's. */
export function benchXlsx(report: Report, registerFile: string): void {
  // Bundled as the app bundles its core (electron/build/bundle.ts) and run by plain Node, so the memory is
  // the export's and the register's, not that of the TypeScript loader the other benches run under.
  const child = path.join(import.meta.dirname, '../../out/bench/xlsx-child.mjs');
  esbuild.buildSync({
    entryPoints: [path.join(import.meta.dirname, 'xlsx-child.ts')],
    outfile: child,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  const out = JSON.parse(
    execFileSync(process.execPath, [child, registerFile], { encoding: 'utf8' }).trim().split('\n').pop()!,
  ) as { ms: number; cpuMs: number; bytes: number; rssBeforeMb: number; peakMb: number };
  report(
    'XLSX export of 75,000 members',
    `${(out.ms / 1000).toFixed(2)} s  ${(out.bytes / 1024 / 1024).toFixed(1)} MB file`,
  );
  report(
    '  peak memory of that process (register open before: ' + `${out.rssBeforeMb} MB)`,
    `${out.peakMb} MB`,
  );
  target(
    'XLSX export 75,000 members, time / peak memory (a process of its own)',
    `${(out.ms / 1000).toFixed(2)} s (CPU ${(out.cpuMs / 1000).toFixed(2)} s) / ${out.peakMb} MB`,
    '≤ 3 s / ≤ 300 MB',
    out.ms <= 3000 && out.peakMb <= 300,
  );
}
