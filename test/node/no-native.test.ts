import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The installed package folder of `name` as Node would resolve it from `from` (nested first, then up). */
function packageDir(name: string, from: string): string | null {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === ROOT || dir === path.dirname(dir)) return null;
  }
}

/** Every package the installed app loads: the production dependencies and theirs, transitively. */
function productionPackages(): string[] {
  const seen = new Set<string>();
  const visit = (dir: string) => {
    if (seen.has(dir)) return;
    seen.add(dir);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const deps = { ...manifest.dependencies, ...manifest.optionalDependencies };
    for (const name of Object.keys(deps)) {
      const found = packageDir(name, dir);
      if (found) visit(found);
    }
  };
  visit(ROOT);
  seen.delete(ROOT);
  return [...seen];
}

function nativeFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') found.push(...nativeFiles(full));
    } else if (entry.name.endsWith('.node') || entry.name === 'binding.gyp') {
      found.push(path.relative(ROOT, full));
    }
  }
  return found;
}

describe('production dependencies', () => {
  it('carry no native code: no .node addon, no binding.gyp, nothing compiled on install', () => {
    const packages = productionPackages();
    expect(packages.map((p) => path.basename(p))).toEqual(expect.arrayContaining(['knex', 'exceljs', 'zod']));
    expect(packages.flatMap(nativeFiles)).toEqual([]);
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(Object.keys(manifest.dependencies)).not.toContain('sqlite3');
  });

  it('every npm script runs on Node 24, the major Electron runs the core on', () => {
    expect(process.versions.node.split('.')[0]).toBe('24');
    expect(fs.realpathSync(path.join(ROOT, 'node_modules/.bin/node'))).toContain(
      path.join('node_modules', 'node'),
    );
  });
});
