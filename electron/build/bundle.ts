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

/** What runs in Electron's Node processes, by its output name in out/main: all that the app loads from Node. */
export const NODE_ENTRIES: Record<string, string> = {
  main: path.join(root, 'electron/main/main.ts'),
  /** The utility process that hosts the register (electron/host). */
  core: path.join(root, 'electron/host/utility.ts'),
};

export async function bundle(): Promise<void> {
  await build({
    ...NODE_PROCESS_BUILD,
    entryPoints: NODE_ENTRIES,
    outdir: out,
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
  const built = Object.keys(NODE_ENTRIES).map((name) => `${name}.js`);
  console.log(`built ${[...built, 'preload.cjs'].join(', ')} in ${path.relative(root, out)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await bundle();
