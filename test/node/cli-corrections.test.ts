import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

function cli(...args: string[]) {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'electron/cli/main.ts'), ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const json = (...args: string[]) => {
  const r = cli(...args, '--json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

describe('corrections from the command line', () => {
  it('annuls, corrects, edits and removes, and the reports follow', () => {
    const db = path.join(tempDir(), 'krg.sqlite');
    json('init', '--db', db, '--branch', 'KRG', '--name', 'Филиал');
    json('org', 'add', '--db', db, '--code', 'P001', '--name', 'ППО', '--headcount', '10');
    const admit = (iin: string, surname: string) =>
      json(
        'member',
        'admit',
        '--db',
        db,
        '--org',
        'P001',
        '--surname',
        surname,
        '--given-name',
        'Анна',
        '--iin',
        iin,
        '--category',
        'nursing',
        '--application-date',
        '01.02.2024',
        '--decision-body',
        'профком',
        '--decision-no',
        '3',
        '--decision-date',
        '05.02.2024',
      );
    admit('850525446560', 'Өмірзақова');
    admit('900125389604', 'Ахметова');
    const members = () => json('report', 'membership', '--db', db, '--date', '2024-12-31').total.members;
    expect(members()).toBe(2);
    const annulled = json(
      'member',
      'annul',
      '--db',
      db,
      '--iin',
      '900125389604',
      '--reason',
      'принята по ошибке',
    );
    expect(annulled.status).toBe('annulled');
    expect(members()).toBe(1);
    const noReason = cli('member', 'annul', '--db', db, '--iin', '850525446560');
    expect(noReason.code).toBe(1);
    expect(noReason.stderr).toContain('reason');
    const fixed = json(
      'member',
      'correct',
      '--db',
      db,
      '--iin',
      '850525446560',
      '--surname',
      'Омирзакова',
      '--reason',
      'по паспорту',
    );
    expect(fixed.surname).toBe('Омирзакова');

    const r = json(
      'dues',
      'add',
      '--db',
      db,
      '--org',
      'P001',
      '--month',
      '2024-10',
      '--received',
      '1 000',
      '--received-on',
      '12.11.2024',
      '--doc-no',
      'ПП-1',
    );
    const received = () =>
      json('report', 'dues', '--db', db, '--year', '2024', '--quarter', '4').total.receivedTiyn;
    expect(received()).toBe(100000);
    json('dues', 'edit', '--db', db, '--id', r.id, '--received', '1 500', '--reason', 'опечатка');
    expect(received()).toBe(150000);
    const deleted = json('dues', 'delete', '--db', db, '--id', r.id, '--reason', 'дубль');
    expect(received()).toBe(0);
    json('dues', 'restore', '--db', db, '--removal', String(deleted.removalId));
    expect(received()).toBe(150000);
    // for a person at the terminal: the number that brings it back, in words
    const plain = cli('dues', 'delete', '--db', db, '--id', r.id, '--reason', 'дубль');
    const removal = /Поступление удалено\. Вернуть: dues restore --removal (\d+)/.exec(plain.stdout)?.[1];
    expect(removal).toBeDefined();
    json('dues', 'restore', '--db', db, '--removal', removal!);
    expect(received()).toBe(150000);

    const a = json(
      'appeal',
      'add',
      '--db',
      db,
      '--received-on',
      '10.01.2024',
      '--channel',
      'телефон',
      '--applicant',
      'Заявитель',
      '--category',
      'Оплата труда',
    );
    const appeals = () => json('report', 'appeals', '--db', db, '--year', '2024').total;
    json('appeal', 'close', '--db', db, '--year', '2024', '--reg-no', a.regNo, '--closed-on', '20.01.2024');
    expect(appeals()).toMatchObject({ total: 1, closed: 1 });
    json('appeal', 'reopen', '--db', db, '--year', '2024', '--reg-no', a.regNo, '--reason', 'закрыто рано');
    expect(appeals()).toMatchObject({ total: 1, closed: 0 });
    json(
      'appeal',
      'edit',
      '--db',
      db,
      '--year',
      '2024',
      '--reg-no',
      a.regNo,
      '--category',
      'legal',
      '--reason',
      'не та категория',
    );
    expect(
      json('report', 'appeals', '--db', db, '--year', '2024').rows.find(
        (x: { category: string }) => x.category === 'legal',
      ).total,
    ).toBe(1);
    json('appeal', 'remove', '--db', db, '--year', '2024', '--reg-no', a.regNo, '--reason', 'дубль');
    expect(appeals()).toMatchObject({ total: 0 });

    json(
      'rate',
      'set',
      '--db',
      db,
      '--valid-from',
      '2090-01-01',
      '--rate',
      '1',
      '--ppo',
      '60',
      '--branch',
      '30',
      '--central',
      '10',
    );
    json('rate', 'delete', '--db', db, '--valid-from', '2090-01-01', '--reason', 'решение отменено');
    expect(json('call', 'rates.list', '--db', db).map((x: { validFrom: string }) => x.validFrom)).toEqual([
      '2000-01-01',
    ]);
    json('org', 'add', '--db', db, '--code', 'P002', '--name', 'ППО-2');
    json('org', 'close', '--db', db, '--code', 'P002', '--closed-on', '2024-12-31', '--reason', 'liquidated');
    expect(
      json('org', 'list', '--db', db, '--status', 'active').map((o: { code: string }) => o.code),
    ).toEqual(['P001']);
    json('org', 'reopen', '--db', db, '--code', 'P002', '--reason', 'закрыта по ошибке');
    expect(
      json('org', 'list', '--db', db, '--status', 'active').map((o: { code: string }) => o.code),
    ).toEqual(['P001', 'P002']);
    const history = cli('history', '--db', db, '--entity', 'org', '--key', 'P002');
    expect(history.stdout).toContain('Причина: закрыта по ошибке');
  }, 240_000); // some thirty CLI runs, each starting Node and tsx
});
