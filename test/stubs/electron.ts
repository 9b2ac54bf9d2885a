/**
 * A stand-in for the `electron` module in Node tests: requiring the real one from Node downloads the
 * Electron binary (impossible here). It records what the main process asks of Electron so the smoke test
 * can check it; it does not pretend to render anything.
 */
import { EventEmitter } from 'node:events';

export const recorded = {
  windows: [] as StubWindow[],
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  protocols: new Map<string, (request: Request) => Promise<Response>>(),
  privileged: [] as unknown[],
  permissionHandler: null as
    null | ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void),
  menu: null as unknown,
  messages: [] as string[],
  userData: '',
};

class StubWebContents extends EventEmitter {
  windowOpenHandler: ((details: unknown) => unknown) | null = null;
  setWindowOpenHandler(handler: (details: unknown) => unknown) {
    this.windowOpenHandler = handler;
  }
  print() {}
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
    return '0.0.0-test';
  }
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
  showMessageBox: async (_window: unknown, options: { message: string }) => {
    recorded.messages.push(options.message);
    return { response: 0 };
  },
};
export const contextBridge = { exposeInMainWorld: () => {} };
export const ipcRenderer = { invoke: async () => undefined };

/** Reversible and visibly not plain text, like the OS key store behind Electron's safeStorage. */
export const safeStorage = {
  isEncryptionAvailable: () => true,
  encryptString: (s: string) => Buffer.from(`stub-sealed:${Buffer.from(s).toString('base64')}`),
  decryptString: (b: Buffer) => Buffer.from(b.toString().replace(/^stub-sealed:/, ''), 'base64').toString(),
};
