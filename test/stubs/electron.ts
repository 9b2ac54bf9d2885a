/**
 * A stand-in for the `electron` module in Node tests: requiring the real one from Node downloads the
 * Electron binary (impossible here). It records what the main process asks of Electron so the smoke test
 * can check it; it does not pretend to render anything.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import http from 'node:http';
import path from 'node:path';

export const recorded = {
  windows: [] as StubWindow[],
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  protocols: new Map<string, (request: Request) => Promise<Response>>(),
  privileged: [] as unknown[],
  permissionHandler: null as
    null | ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void),
  menu: null as unknown,
  messages: [] as string[],
  opened: [] as string[],
  /** What the next native open/save dialogs answer, in order (an empty queue: the user cancels). */
  dialogAnswers: [] as string[],
  progress: [] as number[],
  scripts: [] as string[],
  /** The utility processes the main process started (the register's writer and reader), by service name. */
  utilities: [] as StubUtilityProcess[],
  /** What the page was sent (channel and arguments), e.g. a long call's progress. */
  sent: [] as Array<{ channel: string; args: unknown[] }>,
  userData: '',
  /** What `app.getVersion()` answers and whether the app counts as installed (electron-updater asks both). */
  version: '0.0.0-test',
  packaged: false,
};

class StubWebContents extends EventEmitter {
  send(channel: string, ...args: unknown[]) {
    recorded.sent.push({ channel, args });
  }
  isDestroyed() {
    return false;
  }
  windowOpenHandler: ((details: unknown) => unknown) | null = null;
  setWindowOpenHandler(handler: (details: unknown) => unknown) {
    this.windowOpenHandler = handler;
  }
  print() {}
  /** The main process runs no script in the page but setting its hash (File → New). */
  async executeJavaScript(code: string) {
    recorded.scripts.push(code);
  }
  reload() {
    this.emit('reloaded');
  }
}

export class StubWindow extends EventEmitter {
  readonly webContents = new StubWebContents();
  loadedUrl = '';
  constructor(readonly options: { webPreferences: Record<string, unknown> }) {
    super();
    recorded.windows.push(this);
  }
  async loadURL(url: string) {
    this.loadedUrl = url;
    this.emit('ready-to-show');
  }
  show() {}
  setProgressBar(value: number) {
    recorded.progress.push(value);
  }
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
}

class StubApp extends EventEmitter {
  getPath(name: string) {
    if (name !== 'userData') throw new Error(`stub app.getPath(${name})`);
    return recorded.userData;
  }
  getVersion() {
    return recorded.version;
  }
  getLocale() {
    return 'ru-RU';
  }
  getName() {
    return 'Aqniet Register';
  }
  getAppPath() {
    return process.cwd();
  }
  get isPackaged() {
    return recorded.packaged;
  }
  relaunch() {}
  exit() {}
  requestSingleInstanceLock() {
    return true;
  }
  whenReady() {
    return Promise.resolve();
  }
  quit() {}
}

export const app = new StubApp();
export const BrowserWindow = StubWindow;
export const ipcMain = {
  handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) =>
    recorded.handlers.set(channel, fn),
  removeHandler: (channel: string) => recorded.handlers.delete(channel),
};
export const protocol = {
  registerSchemesAsPrivileged: (schemes: unknown[]) => recorded.privileged.push(...schemes),
  handle: (scheme: string, fn: (request: Request) => Promise<Response>) => recorded.protocols.set(scheme, fn),
};
export const session = {
  fromPartition: () => ({}),
  defaultSession: {
    setPermissionRequestHandler: (fn: typeof recorded.permissionHandler) => (recorded.permissionHandler = fn),
    setPermissionCheckHandler: () => {},
  },
};
export const Menu = {
  buildFromTemplate: (template: unknown) => ({ template }),
  setApplicationMenu: (menu: unknown) => (recorded.menu = menu),
};
export const dialog = {
  showErrorBox: (title: string, message: string) => {
    throw new Error(`${title}: ${message}`);
  },
  showOpenDialog: async () => {
    const answer = recorded.dialogAnswers.shift();
    return { canceled: !answer, filePaths: answer ? [answer] : [] };
  },
  showSaveDialog: async () => {
    const answer = recorded.dialogAnswers.shift();
    return { canceled: !answer, filePath: answer ?? '' };
  },
  showMessageBox: async (_window: unknown, options: { message: string }) => {
    recorded.messages.push(options.message);
    return { response: 0 };
  },
};
/**
 * Electron's `net.request` over Node's own http client (what electron-updater downloads with): the same
 * request options and the same response events, minus Electron's session and redirect handling.
 */
export const net = {
  request(options: http.RequestOptions & { session?: unknown; redirect?: unknown }) {
    const rest: http.RequestOptions & { session?: unknown; redirect?: unknown } = { ...options };
    delete rest.session;
    delete rest.redirect;
    return http.request(rest);
  },
};
export const shell = {
  openPath: async (p: string) => {
    recorded.opened.push(p);
    return '';
  },
};
/**
 * Electron's utility process, as a Node child process running the same bundle: the child gets a
 * `process.parentPort` over Node's IPC channel (utility-parent-port.ts), with Electron's message events.
 */
const PARENT_PORT = path.join(import.meta.dirname, 'utility-parent-port.ts');
export class StubUtilityProcess extends EventEmitter {
  readonly child: ChildProcess;
  constructor(
    readonly modulePath: string,
    readonly options: { serviceName?: string },
  ) {
    super();
    this.child = fork(modulePath, [], {
      execArgv: ['--import', PARENT_PORT],
      serialization: 'advanced',
      stdio: 'inherit',
    });
    this.child.on('message', (message) => this.emit('message', message));
    this.child.on('exit', (code) => this.emit('exit', code ?? 1));
    recorded.utilities.push(this);
  }
  postMessage(message: unknown) {
    this.child.send(message as never);
  }
  kill() {
    return this.child.kill();
  }
}
export const utilityProcess = {
  fork: (modulePath: string, _args: string[] = [], options: { serviceName?: string } = {}) =>
    new StubUtilityProcess(modulePath, options),
};

export const contextBridge = { exposeInMainWorld: () => {} };
export const ipcRenderer = { invoke: async () => undefined };

/** Reversible and visibly not plain text, like the OS key store behind Electron's safeStorage. */
export const safeStorage = {
  isEncryptionAvailable: () => true,
  encryptString: (s: string) => Buffer.from(`stub-sealed:${Buffer.from(s).toString('base64')}`),
  decryptString: (b: Buffer) => Buffer.from(b.toString().replace(/^stub-sealed:/, ''), 'base64').toString(),
};
