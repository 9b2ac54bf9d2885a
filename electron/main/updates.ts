/**
 * Updates: electron-updater's `generic` provider pointed at the URL headquarters sets in Settings (none by
 * default). A check never blocks work: offline, a bad URL or a broken feed only yields a status to show.
 * An update found is downloaded in the background with its progress shown; once it is there the user
 * chooses «Перезапустить и установить» or to install it when the app is next closed.
 */
export type UpdateStatus =
  'disabled' | 'invalid-url' | 'offline' | 'up-to-date' | 'available' | 'downloading' | 'error';

/** Only an https URL (or http on this computer, for a test feed) may serve updates. */
export function updateFeedUrl(setting: string | null | undefined): string | null {
  if (!setting?.trim()) return null;
  let url: URL;
  try {
    url = new URL(setting.trim());
  } catch {
    return null;
  }
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return null;
  if (url.username || url.password) return null;
  return url.toString();
}

/** A check's outcome; `reason` (for the log) says why a check failed. */
export interface UpdateCheck {
  status: UpdateStatus;
  version?: string;
  reason?: string;
}

export interface DownloadProgress {
  transferred: number;
  total: number;
  percent: number;
}

/** The part of electron-updater's AppUpdater this uses (the real one, or a stand-in in unit tests). */
export interface Updater {
  autoDownload: boolean;
  /** electron-updater checks an unpackaged app (`electron .`) only when this is set. */
  forceDevUpdateConfig?: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<{ isUpdateAvailable?: boolean; updateInfo?: { version: string } } | null>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'download-progress', listener: (progress: DownloadProgress) => void): unknown;
  removeAllListeners(event: 'download-progress'): unknown;
}

/**
 * electron-updater is CommonJS whose exports are getters: Node's ES-module loader cannot see them, so
 * `import('electron-updater')` has no `autoUpdater` — only `default`, the CommonJS `module.exports`. The
 * built main process (ESM) loads it exactly this way; test/node/updates.test.ts loads the real module so.
 */
export async function loadAutoUpdater(): Promise<Updater> {
  const module = await import('electron-updater');
  const { autoUpdater } = module.default;
  if (!autoUpdater) throw new Error('electron-updater exposes no autoUpdater');
  return autoUpdater as unknown as Updater;
}

const OFFLINE = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|net::ERR_/;

/** Asks the feed once; never downloads by itself. */
export async function checkForUpdates(
  updater: Updater,
  setting: string | null | undefined,
): Promise<UpdateCheck> {
  if (!setting?.trim()) return { status: 'disabled' };
  const url = updateFeedUrl(setting);
  if (!url) return { status: 'invalid-url' };
  try {
    updater.autoDownload = false;
    updater.setFeedURL({ provider: 'generic', url });
    const result = await updater.checkForUpdates();
    return result?.isUpdateAvailable
      ? { status: 'available', version: result.updateInfo?.version }
      : { status: 'up-to-date' };
  } catch (err) {
    const reason = String((err as Error)?.message ?? err);
    return { status: OFFLINE.test(reason) ? 'offline' : 'error', reason };
  }
}

/** What the update flow shows: progress while downloading, then the choice to restart now. */
export interface UpdateUi {
  progress(progress: DownloadProgress | null): void;
  /** Resolves with the user's choice once the update is downloaded. */
  askToInstall(version: string): Promise<'install' | 'later'>;
  failed(err: unknown): void;
}

/**
 * One flow for the check at start and the one from the menu: check, download in the background with
 * progress, then «Перезапустить и установить» (the register is closed first) or install on the next quit.
 */
export class UpdateFlow {
  private downloading: Promise<void> | null = null;

  constructor(
    private readonly updater: () => Promise<Updater>,
    private readonly ui: UpdateUi,
    /** Drains the core's queue and closes the register before the installer runs. */
    private readonly beforeInstall: () => Promise<void>,
  ) {}

  async check(setting: string | null | undefined): Promise<UpdateCheck> {
    if (this.downloading) return { status: 'downloading' };
    if (!setting?.trim()) return { status: 'disabled' };
    if (!updateFeedUrl(setting)) return { status: 'invalid-url' }; // without loading the updater at all
    const updater = await this.updater();
    const found = await checkForUpdates(updater, setting);
    if (found.status === 'available') this.downloading = this.download(updater, found.version ?? '');
    return found;
  }

  /** Resolves when a download started by `check` has ended (tests; the window does not wait for it). */
  settled(): Promise<void> {
    return this.downloading ?? Promise.resolve();
  }

  private async download(updater: Updater, version: string): Promise<void> {
    updater.autoInstallOnAppQuit = true; // chosen "later": it installs when the app is next closed
    updater.removeAllListeners('download-progress');
    updater.on('download-progress', (p) => this.ui.progress(p));
    try {
      await updater.downloadUpdate();
      this.ui.progress(null);
      if ((await this.ui.askToInstall(version)) === 'install') {
        await this.beforeInstall();
        updater.quitAndInstall(false, true);
      }
    } catch (err) {
      this.ui.progress(null);
      this.ui.failed(err);
      this.downloading = null;
    }
  }
}
