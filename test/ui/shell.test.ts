import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeRegister, initRegister } from '../../electron/core/db/init.ts';
import { call } from '../../electron/core/service.ts';
import { CoreHost } from '../../electron/host/client.ts';
import { spawnWorker } from '../../electron/host/threads.ts';
import { startWebPreview, type WebPreview } from '../../electron/web/server.ts';
import { MEMBER_HEADER, memberRows } from '../bench/data.ts';
import { tempDir } from '../node/helpers.ts';
import { RENDERER, launch, screenshot, watchErrors, whyNoBrowser } from './browser.ts';

const reason = whyNoBrowser();
if (reason) console.warn(`browser tests skipped: ${reason}`);

/**
 * The shell's parts of the window, in Chromium against the web preview with the register in worker
 * threads (as behind the window): the determinate bar of a long import, the key files (dialogs are the
 * desktop app's: the preview says so), and File → New's form.
 */
describe.skipIf(reason !== null)('the window’s shell in the browser (register in worker threads)', () => {
  let core: CoreHost;
  let preview: WebPreview;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    const file = path.join(tempDir(), 'branch.sqlite');
    const reg = await initRegister(file, { kind: 'branch', code: 'KRG', name: 'Карагандинский филиал' });
    for (let i = 1; i <= 20; i++) {
      await call(reg, 'orgs.create', { code: `P${String(i).padStart(3, '0')}`, name: `ППО ${i}` });
    }
    await closeRegister(reg);
    core = await CoreHost.start({ file, spawn: spawnWorker, logDir: tempDir() });
    preview = await startWebPreview(core, { root: RENDERER });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1024, height: 700 } });
    errors = watchErrors(page);
    await page.goto(preview.url);
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
    await core?.close();
  });

  it('shows a long import’s real progress as a determinate bar, done of total', async () => {
    const csv = path.join(tempDir(), 'members.csv');
    fs.writeFileSync(csv, [MEMBER_HEADER, ...memberRows(30_000, 20)].map((r) => r.join(',')).join('\n'));
    await page.getByTestId('nav-import').click();
    await page.locator('input[type=file]').setInputFiles(csv);
    await page.getByTestId('import-check').click();
    const bar = page.getByTestId('import-progress');
    await bar.waitFor();
    await expect
      .poll(async () => Number(await bar.getAttribute('data-total')), { timeout: 60_000 })
      .toBeGreaterThan(0);
    await screenshot(page, 'shell-import-progress');
    await expect
      .poll(() => page.getByTestId('import-summary').textContent(), { timeout: 120_000 })
      .toContain('новых 30');
    expect(await bar.count()).toBe(0);
  });

  it('offers the key files; their dialogs are the desktop app’s, which the preview says in words', async () => {
    await page.getByTestId('nav-exchange').click();
    await page.getByTestId('key-create').click();
    await expect.poll(() => page.getByTestId('key-fingerprint').textContent()).toMatch(/\S{8}/);
    await page.getByTestId('key-save-pub').click();
    await expect
      .poll(() => page.getByTestId('refusal').textContent())
      .toContain('Выбор файла доступен только в программе');
    expect(await page.getByTestId('key-backup').isVisible()).toBe(true);
    expect(await page.getByTestId('key-restore').isVisible()).toBe(true);
    await screenshot(page, 'shell-key-files');
  });

  it('File → New asks whose register, its code and name', async () => {
    await page.evaluate(() => {
      (globalThis as unknown as { location: { hash: string } }).location.hash = '#/new-register';
    });
    await page.getByTestId('new-register-code').fill('ALA');
    await page.getByTestId('new-register-name').fill('Алматинский филиал');
    await page.getByText('Центральный совет').click();
    await screenshot(page, 'shell-new-register');
    await page.getByTestId('new-register-create').click();
    await expect
      .poll(() => page.getByRole('dialog').getByTestId('refusal').textContent())
      .toContain('только в программе');
    expect(errors).toEqual([]);
  });
});
