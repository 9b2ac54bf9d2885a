import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

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
      win: { target: 'nsis' },
      nsis: { perMachine: false, installerLanguages: ['ru_RU', 'kk_KZ'] },
      linux: { target: ['AppImage', 'deb'] },
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
});
