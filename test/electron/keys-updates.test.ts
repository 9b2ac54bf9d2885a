import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../node/helpers.ts';
import { electronBinary, whyNoElectron } from './binary.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

const binary = electronBinary();
const reason = whyNoElectron('Electron key and update tests');

/** A feed as headquarters would serve dist/: latest.yml (and latest-linux.yml) naming version 9.9.9. */
async function localFeed(): Promise<{ url: string; asked: string[]; close(): void }> {
  const installer = Buffer.from('not really an installer');
  const sha512 = createHash('sha512').update(installer).digest('base64');
  const file =
    process.platform === 'win32' ? 'Aqniet-Register-Setup-9.9.9.exe' : 'Aqniet-Register-9.9.9.AppImage';
  const yml = [
    'version: 9.9.9',
    'files:',
    `  - url: ${file}`,
    `    sha512: ${sha512}`,
    `    size: ${installer.length}`,
    `path: ${file}`,
    `sha512: ${sha512}`,
    "releaseDate: '2026-10-01T00:00:00.000Z'",
    '',
  ].join('\n');
  const asked: string[] = [];
  const server = http.createServer((req, res) => {
    asked.push(req.url!);
    const name = path.basename(req.url!.split('?')[0]!);
    if (name === 'latest.yml' || name === 'latest-linux.yml') return void res.end(yml);
    if (name === file) return void res.writeHead(200, { 'Content-Length': installer.length }).end(installer);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/register/`,
    asked,
    close: () => server.close(),
  };
}

/** Native dialogs answered by the test, in the main process (the page never sees a path). */
async function answerDialogs(app: ElectronApplication, files: string[]): Promise<void> {
  await app.evaluate(({ dialog }, queue) => {
    const next = () => queue.shift();
    dialog.showSaveDialog = (async () => {
      const filePath = next();
      return { canceled: !filePath, filePath: filePath ?? '' };
    }) as typeof dialog.showSaveDialog;
    dialog.showOpenDialog = (async () => {
      const filePath = next();
      return { canceled: !filePath, filePaths: filePath ? [filePath] : [] };
    }) as typeof dialog.showOpenDialog;
  }, files);
}

describe.skipIf(reason !== null)('keys and updates in the desktop window (Electron)', () => {
  let app: ElectronApplication;
  let page: Page;
  let feed: Awaited<ReturnType<typeof localFeed>>;
  const files = tempDir();

  beforeAll(async () => {
    feed = await localFeed();
    const home = tempDir();
    app = await electron.launch({
      executablePath: binary!,
      args: [ROOT],
      env: {
        ...process.env,
        HOME: home,
        APPDATA: home,
        XDG_CONFIG_HOME: home,
        AQNIET_UPDATES_UNPACKAGED: '1',
        // electron-updater on Linux updates an AppImage: this one is a file of the test's own
        APPIMAGE: path.join(files, 'Aqniet-Register.AppImage'),
      },
    });
    fs.writeFileSync(path.join(files, 'Aqniet-Register.AppImage'), '');
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  afterAll(async () => {
    await app?.close();
    feed?.close();
  });

  it('a branch creates its signing key, saves its .pub with the fingerprint, backs it up and restores it', async () => {
    await page.getByTestId('nav-exchange').click();
    await page.getByTestId('key-create').click();
    const fingerprint = (await page.getByTestId('key-fingerprint').locator('b').textContent())!;
    expect(fingerprint).toMatch(/\S/);

    const pub = path.join(files, 'BRANCH.pub');
    const backup = path.join(files, 'BRANCH-signing-backup.key');
    await answerDialogs(app, [pub, backup, backup]);
    await page.getByTestId('key-save-pub').click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toContain(fingerprint);
    expect(fs.readFileSync(pub, 'utf8')).toMatch(/^untrusted comment: /);

    await page.getByTestId('key-backup').click();
    await expect.poll(() => fs.existsSync(backup)).toBe(true);
    expect(fs.readFileSync(backup, 'utf8')).toMatch(/^aqniet-signing-key /);

    await page.getByTestId('key-restore').click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toContain(fingerprint);
  });

  it('a closed dialog does nothing and says nothing', async () => {
    await answerDialogs(app, []);
    await page.getByTestId('key-save-pub').click();
    await page.waitForTimeout(300);
    expect(await page.getByTestId('refusal').count()).toBe(0);
  });

  it('File → New makes a headquarters register; it creates its identity, saves the recipient and backs it up after the warning', async () => {
    const hqFile = path.join(files, 'HQ.sqlite');
    await answerDialogs(app, [hqFile]);
    await app.evaluate(({ Menu }) => {
      const file = Menu.getApplicationMenu()!.items[0]!.submenu!.items;
      file[1]!.click();
    });
    await page.getByTestId('new-register-kind').getByText('Центральный совет').click();
    await page.getByTestId('new-register-code').fill('HQ');
    await page.getByTestId('new-register-name').fill('Центральный совет');
    await page.getByTestId('new-register-create').click();
    await page.waitForLoadState('domcontentloaded');
    await expect.poll(() => fs.existsSync(hqFile)).toBe(true);

    await page.getByTestId('nav-exchange').click();
    await page.getByTestId('tab-keys').click();
    await page.getByTestId('hq-key-create').click();
    const recipient = (await page.getByTestId('hq-recipient').textContent())!.trim();
    expect(recipient).toMatch(/^age1/);

    const recipientFile = path.join(files, 'hq-recipient.txt');
    const identityFile = path.join(files, 'hq-identity-backup.key');
    await answerDialogs(app, [recipientFile, identityFile]);
    await page.getByTestId('hq-save-recipient').click();
    await expect.poll(() => fs.existsSync(recipientFile)).toBe(true);
    expect(fs.readFileSync(recipientFile, 'utf8')).toContain(recipient);

    await page.getByTestId('hq-backup').click();
    await expect(page.getByTestId('hq-backup-warning').textContent()).resolves.toMatch(/любой пакет/);
    await page.getByTestId('hq-backup-confirm').click();
    await expect.poll(() => fs.existsSync(identityFile)).toBe(true);
    expect(fs.readFileSync(identityFile, 'utf8')).toMatch(/AGE-SECRET-KEY-1/);
  });

  it('Help → Проверить обновления: up to date without a feed change, a newer version found on the feed, downloaded, then «Перезапустить и установить»', async () => {
    await app.evaluate(({ dialog }) => {
      const log: string[] = [];
      (globalThis as { said?: string[] }).said = log;
      dialog.showMessageBox = (async (_w: unknown, options: { message: string; buttons?: string[] }) => {
        log.push([options.message, ...(options.buttons ?? [])].join(' | '));
        return { response: options.buttons ? 1 : 0, checkboxChecked: false }; // «Позже»
      }) as unknown as typeof dialog.showMessageBox;
    });
    const check = () =>
      app.evaluate(({ Menu }) => {
        const help = Menu.getApplicationMenu()!.items[2]!.submenu!.items;
        help[0]!.click();
      });
    await check();
    await expect
      .poll(() => app.evaluate(() => (globalThis as { said?: string[] }).said ?? []))
      .toContain('Адрес обновлений не задан (Настройки).');

    await page.evaluate(
      (url) =>
        (globalThis as unknown as { api: Record<string, (i: unknown) => Promise<unknown>> }).api[
          'settings.update'
        ]!({
          updateUrl: url,
        }),
      feed.url,
    );
    await check();
    await expect
      .poll(() => app.evaluate(() => (globalThis as { said?: string[] }).said ?? []), { timeout: 30_000 })
      .toEqual(
        expect.arrayContaining([
          'Найдена версия 9.9.9; она загружается, работа продолжается.',
          'Обновление 9.9.9 загружено. | Перезапустить и установить | Позже',
        ]),
      );
    expect(feed.asked.some((u) => /latest(-linux)?\.yml/.test(u))).toBe(true);
  });
});
