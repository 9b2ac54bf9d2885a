/**
 * Bundles the main process (ESM) and the sandboxed preload (CommonJS: a sandboxed preload cannot load
 * ES modules or local files) into out/main. Dependencies stay in node_modules (electron-builder packs
 * them, unpacking the native .node files from the asar).
 */
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '../..');
const out = path.join(root, 'out/main');

await build({
  entryPoints: [path.join(root, 'electron/main/main.ts')],
  outfile: path.join(out, 'main.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
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
