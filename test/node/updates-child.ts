/**
 * Built like the main process (esbuild, ESM, packages external) and run by plain Node, not under vitest or
 * tsx: both add their own CommonJS interop, which shows electron-updater's named exports that Node's
 * ES-module loader — the built app's — does not. Only `electron` is a stand-in; electron-updater is real.
 *
 * argv: FEED_URL APP_VERSION RESOURCES_DIR. Prints one JSON line with what happened.
 */
import '../stubs/require-electron.ts';
import { recorded } from '../stubs/electron.ts';
import { loadAutoUpdater, UpdateFlow, type DownloadProgress } from '../../electron/main/updates.ts';

const [feed, version, resources] = process.argv.slice(2);
recorded.version = version!;
recorded.packaged = true;
recorded.userData = resources!;
// Electron sets these for an installed app: where app-update.yml (written by electron-builder) lies, and,
// on Linux, the AppImage being run.
(process as { resourcesPath?: string }).resourcesPath = resources!;
process.env.APPIMAGE ??= `${resources}/Aqniet-Register.AppImage`;

const named = ((await import('electron-updater')) as Record<string, unknown>).autoUpdater;
const updater = await loadAutoUpdater();
if (!process.env.DEBUG_UPDATER) (updater as unknown as { logger: null }).logger = null; // electron-updater logs to the console otherwise

const progress: DownloadProgress[] = [];
const asked: string[] = [];
const failures: string[] = [];
const flow = new UpdateFlow(
  async () => updater,
  {
    progress: (p) => void (p && progress.push(p)),
    askToInstall: async (v) => {
      asked.push(v);
      return 'later';
    },
    failed: (err) => void failures.push(String(err)),
  },
  async () => {},
);
const result = await flow.check(feed);
await flow.settled();
process.stdout.write(
  `${JSON.stringify({ namedExport: typeof named, result, progress, asked, failures, autoInstallOnAppQuit: updater.autoInstallOnAppQuit })}\n`,
);
process.exit(0);
