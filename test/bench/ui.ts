import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeRegister, openRegister } from '../../electron/core/db/init.ts';
import { benchXlsx } from './print.ts';
import { generateDemo } from '../../electron/core/demo/demo.ts';
import { call } from '../../electron/core/service.ts';
import { startWebPreview } from '../../electron/web/server.ts';
import { RENDERER, launch, whyNoBrowser } from '../ui/browser.ts';

/**
 * The window's speed as a person feels it, measured in Chromium against the web preview over a branch of
 * 75,000 members: first paint of the dashboard, and the time from a keystroke in the member search to the
 * filtered list on screen.
 */
export async function benchUi(report: (label: string, value: string) => void): Promise<void> {
  const why = whyNoBrowser();
  if (why) {
    report('UI in Chromium', `skipped: ${why}`);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aqniet-ui-bench-'));
  const file = path.join(dir, 'big.sqlite');
  await generateDemo(file, { members: 75_000, appeals: 12_000 });
  const reg = await openRegister(file);
  await reg.db('members').limit(1); // migrations and list keys done before timing
  const web = await startWebPreview(reg, { root: RENDERER });
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // the members screen shows active members by default; the expected counts below use the same filter
    await page.goto(web.url.replace('#/', '#/members'));
    await page
      .getByTestId('member-count')
      .filter({ hasText: /\d{4,}/ })
      .waitFor({ timeout: 120_000 });

    const start = Date.now();
    await page.goto(web.url);
    await page.getByTestId('stat-members').filter({ hasText: /\d/ }).waitFor();
    const dataMs = Date.now() - start;
    const fcp = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
    );
    report('dashboard first contentful paint (Chromium)', `${Math.round(fcp)} ms`);
    report('dashboard with its numbers on screen (75,000 members)', `${dataMs} ms`);

    await page.getByTestId('nav-members').click();
    const count = page.getByTestId('member-count');
    await count.filter({ hasText: /\d{5}/ }).waitFor();
    const search = page.getByTestId('member-search');
    const times: number[] = [];
    for (const term of ['Ж', 'Жұ', 'Жұм', 'И', 'Ив', 'Иван']) {
      const expected = (await call(reg, 'members.list', { search: term, status: 'active', limit: 1 })).total;
      const t0 = Date.now();
      await search.fill(term);
      // The count shown is the filtered total: the list on screen has caught up with the keystroke.
      await page.waitForFunction((want) => {
        const doc = (
          globalThis as unknown as {
            document: { querySelector(s: string): { textContent: string | null } | null };
          }
        ).document;
        return doc.querySelector('[data-testid="member-count"]')?.textContent?.endsWith(want) ?? false;
      }, `: ${expected}`);
      times.push(Date.now() - t0);
      if (term.length === 3) await search.fill('');
    }
    times.sort((a, b) => a - b);
    report(
      'keystroke → filtered list, 75,000 members (median of 6)',
      `${times[3]} ms (max ${times[times.length - 1]} ms)`,
    );
  } finally {
    await browser.close();
    await web.close();
    await closeRegister(reg);
  }
  try {
    benchXlsx(report, file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
