import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireBuilt } from '../tools.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

function files(dir: string, ext: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p, ext) : ext.test(e.name) ? [p] : [];
  });
}

/** The renderer is a web page: it must not be able to reach Node, Electron or the core except by the contract. */
describe('the renderer cannot reach Node', () => {
  it('imports no Node module, no Electron and no core code (type imports aside)', () => {
    const offenders: string[] = [];
    for (const file of files(path.join(ROOT, 'renderer/src'), /\.(ts|tsx)$/)) {
      for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
        const m = /^import\s+(type\s+)?.*from\s+'([^']+)'/.exec(line);
        if (!m || m[1]) continue;
        const target = m[2]!;
        if (
          /^node:|^(fs|path|child_process|os|electron|knex|sqlite3)$/.test(target) ||
          target.includes('/electron/core/')
        ) {
          offenders.push(`${path.relative(ROOT, file)}: ${line.trim()}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the built page asks for no Node module', () => {
    requireBuilt('out/renderer/index.html');
    const bundle = files(path.join(ROOT, 'out/renderer'), /\.js$/);
    expect(bundle.length).toBeGreaterThan(0);
    for (const file of bundle) {
      const text = fs.readFileSync(file, 'utf8');
      expect(text).not.toMatch(/require\("(node:)?(fs|path|child_process|os|electron)"\)/);
      expect(text).not.toMatch(/process\.(versions|binding|dlopen)/);
    }
  });
});
