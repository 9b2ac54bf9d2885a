import fs from 'node:fs';
import type * as Electron from 'electron';
import { dailyBackup } from '../core/backups/operations.ts';
import { closeRegister, initRegister, openRegister } from '../core/db/init.ts';
import { isNetworkPath } from '../core/db/open.ts';
import type { Register } from '../core/register.ts';
import { databaseFile } from './config.ts';
import { buildMenu } from './menu.ts';
import {
  APP_ENTRY,
  APP_HOST,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  IPC_CHANNEL,
  contentType,
  isTrustedAppUrl,
  resolveAppPath,
  permissionGranted,
  webPreferences,
} from './policy.ts';
import { createRouter } from './router.ts';
import { checkForUpdates, type Updater, type UpdateStatus } from './updates.ts';
import { readSettings } from '../core/settings/settings.ts';

/**
 * The main process, written against the Electron API it is given so that a test can start it with a stub
 * (test/node/main-smoke.test.ts) — the closest this machine gets to opening the window. main.ts passes the
 * real module. Kept thin: the work is in the core; the rules are in policy.ts.
 */
export interface StartOptions {
  /** Folder of the built renderer (index.html). */
  rendererDir: string;
  /** The sandboxed preload bundle. */
  preload: string;
  /** Overrides the register file (tests; a second branch or headquarters chosen from the menu). */
  databaseFile?: string;
}

export interface RunningApp {
  register: Register;
  window: Electron.BrowserWindow;
  stop(): Promise<void>;
}

type ElectronModule = Pick<
  typeof Electron,
  'app' | 'BrowserWindow' | 'ipcMain' | 'protocol' | 'session' | 'Menu' | 'dialog' | 'safeStorage'
>;

export function registerSchemes(electron: Pick<ElectronModule, 'protocol'>): void {
  // Must run before the app is ready: app:// behaves like https (secure, standard) for the page.
  electron.protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

async function openOrCreate(file: string): Promise<Register> {
  if (isNetworkPath(file)) return openRegister(file); // refuses with a sentence that explains why
  if (fs.existsSync(file)) return openRegister(file);
  return initRegister(file, { kind: 'branch', code: 'BRANCH', name: 'Филиал' });
}

export async function startApp(electron: ElectronModule, options: StartOptions): Promise<RunningApp> {
  const { app, BrowserWindow, ipcMain, protocol, session, Menu, dialog } = electron;
  const file = options.databaseFile ?? databaseFile(app.getPath('userData'));
  const register = await openOrCreate(file);
  // once a day on the first start; a failed copy is reported, and the register still opens
  await dailyBackup(register).catch((err: unknown) => console.error(err));
  // Private keys (exchange) are sealed with the OS key store where it is available.
  if (electron.safeStorage.isEncryptionAvailable()) {
    register.vault = {
      seal: (secret) => electron.safeStorage.encryptString(secret).toString('base64'),
      open: (sealedText) => electron.safeStorage.decryptString(Buffer.from(sealedText, 'base64')),
    };
  }

  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const target = url.host === APP_HOST ? resolveAppPath(options.rendererDir, url.pathname) : null;
    if (!target || !fs.existsSync(target)) return new Response('not found', { status: 404 });
    return new Response(await fs.promises.readFile(target), {
      headers: { 'Content-Type': contentType(target), 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
    });
  });

  // No permission (camera, notifications, geolocation…) is granted to the page, except copying a chart.
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
    callback(permissionGranted(permission)),
  );
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => permissionGranted(permission));

  const route = createRouter(register);

  // Updates: only in an installed app, only if headquarters set a URL; offline is a status, not an error.
  const checkUpdates = async (): Promise<UpdateStatus> => {
    const settings = await readSettings(register.db);
    if (!(app as { isPackaged?: boolean }).isPackaged) return settings.updateUrl ? 'up-to-date' : 'disabled';
    const { autoUpdater } = await import('electron-updater');
    return checkForUpdates(autoUpdater as unknown as Updater, settings.updateUrl);
  };

  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    show: false,
    title: 'Aqniet Register',
    webPreferences: webPreferences(options.preload),
  });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event, url) => {
    if (!isTrustedAppUrl(url)) event.preventDefault();
  });
  window.webContents.on('will-redirect', (event, url) => {
    if (!isTrustedAppUrl(url)) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  Menu.setApplicationMenu(
    buildMenu(electron, window, (await readSettings(register.db)).language, checkUpdates),
  );
  ipcMain.handle(IPC_CHANNEL, async (event, op: unknown, input: unknown) => {
    const result = await route(event.senderFrame?.url, op, input);
    // The menu follows the UI language the user picks in the window.
    const language = (input as { language?: unknown } | null)?.language;
    if (
      result.ok &&
      op === 'settings.update' &&
      (language === 'ru' || language === 'kk' || language === 'en')
    ) {
      Menu.setApplicationMenu(buildMenu(electron, window, language, checkUpdates));
    }
    return result;
  });
  await window.loadURL(APP_ENTRY);

  void checkUpdates().then(
    (status) => console.log(`update check: ${status}`),
    (err: unknown) => console.error(err),
  );

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    ipcMain.removeHandler(IPC_CHANNEL);
    await closeRegister(register); // pending writes finish first: knex waits for the running query
  };
  app.on('before-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    void stop().then(
      () => app.quit(),
      (err) => dialog.showErrorBox('Aqniet Register', String(err)),
    );
  });
  return { register, window, stop };
}
