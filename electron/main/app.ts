import fs from 'node:fs';
import type * as Electron from 'electron';
import { logDir, logError, logInfo, openLog } from '../core/log.ts';
import type { Progress } from '../core/progress.ts';
import { CoreHost, type CoreHostOptions } from '../host/client.ts';
import type { CreateRegister } from '../host/protocol.ts';
import type { UiLanguage } from '../shared/collation.ts';
import type { Access, OperationName } from '../shared/contract.ts';
import { databaseFile, readConfig, updateConfig } from './config.ts';
import { label, systemLanguage } from './labels.ts';
import { buildMenu, PDF_OPTIONS } from './menu.ts';
import {
  APP_ENTRY,
  APP_HOST,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  IPC_CHANNEL,
  PROGRESS_CHANNEL,
  contentType,
  isTrustedAppUrl,
  resolveAppPath,
  permissionGranted,
  webPreferences,
} from './policy.ts';
import { createRouter } from './router.ts';
import { startupFailure } from './startup.ts';
import { updateFlow, updateMessage } from './updates-ui.ts';
import { loadAutoUpdater } from './updates.ts';

/**
 * The main process, written against the Electron API it is given so that a test can start it with a stub
 * (test/node/main-smoke.test.ts) — the closest this machine gets to opening the window. main.ts passes the
 * real module. Kept thin: the register lives in a utility process (electron/host, bundled as core.js);
 * this process draws the window, relays the window's calls, shows native dialogs and keeps the OS key
 * store; the rules are in policy.ts and the window's surface in the contract.
 */
export interface StartOptions {
  /** Folder of the built renderer (index.html). */
  rendererDir: string;
  /** The sandboxed preload bundle. */
  preload: string;
  /** The utility process's bundle (out/main/core.js). */
  core: string;
  /** Overrides the register file (tests; a second branch or headquarters chosen from the menu). */
  databaseFile?: string;
}

export interface RunningApp {
  readonly core: CoreHost;
  window: Electron.BrowserWindow;
  stop(): Promise<void>;
}

type ElectronModule = Pick<
  typeof Electron,
  | 'app'
  | 'BrowserWindow'
  | 'ipcMain'
  | 'protocol'
  | 'session'
  | 'Menu'
  | 'dialog'
  | 'safeStorage'
  | 'shell'
  | 'utilityProcess'
>;

/** The profile of the register made on the very first start, before anyone chose one (File → New asks). */
const FIRST_REGISTER: CreateRegister = { kind: 'branch', code: 'BRANCH', name: 'Филиал' };

export function registerSchemes(electron: Pick<ElectronModule, 'protocol'>): void {
  // Must run before the app is ready: app:// behaves like https (secure, standard) for the page.
  electron.protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** The UI language for what the main process says before (or without) a register: the last one chosen. */
export function startLanguage(electron: Pick<ElectronModule, 'app'>): UiLanguage {
  const userData = electron.app.getPath('userData');
  return readConfig(userData).language ?? systemLanguage(electron.app.getLocale?.());
}

/** Core hosts as Electron utility processes: the writer and the reader of one register file. */
function utilityProcesses(electron: Pick<ElectronModule, 'utilityProcess'>, entry: string) {
  const spawn: CoreHostOptions['spawn'] = (role) => {
    const child = electron.utilityProcess.fork(entry, [], {
      serviceName: `Aqniet Register core (${role})`,
      stdio: 'inherit',
    });
    let asked = false;
    return {
      post: (message) => child.postMessage(message),
      listen: (handler) => child.on('message', handler),
      onExit: (handler) =>
        child.on('exit', (code) => {
          if (!asked) handler(code);
        }),
      kill: () => {
        asked = true;
        child.kill();
      },
    };
  };
  return spawn;
}

export async function startApp(electron: ElectronModule, options: StartOptions): Promise<RunningApp> {
  const { app, BrowserWindow, ipcMain, protocol, session, Menu, dialog } = electron;
  const userData = app.getPath('userData');
  const logs = logDir(userData);
  await openLog({ dir: logs, process: 'main' });
  logInfo('start', { version: app.getVersion() });
  let language = startLanguage(electron);
  // Private keys (exchange) are sealed with the OS key store where it is available; only this process has it.
  const vault = electron.safeStorage.isEncryptionAvailable()
    ? {
        seal: (secret: string) => electron.safeStorage.encryptString(secret).toString('base64'),
        open: (sealedText: string) => electron.safeStorage.decryptString(Buffer.from(sealedText, 'base64')),
      }
    : undefined;
  const spawn = utilityProcesses(electron, options.core);
  const startCore = (file: string, create?: CreateRegister) =>
    CoreHost.start({ file, spawn, vault, logDir: logs, create });
  let core = await startCore(options.databaseFile ?? databaseFile(userData), FIRST_REGISTER);

  /** What the main process itself needs to know of the register (its language, code, update URL). */
  const info = async () => {
    const answer = await core.call('register.info', {});
    if (!answer.ok) throw new Error(`register.info: ${answer.code}`);
    return answer.value as { language: UiLanguage; branchCode: string; updateUrl: string; file: string };
  };

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
    await core.close(); // the calls under way finish first, then the register is closed
    logInfo('stopped');
  };

  // Updates: only in an installed app, only if headquarters set a URL; offline is a status, not an error.
  // The Electron tests run the project folder (`electron .`) against a local feed: AQNIET_UPDATES_UNPACKAGED.
  const unpackagedFeed = !app.isPackaged && process.env.AQNIET_UPDATES_UNPACKAGED === '1';
  const updates = updateFlow(
    electron,
    () => window,
    () => language,
    stop,
    async () => {
      const updater = await loadAutoUpdater();
      if (unpackagedFeed) updater.forceDevUpdateConfig = true;
      return updater;
    },
  );
  const checkUpdates = async () => {
    const { updateUrl } = await info();
    if (!app.isPackaged && !unpackagedFeed)
      return { status: updateUrl ? ('up-to-date' as const) : ('disabled' as const) };
    return updates.check(updateUrl);
  };

  /** File → Open: another register (a second branch, headquarters), chosen in the native dialog. */
  const openDatabase = async () => {
    const filters = [{ name: 'Aqniet Register', extensions: ['sqlite'] }];
    const chosen = (await dialog.showOpenDialog(window, { filters, properties: ['openFile'] })).filePaths[0];
    if (chosen) await switchTo(chosen);
  };

  /**
   * File → New asks in the window whose register it is (branch or headquarters), its code and name; the
   * window then calls `register.create`, whose file the save dialog gives, and the app switches to it.
   */
  const createDatabase = () => window.webContents.executeJavaScript("location.hash = '#/new-register'");

  /** The current register is closed once the next one is open (and stays open if the next one cannot be). */
  const switchTo = async (chosen: string) => {
    let next: CoreHost;
    try {
      next = await startCore(chosen);
    } catch (err) {
      // a network folder, a newer version, not a register: said in words; the open register stays
      return void dialog.showErrorBox('Aqniet Register', startupFailure(err, language));
    }
    const previous = core;
    core = next;
    await previous.close();
    updateConfig(userData, { databaseFile: chosen });
    window.webContents.reload();
  };

  /** The file of a dialog operation, chosen by the person in a native dialog; null when cancelled. */
  const choose = async (
    _op: OperationName,
    spec: NonNullable<Access['dialog']>,
    input: { code?: unknown },
  ): Promise<string | null> => {
    const filters = spec.extensions?.length
      ? [{ name: spec.extensions.join(', '), extensions: [...spec.extensions] }]
      : [];
    if (spec.kind === 'save') {
      const code = typeof input.code === 'string' && input.code ? input.code : (await info()).branchCode;
      const name = spec.name?.replace('{code}', code);
      const { filePath } = await dialog.showSaveDialog(window, { filters, defaultPath: name });
      return filePath || null;
    }
    const { filePaths } = await dialog.showOpenDialog(window, {
      filters,
      properties: [spec.kind === 'folder' ? 'openDirectory' : 'openFile'],
    });
    return filePaths[0] ?? null;
  };
  const route = createRouter({
    call: (op, input, progress) => core.call(op, input, { progress, window: true }),
    choose,
  });

  const setMenu = () =>
    Menu.setApplicationMenu(
      buildMenu(electron, language, {
        openDatabase: () => void openDatabase().catch((err) => showFailure(err)),
        createDatabase: () => void createDatabase().catch((err: unknown) => showFailure(err)),
        print: () => window.webContents.print({ silent: false }),
        saveAsPdf: () => void saveAsPdf(),
        checkUpdates: () =>
          void checkUpdates().then((check) =>
            dialog.showMessageBox(window, {
              title: 'Aqniet Register',
              message: updateMessage(language, check),
            }),
          ),
        openLogs: () => void electron.shell.openPath(logs),
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
  language = (await info()).language;
  setMenu();

  ipcMain.handle(IPC_CHANNEL, async (event, op: unknown, input: unknown, callId?: unknown) => {
    // a long call's {done, total} goes back to the page under the call's id, for its determinate bar
    // and on the taskbar button, as the update download shows its own
    const progress =
      typeof callId === 'number'
        ? (p: Progress) => {
            if (!event.sender.isDestroyed()) event.sender.send(PROGRESS_CHANNEL, callId, p);
            if (p.total > 0) window.setProgressBar(p.done / p.total);
          }
        : undefined;
    const result = await route(event.senderFrame?.url, op, input, progress).finally(() => {
      if (progress) window.setProgressBar(-1);
    });
    // File → New: the register was made where the save dialog said; the window now works in it
    const created = result.ok ? (result.value as { file?: unknown } | null) : null;
    if (op === 'register.create' && typeof created?.file === 'string') {
      await switchTo(created.file).catch((err: unknown) => showFailure(err));
      return result;
    }
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
    get core() {
      return core;
    },
    window,
    stop,
  };
}
