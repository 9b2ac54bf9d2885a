import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { build } from 'esbuild';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { NODE_ENTRIES, NODE_PROCESS_BUILD } from '../../electron/build/bundle.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
};

/** The package a bare import names: `pino`, `@scope/name`, never the subpath after it. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

describe('electron-builder.yml', () => {
  const config = yaml.load(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<
    string,
    unknown
  >;

  it("is valid against electron-builder's own JSON schema", () => {
    const schema = JSON.parse(
      fs.readFileSync(path.join(ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8'),
    );
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('builds what the union installs: per-user NSIS in Russian and Kazakh, AppImage and deb, nothing native to unpack, fuses on', () => {
    expect(config).toMatchObject({
      productName: 'Aqniet Register',
      win: { target: 'nsis', icon: 'resources/icon.ico' },
      nsis: { perMachine: false, installerLanguages: ['ru_RU', 'kk_KZ'] },
      linux: { target: ['AppImage', 'deb'], icon: 'resources/icons' },
      electronFuses: {
        runAsNode: false,
        enableNodeOptionsEnvironmentVariable: false,
        enableNodeCliInspectArguments: false,
        onlyLoadAppFromAsar: true,
        enableEmbeddedAsarIntegrityValidation: true,
      },
    });
    expect(config.asarUnpack).toBeUndefined();
  });

  it('publishes to a generic feed, so that latest.yml, the blockmap and app-update.yml are written', () => {
    // With `publish: null` none of them was: electron-updater then had no app-update.yml to download with.
    expect(config.publish).toMatchObject({ provider: 'generic' });
    const url = new URL((config.publish as { url: string }).url);
    expect(url.protocol).toBe('https:');
    expect(pkg.scripts.dist).toMatch(/electron-builder .*--publish never/);
  });

  it('has its icons: a multi-size .ico for Windows and PNGs by size for Linux', () => {
    const ico = fs.readFileSync(path.join(ROOT, 'resources/icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1); // an icon resource
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      const png = fs.readFileSync(path.join(ROOT, `resources/icons/${size}x${size}.png`));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]); // IHDR width, height
    }
  });

  it('packs only what the app does not bundle: the out/ folder, not the tests written into it', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**', '!out/**/*.map', '!out/test/**']));
  });
});

describe('dependencies', () => {
  it('are exactly what the main and utility processes load from node_modules (Vite bundles the renderer)', async () => {
    const result = await build({
      ...NODE_PROCESS_BUILD,
      entryPoints: NODE_ENTRIES,
      outdir: path.join(ROOT, 'out/test/externals'),
      write: false,
      metafile: true,
    });
    const loaded = new Set<string>();
    for (const output of Object.values(result.metafile.outputs))
      for (const i of output.imports)
        if (i.external && !i.path.startsWith('node:') && i.path !== 'electron') loaded.add(packageOf(i.path));
    expect(Object.keys(pkg.dependencies).sort()).toEqual([...loaded].sort());
    // Electron itself is the runtime, not a package inside the app
    expect(pkg.devDependencies.electron).toBeDefined();
  });
});
