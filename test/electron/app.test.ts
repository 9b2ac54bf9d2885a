import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDF_OPTIONS } from '../../electron/main/menu.ts';
import { WINDOW_OPERATIONS } from '../../electron/shared/contract.ts';
import { tempDir } from '../node/helpers.ts';
import { electronBinary, whyNoElectron } from './binary.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** What the tests touch of the page's global object (this tsconfig has no DOM types; casts are erased,
 * so the functions passed to evaluate() stay self-contained). */
interface PageGlobal {
  api: Record<string, (input: unknown) => Promise<unknown>>;
  location: { href: string };
  open(url: string): unknown;
}

const binary = electronBinary();
const reason = whyNoElectron('Electron tests');

describe.skipIf(reason !== null)('the desktop window (Electron)', () => {
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    const home = tempDir();
    app = await electron.launch({
      executablePath: binary!,
      // the project folder, as `npm start` runs it: package.json names the app «Aqniet Register»
      args: [ROOT],
      env: { ...process.env, HOME: home, APPDATA: home, XDG_CONFIG_HOME: home },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('loads the UI from app:// with one bridge object and no Node', async () => {
    expect(page.url()).toMatch(/^app:\/\/register\//);
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    const methods = await page.evaluate(() => Object.keys((globalThis as unknown as PageGlobal).api).sort());
    // the window's operations only: not the CLI's path-taking ones
    expect(methods).toEqual([...WINDOW_OPERATIONS].sort());
  });

  it('answers the contract over IPC and refuses bad input with a sentence', async () => {
    const info = await page.evaluate(() => (globalThis as unknown as PageGlobal).api['register.info']!({}));
    expect(info).toMatchObject({ ok: true });
    const refused = await page.evaluate(() =>
      (globalThis as unknown as PageGlobal).api['members.admit']!({
        iin: 1,
      }),
    );
    expect(refused).toMatchObject({ ok: false, code: 'input.invalid' });
  });

  it('does not navigate away or open windows', async () => {
    await page.evaluate(() => {
      (globalThis as unknown as PageGlobal).location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/register\//);
    await page.evaluate(() => (globalThis as unknown as PageGlobal).open('https://example.com/'));
    await page.waitForTimeout(500);
    expect(app.windows()).toHaveLength(1);
  });

  it('admits a member through the window', async () => {
    await page.getByTestId('nav-orgs').click();
    await page.getByTestId('org-create').click();
    await page.getByTestId('org-code').fill('P001');
    await page.getByTestId('org-name').fill('ППО');
    await page.getByTestId('org-save').click();
    await expect.poll(() => page.getByTestId('orgs-table').textContent()).toContain('P001');
  });
  it('prints a membership list from its print route to PDF, as File → Save as PDF does', async () => {
    await page.evaluate(() => {
      (globalThis as unknown as PageGlobal).location.href = 'app://register/index.html#/print/members/P001';
    });
    await page.waitForSelector('[data-testid=print-page][data-ready=yes]');
    const pdf = await app.evaluate(async ({ BrowserWindow }, options) => {
      const win = BrowserWindow.getAllWindows()[0]!;
      return Buffer.from(await win.webContents.printToPDF(options)).toString('base64');
    }, PDF_OPTIONS);
    const file = path.join(tempDir(), 'list.pdf');
    fs.writeFileSync(file, Buffer.from(pdf, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('СПИСОК ЧЛЕНОВ ПРОФСОЮЗА');
    expect(text).toMatch(/Страница 1 из 1/);
  });
});
