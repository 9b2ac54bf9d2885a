import fs from 'node:fs';
import type * as Electron from 'electron';
import { dailyBackup } from '../core/backups/operations.ts';
import { closeRegister, initRegister, openRegister } from '../core/db/init.ts';
import { isNetworkPath } from '../core/db/open.ts';
import { logDir, logError, logInfo, openLog } from '../core/log.ts';
import type { Register } from '../core/register.ts';
import { readSettings } from '../core/settings/settings.ts';
import type { UiLanguage } from '../shared/collation.ts';
import { databaseFile, readConfig, updateConfig } from './config.ts';
import { label, systemLanguage } from './labels.ts';
import { buildMenu, PDF_OPTIONS } from './menu.ts';
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
import { updateFlow, updateMessage } from './updates-ui.ts';

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
  readonly register: Register;
  window: Electron.BrowserWindow;
  stop(): Promise<void>;
}

type ElectronModule = Pick<
  typeof Electron,
  'app' | 'BrowserWindow' | 'ipcMain' | 'protocol' | 'session' | 'Menu' | 'dialog' | 'safeStorage' | 'shell'
>;

export function registerSchemes(electron: Pick<ElectronModule, 'protocol'>): void {
  // Must run before the app is ready: app:// behaves like https (secure, standard) for the page.
  electron.protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

async function openOrCreate(file: string): Promise<Register> {
  const reg =
    isNetworkPath(file) || fs.existsSync(file) // a network path is refused with a sentence
      ? await openRegister(file)
      : await initRegister(file, { kind: 'branch', code: 'BRANCH', name: 'Филиал' });
  // once a day on the first start; a failed copy is logged, and the register still opens
  await dailyBackup(reg).catch((err: unknown) => logError(err, { what: 'daily backup' }));
  return reg;
}

/** The UI language for what the main process says before (or without) a register: the last one chosen. */
export function startLanguage(electron: Pick<ElectronModule, 'app'>): UiLanguage {
  const userData = electron.app.getPath('userData');
  return readConfig(userData).language ?? systemLanguage(electron.app.getLocale?.());
}

export async function startApp(electron: ElectronModule, options: StartOptions): Promise<RunningApp> {
  const { app, BrowserWindow, ipcMain, protocol, session, Menu, dialog } = electron;
  const userData = app.getPath('userData');
  await openLog({ dir: logDir(userData), process: 'main' });
  logInfo('start', { version: app.getVersion() });
  let language = startLanguage(electron);
  let file = options.databaseFile ?? databaseFile(userData);
  let register = await openOrCreate(file);
  const vault = electron.safeStorage.isEncryptionAvailable()
    ? {
        seal: (secret: string) => electron.safeStorage.encryptString(secret).toString('base64'),
        open: (sealedText: string) => electron.safeStorage.decryptString(Buffer.from(sealedText, 'base64')),
      }
    : undefined;
  // Private keys (exchange) are sealed with the OS key store where it is available.
  register.vault = vault;
  let route = createRouter(register);

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

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    ipcMain.removeHandler(IPC_CHANNEL);
    await closeRegister(register); // pending writes finish first: knex waits for the running query
    logInfo('stopped');
  };

  // Updates: only in an installed app, only if headquarters set a URL; offline is a status, not an error.
  const updates = updateFlow(
    electron,
    () => window,
    () => language,
    stop,
  );
  const checkUpdates = async () => {
    const { updateUrl } = await readSettings(register.db);
    if (!app.isPackaged) return { status: updateUrl ? ('up-to-date' as const) : ('disabled' as const) };
    return updates.check(updateUrl);
  };

  /** Another register file (a second branch, headquarters): the current one is closed first. */
  const switchDatabase = async (mode: 'open' | 'create') => {
    const filters = [{ name: 'Aqniet Register', extensions: ['sqlite'] }];
    const chosen =
      mode === 'open'
        ? (await dialog.showOpenDialog(window, { filters, properties: ['openFile'] })).filePaths[0]
        : (await dialog.showSaveDialog(window, { filters, defaultPath: 'register.sqlite' })).filePath;
    if (!chosen) return;
    if (isNetworkPath(chosen))
      return void dialog.showErrorBox('Aqniet Register', label(language, 'db.networkPath'));
    const next = await openOrCreate(chosen);
    next.vault = vault;
    await closeRegister(register);
    [register, file] = [next, chosen];
    route = createRouter(register);
    updateConfig(userData, { databaseFile: file });
    window.webContents.reload();
  };

  const setMenu = () =>
    Menu.setApplicationMenu(
      buildMenu(electron, language, {
        openDatabase: () => void switchDatabase('open').catch((err) => showFailure(err)),
        createDatabase: () => void switchDatabase('create').catch((err) => showFailure(err)),
        print: () => window.webContents.print({ silent: false }),
        saveAsPdf: () => void saveAsPdf(),
        checkUpdates: () =>
          void checkUpdates().then((check) =>
            dialog.showMessageBox(window, {
              title: 'Aqniet Register',
              message: updateMessage(language, check),
            }),
          ),
        openLogs: () => void electron.shell.openPath(logDir(userData)),
        about: () =>
          void dialog.showMessageBox(window, {
            title: 'Aqniet Register',
            message: `Aqniet Register ${app.getVersion()}`,
          }),
      }),
    );
  const showFailure = (err: unknown) => {
    const logId = logError(err, { what: 'menu' });
    dialog.showErrorBox('Aqniet Register', `${label(language, 'start.failed')} (${logId})`);
  };
  const saveAsPdf = async () => {
    const { filePath } = await dialog.showSaveDialog(window, {
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (filePath) fs.writeFileSync(filePath, await window.webContents.printToPDF(PDF_OPTIONS));
  };
  language = (await readSettings(register.db)).language;
  setMenu();

  ipcMain.handle(IPC_CHANNEL, async (event, op: unknown, input: unknown) => {
    const result = await route(event.senderFrame?.url, op, input);
    // The menu follows the UI language the user picks in the window.
    const chosen = (input as { language?: unknown } | null)?.language;
    if (result.ok && op === 'settings.update' && (chosen === 'ru' || chosen === 'kk' || chosen === 'en')) {
      language = chosen;
      updateConfig(userData, { language });
      setMenu();
    }
    return result;
  });
  await window.loadURL(APP_ENTRY);

  void checkUpdates().then(
    (check) => logInfo('update check', { ...check }),
    (err: unknown) => logError(err, { what: 'update check' }),
  );

  app.on('before-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    void stop().then(
      () => app.quit(),
      (err) => {
        logError(err, { what: 'stop' });
        app.exit(1);
      },
    );
  });
  return {
    get register() {
      return register;
    },
    window,
    stop,
  };
}
