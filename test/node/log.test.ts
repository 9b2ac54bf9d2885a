import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeRegister } from '../../electron/core/db/init.ts';
import { appDataDir, closeLog, logDir, logError, openLog } from '../../electron/core/log.ts';
import { callSafely } from '../../electron/core/service.ts';
import { wordRefusal } from '../../electron/shared/refusals/index.ts';
import { freshRegister, tempDir } from './helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

function records(dir: string): Array<Record<string, unknown>> {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.log'))
    .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('the log', () => {
  it('lives in the user-data folder Electron uses for «Aqniet Register», on each system', () => {
    expect(appDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toBe(
      path.join('C:\\Users\\a\\AppData\\Roaming', 'Aqniet Register'),
    );
    expect(appDataDir({ HOME: '/home/a' }, 'linux')).toBe('/home/a/.config/Aqniet Register');
    expect(appDataDir({ HOME: '/home/a', XDG_CONFIG_HOME: '/x' }, 'linux')).toBe('/x/Aqniet Register');
    expect(logDir('/u')).toBe(process.env.AQNIET_LOG_DIR ?? '/u/logs');
  });

  it('writes an unexpected error with its stack and an id; the envelope carries only the id', async () => {
    const dir = tempDir();
    const file = await openLog({ dir, process: 'core' });
    expect(path.dirname(file)).toBe(dir);
    expect(path.basename(file)).toMatch(/^core\.\d+\.log$/);

    const reg = await freshRegister();
    await closeRegister(reg); // every query now fails inside knex: an error no refusal describes
    const answer = await callSafely(reg, 'orgs.list', {});
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.code).toBe('internal');
    expect(answer.logId).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    expect(answer.params).toEqual({ logId: answer.logId });
    expect(answer.messageRu).toContain(answer.logId);
    expect(wordRefusal('internal', answer.params!, 'kk')).toContain(answer.logId);
    expect(JSON.stringify(answer)).not.toMatch(/\bat .*:\d+:\d+/);

    closeLog();
    const entry = records(dir).find((r) => r.logId === answer.logId);
    expect(entry).toMatchObject({ level: 50, process: 'core', op: 'orgs.list' });
    expect((entry!.err as { stack: string }).stack).toMatch(/\n\s+at /);
  });

  it('rotates: files roll over at the size limit and only the newest are kept', async () => {
    const dir = tempDir();
    // the rotation rule itself is pino-roll's; this checks it is wired: 1 KB files, keep 2 besides the current
    await openLog({ dir, process: 'web', rotation: { size: '1k', keep: 2 } });
    for (let i = 0; i < 60; i++) {
      logError(new Error(`failure ${i}`));
      await new Promise((r) => setTimeout(r, 2)); // pino-roll checks the size after each write event
    }
    closeLog();
    const files = fs.readdirSync(dir).filter((f) => /^web\.\d+\.log$/.test(f));
    expect(files.length).toBe(3);
    const numbers = files.map((f) => Number(f.split('.')[1])).sort((a, b) => a - b);
    expect(numbers[0]).toBeGreaterThan(1); // the first files were removed
    expect(records(dir).at(-1)!.msg).toBe('failure 59');
  });

  it('the CLI logs an unexpected error and prints its id, never a stack', async () => {
    const reg = await freshRegister();
    // a register whose appeals table is gone: the report fails in SQLite, not with a refusal
    await reg.db.raw('ALTER TABLE appeals RENAME TO appeals_elsewhere');
    await closeRegister(reg);
    const logs = tempDir();
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(ROOT, 'electron/cli/main.ts'),
        'report',
        'appeals',
        '--db',
        reg.file,
        '--year',
        '2024',
      ],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, AQNIET_LOG_DIR: logs } },
    );
    expect(r.status).toBe(3);
    const id = /журнал под номером ([2-9A-Z]{8})|log as ([2-9A-Z]{8})/.exec(r.stderr);
    expect(id, r.stderr).not.toBeNull();
    expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+/);
    const entry = records(logs).find((e) => e.logId === (id![1] ?? id![2]));
    expect(entry).toMatchObject({ level: 50, process: 'cli' });
    expect((entry!.err as { message: string }).message).toMatch(/appeals/);
  });
});
