import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The tools `.ci/run` installs are required, not optional: a test that needs one fails (at collection, with
 * this sentence) when it is missing, instead of skipping and passing in silence.
 */
export function requireTool(command: string, versionArgs: string[], debianPackage: string): void {
  const run = spawnSync(command, versionArgs, { stdio: 'ignore' });
  if (run.error || run.status === null)
    throw new Error(`${command} is missing: apt-get install -y ${debianPackage} (.ci/run installs it)`);
}

/** What `npm test` builds before the tests run (a bare `vitest run` on a fresh clone must build first). */
export function requireBuilt(relativeFile: string): void {
  const root = path.resolve(import.meta.dirname, '..');
  if (!fs.existsSync(path.join(root, relativeFile)))
    throw new Error(`${relativeFile} is not built: run npm run build first (npm test does)`);
}
