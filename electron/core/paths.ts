import os from 'node:os';
import path from 'node:path';

/**
 * The folder where Electron keeps the app's data (`app.getPath('userData')`), computed without Electron
 * so the CLI and the app agree: %APPDATA%\Aqniet Register on Windows, ~/.config/Aqniet Register on Linux.
 */
export const PRODUCT_NAME = 'Aqniet Register';

export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  const appData =
    platform === 'win32'
      ? (env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? path.join(home, '.config'));
  return path.join(appData, PRODUCT_NAME);
}
