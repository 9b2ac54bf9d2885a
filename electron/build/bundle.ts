/**
 * Bundles the main process (ESM) and the sandboxed preload (CommonJS: a sandboxed preload cannot load
 * ES modules or local files) into out/main. Dependencies stay in node_modules (electron-builder packs
 * the production dependencies: exactly what these bundles import, test/node/packaging.test.ts checks).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

const root = path.resolve(import.meta.dirname, '../..');
const out = path.join(root, 'out/main');

/**
 * How code that runs in Electron's Node processes is built: ESM for Node, packages left to Node's own
 * loader (so `import('electron-updater')` meets Node's CommonJS interop, as tests of that code must too).
 */
export const NODE_PROCESS_BUILD: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  logLevel: 'warning',
};

export async function bundle(): Promise<void> {
  await build({
    ...NODE_PROCESS_BUILD,
    entryPoints: [path.join(root, 'electron/main/main.ts')],
    outfile: path.join(out, 'main.js'),
    sourcemap: true,
  });

  await build({
    entryPoints: [path.join(root, 'electron/main/preload.ts')],
    outfile: path.join(out, 'preload.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron'],
    minify: true,
    logLevel: 'warning',
  });
  console.log(`built ${path.relative(root, out)}/main.js and preload.cjs`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await bundle();
