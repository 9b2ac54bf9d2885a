import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFile, databaseFile, readConfig, writeConfig } from '../../electron/main/config.ts';
import { tempDir } from './helpers.ts';

describe('which register the window opens', () => {
  it('is register.sqlite in the user-data folder until the user chooses another file', () => {
    const dir = tempDir();
    expect(databaseFile(dir)).toBe(path.join(dir, 'register.sqlite'));
    writeConfig(dir, { databaseFile: '/data/hq.sqlite' });
    expect(databaseFile(dir)).toBe('/data/hq.sqlite');
    expect(fs.existsSync(`${configFile(dir)}.tmp`)).toBe(false);
  });

  it('falls back to the default on a damaged or foreign config file', () => {
    const dir = tempDir();
    fs.writeFileSync(configFile(dir), '{ not json');
    expect(readConfig(dir)).toEqual({});
    fs.writeFileSync(configFile(dir), JSON.stringify({ databaseFile: 42 }));
    expect(databaseFile(dir)).toBe(path.join(dir, 'register.sqlite'));
  });
});
