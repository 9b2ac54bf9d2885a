import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The Electron binary that `npm install` fetched on a machine with internet, if it is there. */
export function electronBinary(): string | null {
  const pathFile = path.join(ROOT, 'node_modules/electron/path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(ROOT, 'node_modules/electron/dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

/**
 * Why the Electron tests cannot run here, or null when they can: the binary cannot be downloaded on these
 * machines (the GitHub workflow has it). Said in one line, as the test files skip.
 */
export function whyNoElectron(what: string): string | null {
  const reason = !electronBinary()
    ? 'no Electron binary in node_modules/electron/dist (it cannot be downloaded on this machine)'
    : !fs.existsSync(path.join(ROOT, 'out/main/main.js'))
      ? 'the app is not built (npm run build)'
      : null;
  if (reason) console.warn(`${what} skipped: ${reason}`);
  return reason;
}
