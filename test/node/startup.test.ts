import { describe, expect, it } from 'vitest';
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
