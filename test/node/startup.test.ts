import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CoreHost, CoreStartError } from '../../electron/host/client.ts';
import { spawnWorker } from '../../electron/host/threads.ts';
import { closeRegister, initRegister } from '../../electron/core/db/init.ts';
import { tempDir } from './helpers.ts';
import { RegisterError, refusal } from '../../electron/core/errors.ts';
import { label, systemLanguage } from '../../electron/main/labels.ts';
import { startupFailure } from '../../electron/main/startup.ts';

describe('a start-up failure is said in the UI language', () => {
  it('words a refusal of the shared tables in Kazakh, Russian or English', () => {
    const err = refusal('input.unknown_operation', { op: 'x' });
    expect(startupFailure(err, 'kk')).toBe('Белгісіз операция: «x»');
    expect(startupFailure(err, 'en')).toBe('Unknown operation "x"');
  });

  it('says a refusal not yet in the tables in Russian, or English for English', () => {
    const err = new RegisterError(
      'db.newer_version',
      'made by a newer version',
      'создана более новой версией',
    );
    expect(startupFailure(err, 'ru')).toBe('создана более новой версией');
    expect(startupFailure(err, 'en')).toBe('made by a newer version');
  });

  it('words the refusal the register’s utility process answered when it could not open the file', async () => {
    // a register written by a newer version of the app: one migration more than this one knows
    const newer = path.join(tempDir(), 'newer.sqlite');
    const reg = await initRegister(newer, { kind: 'branch', code: 'KRG', name: 'Филиал' });
    await reg
      .db('knex_migrations')
      .insert({ name: '999_from_the_future', batch: 99, migration_time: new Date() });
    await closeRegister(reg);
    const failed = await CoreHost.start({ file: newer, spawn: spawnWorker, logDir: tempDir() }).catch(
      (err: unknown) => err,
    );
    expect(failed).toBeInstanceOf(CoreStartError);
    expect((failed as CoreStartError).refusal.code).toBe('db.newer_version');
    expect(startupFailure(failed, 'ru')).toMatch(/новой версией|более новой/);
    expect(startupFailure(failed, 'en')).toMatch(/newer version/);
  });

  it('logs anything else and names it by its log id, never by its stack', () => {
    const text = startupFailure(new TypeError("Cannot read properties of undefined (reading 'x')"), 'kk');
    expect(text).toMatch(/^Ішкі қате орын алды; толығырақ журналға [2-9A-Z]{8} нөмірімен жазылды$/);
  });

  it('before any register is open, speaks the system language (Russian unless Kazakh or English)', () => {
    expect(systemLanguage('kk-KZ')).toBe('kk');
    expect(systemLanguage('en-US')).toBe('en');
    expect(systemLanguage('ru-RU')).toBe('ru');
    expect(systemLanguage('de-DE')).toBe('ru');
    expect(label('kk', 'start.failed')).toBe('Бағдарлама тізілімді аша алмайды.');
    expect(label('ru', 'update.ready', { version: '0.2.0' })).toBe('Обновление 0.2.0 загружено.');
  });
});
