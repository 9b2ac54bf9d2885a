import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface Step {
  name?: string;
  if?: string;
  run?: string;
  uses?: string;
  with?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  strategy: { matrix: { include: Array<{ os: string }> } };
  steps: Step[];
}

const workflow = yaml.load(fs.readFileSync(path.join(ROOT, '.github/workflows/ci.yml'), 'utf8')) as {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
};
const scripts = (
  JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;
const ciRun = fs.readFileSync(path.join(ROOT, '.ci/run'), 'utf8');
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The npm scripts a shell text runs (`npm test`, `npm ci`, `npm run -s dist`), in order. */
function npmCommands(text: string): string[] {
  return [...text.matchAll(/\bnpm (?:run (?:-s )?([\w:-]+)|(test|ci|start)\b)/g)].map((m) => m[1] ?? m[2]!);
}

const [job] = Object.values(workflow.jobs);
const runs = job!.steps.filter((s) => s.run);
const commands = runs.flatMap((s) => npmCommands(s.run!));

/** A step's condition, as GitHub evaluates it on each system. */
function runsOn(step: Step, os: 'Linux' | 'Windows'): boolean {
  if (!step.if) return true;
  if (step.if === 'always()') return true;
  const m = /^runner\.os == '(\w+)'$/.exec(step.if);
  if (!m) throw new Error(`condition not understood by this test: ${step.if}`);
  return m[1] === os;
}

describe('the GitHub workflow (.github/workflows/ci.yml), checked here because it can only run there', () => {
  it('runs on every push and pull request, on Ubuntu and Windows', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    expect(Object.keys(workflow.jobs)).toHaveLength(1);
    expect(job!['runs-on']).toBe('${{ matrix.os }}');
    expect(job!.strategy.matrix.include.map((m) => m.os)).toEqual(['ubuntu-latest', 'windows-latest']);
  });

  it('runs, on each system, the same scripts in the same order: install, test, Electron, installers', () => {
    for (const os of ['Linux', 'Windows'] as const) {
      const here = runs.filter((s) => runsOn(s, os)).flatMap((s) => npmCommands(s.run!));
      expect(here, os).toEqual(['ci', 'test', 'electron:install', 'test:electron', 'dist']);
    }
  });

  it('runs the Electron tests under a virtual display on Linux', () => {
    const linux = runs.find((s) => s.if === "runner.os == 'Linux'" && /test:electron/.test(s.run!));
    expect(linux!.run).toMatch(/^xvfb-run --auto-servernum npm run -s test:electron$/);
    const tools = runs.find((s) => /apt-get install/.test(s.run!));
    expect(tools!.run).toMatch(/\bxvfb\b/);
  });

  it('names only scripts that package.json has', () => {
    for (const name of commands.filter((c) => !['ci', 'test'].includes(c)))
      expect(scripts[name], name).toBeDefined();
    expect(scripts['test:electron']).toMatch(/vitest run test\/electron/);
    expect(scripts.dist).toMatch(/electron-builder/);
  });

  it('runs what .ci/run runs, and what README tells a developer to run', () => {
    expect(npmCommands(ciRun)).toEqual(['ci', 'test']);
    expect(commands.slice(0, 2)).toEqual(npmCommands(ciRun));
    for (const name of ['test', 'test:electron', 'dist', 'electron:install'])
      expect(npmCommands(readme), name).toContain(name);
  });

  it('keeps the installers, the update feed and the screenshots as artifacts, even when a step failed', () => {
    const uploads = job!.steps.filter((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(uploads.every((s) => s.if === 'always()')).toBe(true);
    const paths = uploads.flatMap((s) =>
      s
        .with!.path!.split('\n')
        .map((p) => p.trim())
        .filter(Boolean),
    );
    expect(paths).toEqual(
      expect.arrayContaining([
        'dist/*.exe',
        'dist/*.AppImage',
        'dist/*.deb',
        'dist/*.yml',
        'dist/*.blockmap',
        'test-output/',
      ]),
    );
    expect(uploads.map((s) => s.with!.name)).toEqual([
      'installers-${{ runner.os }}',
      'screenshots-${{ runner.os }}',
    ]);
  });

  it('uses Node 24, the Node the app runs on in Electron', () => {
    const node = job!.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(String(node!.with!['node-version'])).toBe('24');
  });
});
