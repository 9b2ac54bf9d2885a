import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { NODE_PROCESS_BUILD } from '../../electron/build/bundle.ts';
import {
  checkForUpdates,
  UpdateFlow,
  updateFeedUrl,
  type DownloadProgress,
  type Updater,
} from '../../electron/main/updates.ts';
import { tempDir } from './helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** A stand-in updater for the flow's own logic (the real electron-updater is run below, in its own process). */
function updater(
  behaviour: () => Promise<{ isUpdateAvailable?: boolean; updateInfo?: { version: string } } | null>,
): Updater & { feeds: string[]; installed: boolean; emit(p: DownloadProgress): void } {
  const feeds: string[] = [];
  let listener: ((p: DownloadProgress) => void) | null = null;
  return {
    feeds,
    installed: false,
    autoDownload: true,
    autoInstallOnAppQuit: false,
    setFeedURL: (o) => void feeds.push(o.url),
    checkForUpdates: behaviour,
    downloadUpdate: async function (this: { emit(p: DownloadProgress): void }) {
      this.emit({ transferred: 50, total: 100, percent: 50 });
      this.emit({ transferred: 100, total: 100, percent: 100 });
      return [];
    },
    quitAndInstall() {
      this.installed = true;
    },
    on: (_e, l) => (listener = l),
    removeAllListeners: () => (listener = null),
    emit: (p) => listener?.(p),
  };
}

/** A feed as `npm run dist` writes it: latest.yml (latest-linux.yml on Linux) beside the installers. */
function serveFeed(version: string) {
  const installer = randomBytes(256 * 1024);
  const sha512 = createHash('sha512').update(installer).digest('base64');
  const names = {
    exe: `Aqniet-Register-Setup-${version}.exe`,
    AppImage: `Aqniet-Register-${version}.AppImage`,
  };
  const yml = [
    `version: ${version}`,
    'files:',
    ...Object.values(names).flatMap((url) => [
      `  - url: ${url}`,
      `    sha512: ${sha512}`,
      `    size: ${installer.length}`,
    ]),
    `path: ${names.exe}`,
    `sha512: ${sha512}`,
    `releaseDate: '2026-10-01T00:00:00.000Z'`,
    '',
  ].join('\n');
  const asked: string[] = [];
  const server = http.createServer((req, res) => {
    asked.push(req.url!);
    const name = path.basename(req.url!.split('?')[0]!);
    if (name === 'latest.yml' || name === 'latest-linux.yml') return void res.end(yml);
    if (Object.values(names).includes(name))
      return void res.writeHead(200, { 'Content-Length': installer.length }).end(installer);
    res.writeHead(404).end();
  });
  return new Promise<{ url: string; asked: string[]; close(): void }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/register/`,
        asked,
        close: () => server.close(),
      }),
    ),
  );
}

/**
 * The child is built as the main process is (esbuild, ESM, packages external) and run by plain Node, so
 * electron-updater meets exactly the loader the built app gives it (vitest and tsx both add their own
 * CommonJS interop, which hides the defect).
 */
// inside the repository, so that Node finds the packages in node_modules from it
const child = path.join(ROOT, 'out/test/updates-child.mjs');
beforeAll(async () => {
  await build({
    ...NODE_PROCESS_BUILD,
    entryPoints: [path.join(ROOT, 'test/node/updates-child.ts')],
    outfile: child,
  });
});

/** The real electron-updater, loaded as the built (ESM) main process loads it, asks the local feed. */
async function realCheck(feed: string, appVersion: string) {
  const resources = tempDir();
  // what electron-builder writes into resources/ when `publish` is set (none was written with publish: null)
  fs.writeFileSync(
    path.join(resources, 'app-update.yml'),
    `provider: generic\nurl: ${feed}\nupdaterCacheDirName: aqniet-register-updater\n`,
  );
  // asynchronously: the feed is served from this very process
  const r = await promisify(execFile)(process.execPath, [child, feed, appVersion, resources], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, XDG_CACHE_HOME: resources, LOCALAPPDATA: resources, APPIMAGE: undefined },
  });
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as {
    namedExport: string;
    result: { status: string; version?: string };
    progress: DownloadProgress[];
    asked: string[];
    failures: string[];
    autoInstallOnAppQuit: boolean;
  };
}

describe('updates', () => {
  it.each([
    ['https://updates.aqniet.kz/register/', 'https://updates.aqniet.kz/register/'],
    ['http://127.0.0.1:8080/feed/', 'http://127.0.0.1:8080/feed/'],
    ['http://updates.aqniet.kz/', null],
    ['https://user:pass@updates.aqniet.kz/', null],
    ['file:///C:/updates/', null],
    ['javascript:alert(1)', null],
    ['updates.aqniet.kz', null],
    ['', null],
  ])('feed URL %s → %s', (setting, url) => {
    expect(updateFeedUrl(setting)).toBe(url);
  });

  it('is off when headquarters has set no URL, and refuses a bad one without asking the network', async () => {
    const u = updater(async () => ({ isUpdateAvailable: true }));
    expect((await checkForUpdates(u, '')).status).toBe('disabled');
    expect((await checkForUpdates(u, 'http://example.com/')).status).toBe('invalid-url');
    expect(u.feeds).toEqual([]);
  });

  it('reports offline instead of failing, and never downloads on its own', async () => {
    const offline = updater(async () => {
      throw new Error('getaddrinfo ENOTFOUND updates.aqniet.kz');
    });
    expect((await checkForUpdates(offline, 'https://updates.aqniet.kz/')).status).toBe('offline');
    expect(offline.autoDownload).toBe(false);
    const broken = updater(async () => {
      throw new Error('Cannot parse update info from latest.yml');
    });
    expect((await checkForUpdates(broken, 'https://updates.aqniet.kz/')).status).toBe('error');
    const fresh = updater(async () => ({ isUpdateAvailable: true, updateInfo: { version: '0.2.0' } }));
    expect(await checkForUpdates(fresh, 'https://updates.aqniet.kz/')).toEqual({
      status: 'available',
      version: '0.2.0',
    });
    expect(fresh.feeds).toEqual(['https://updates.aqniet.kz/']);
  });

  it('downloads a found update with progress, then «Перезапустить и установить» closes the register first', async () => {
    const u = updater(async () => ({ isUpdateAvailable: true, updateInfo: { version: '0.2.0' } }));
    const steps: string[] = [];
    const flow = new UpdateFlow(
      async () => u,
      {
        progress: (p) => steps.push(p ? `progress ${p.percent}` : 'progress done'),
        askToInstall: async (v) => (steps.push(`ask ${v}`), 'install'),
        failed: (err) => steps.push(`failed ${err}`),
      },
      async () => void steps.push('register closed'),
    );
    expect(await flow.check('https://updates.aqniet.kz/')).toEqual({ status: 'available', version: '0.2.0' });
    expect(await flow.check('https://updates.aqniet.kz/')).toEqual({ status: 'downloading' });
    await flow.settled();
    expect(steps).toEqual(['progress 50', 'progress 100', 'progress done', 'ask 0.2.0', 'register closed']);
    expect(u.installed).toBe(true);
    expect(u.autoInstallOnAppQuit).toBe(true);
  });

  it('never blocks work offline: a failed download is reported, not thrown', async () => {
    const u = updater(async () => ({ isUpdateAvailable: true, updateInfo: { version: '0.2.0' } }));
    u.downloadUpdate = async () => {
      throw new Error('net::ERR_INTERNET_DISCONNECTED');
    };
    const failed: string[] = [];
    const flow = new UpdateFlow(
      async () => u,
      { progress: () => {}, askToInstall: async () => 'install', failed: (e) => void failed.push(String(e)) },
      async () => {},
    );
    await flow.check('https://updates.aqniet.kz/');
    await flow.settled();
    expect(failed).toEqual(['Error: net::ERR_INTERNET_DISCONNECTED']);
    expect(u.installed).toBe(false);
  });

  describe('the real electron-updater against a local feed', () => {
    it('sees a newer version, downloads it with progress and offers to install it', async () => {
      const feed = await serveFeed('9.9.9');
      try {
        const run = await realCheck(feed.url, '0.1.0');
        // the defect: Node's ES-module loader shows no named autoUpdater
        expect(run.namedExport).toBe('undefined');
        expect(run.failures).toEqual([]);
        expect(run.result).toEqual({ status: 'available', version: '9.9.9' });
        expect(run.asked).toEqual(['9.9.9']);
        expect(run.progress.at(-1)).toMatchObject({ transferred: 256 * 1024, percent: 100 });
        expect(run.autoInstallOnAppQuit).toBe(true);
        expect(feed.asked.some((u) => /\/register\/latest(-linux)?\.yml/.test(u))).toBe(true);
        expect(feed.asked.some((u) => /Aqniet-Register(-Setup)?-9\.9\.9\.(exe|AppImage)/.test(u))).toBe(true);
      } finally {
        feed.close();
      }
    });

    it('says up to date for the version it runs, and downloads nothing', async () => {
      const feed = await serveFeed('0.1.0');
      try {
        const run = await realCheck(feed.url, '0.1.0');
        expect(run.result).toEqual({ status: 'up-to-date' });
        expect(run.asked).toEqual([]);
        expect(feed.asked.every((u) => /\.yml/.test(u))).toBe(true);
      } finally {
        feed.close();
      }
    });
  });
});
