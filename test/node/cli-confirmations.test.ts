import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeRegister, initRegister, openRegister } from '../../electron/core/db/init.ts';
import { officeDate } from '../../electron/core/dates.ts';
import { makeIin } from '../../electron/core/ids/iin.ts';
import { call } from '../../electron/core/service.ts';
import { tempDir, writeFile } from './helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Runs the CLI as README shows it (`npm run -s cli -- …`), minus npm's own start-up. */
function cli(...args: string[]) {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'electron/cli/main.ts'), ...args],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The register's bytes: the database file and its write-ahead log. */
function fingerprint(file: string): string {
  const hash = createHash('sha256');
  for (const f of [file, `${file}-wal`]) if (fs.existsSync(f)) hash.update(fs.readFileSync(f));
  return hash.digest('hex');
}

const today = officeDate(new Date());
const dmy = (iso: string) => iso.split('-').reverse().join('.');
const STORED = makeIin('1985-05-25', 'female', 1);

/**
 * What the command line asks to be said explicitly: `--confirm-minor`, `--confirm-amount` and `--update`;
 * without them the register refuses (exit 1, the code in brackets) and its file is byte for byte the same.
 * `--dry-run` answers 1 when the import would be refused, so a script can check a file first.
 */
describe('the command line’s confirmations and exit codes', () => {
  it('refuses without the confirmation, unchanged, and writes with it', async () => {
    const db = path.join(tempDir(), 'krg.sqlite');
    const reg = await initRegister(db, { kind: 'branch', code: 'KRG', name: 'Карагандинский филиал' });
    await call(reg, 'orgs.create', { code: 'P001', name: 'ППО больницы', headcount: 100 });
    await call(reg, 'members.admit', {
      orgCode: 'P001',
      surname: 'Жұмабаева',
      givenName: 'Сәуле',
      iin: STORED,
      category: 'nursing',
      applicationDate: '2024-02-01',
      decision: { body: 'профком', number: '1', date: '2024-02-05' },
    });
    await reg.db.raw('PRAGMA wal_checkpoint(TRUNCATE)');
    await closeRegister(reg);

    // someone of 15: admitted only with --confirm-minor
    const minor = makeIin(`${Number(today.slice(0, 4)) - 15}${today.slice(4)}`, 'male', 3);
    const admit = [
      ...['member', 'admit', '--db', db, '--org', 'P001', '--surname', 'Серікбаев', '--given-name', 'Ерлан'],
      ...['--iin', minor, '--category', 'student', '--application-date', dmy(today)],
      ...['--decision-body', 'профком', '--decision-no', '4', '--decision-date', dmy(today)],
    ];
    let before = fingerprint(db);
    const refused = cli(...admit);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error \[member\.minor_needs_confirmation\]: .*--confirm-minor/);
    expect(fingerprint(db)).toBe(before);
    expect(cli(...admit, '--confirm-minor').code).toBe(0);

    // 100,000 ₸ on a payroll of 1,000,000 (1 % is 10,000): only with --confirm-amount
    const dues = [
      ...['dues', 'add', '--db', db, '--org', 'P001', '--month', `${today.slice(0, 7)}`],
      ...['--payroll', '1 000 000,00', '--received', '100 000,00', '--doc-no', 'ПП-7'],
    ];
    before = fingerprint(db);
    const implausible = cli(...dues);
    expect(implausible.code).toBe(1);
    expect(implausible.stderr).toMatch(/^error \[dues\.implausible_payroll\]/);
    expect(fingerprint(db)).toBe(before);
    expect(cli(...dues, '--confirm-amount').code).toBe(0);

    // a file that changes a stored member: --dry-run says so (1), the import refuses it, --update writes it
    const file = writeFile(
      'members.csv',
      'Код ППО;Фамилия;Имя;ИИН;Категория;Дата вступления\n' +
        `P001;Жұмабаева-Ким;Сәуле;${STORED};средний медперсонал;05.02.2024\n` +
        `P001;Ахметова;Дана;${makeIin('1992-03-04', 'female', 7)};врач;01.09.2019\n`,
    );
    before = fingerprint(db);
    const dry = cli('import', 'members', '--db', db, '--file', file, '--dry-run');
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain('2 rows: 1 new, 1 updated, 0 unchanged (would be imported)');
    expect(dry.stdout).toContain(`row 2, Фамилия: ${STORED}: register «Жұмабаева», file «Жұмабаева-Ким»`);
    const conflicts = cli('import', 'members', '--db', db, '--file', file);
    expect(conflicts.code).toBe(1);
    expect(conflicts.stderr).toMatch(/^error \[import\.conflicts\]/);
    expect(conflicts.stderr).toContain('row 2, Фамилия:');
    expect(fingerprint(db)).toBe(before);
    expect(cli('import', 'members', '--db', db, '--file', file, '--dry-run', '--update').code).toBe(0);
    const updated = cli('import', 'members', '--db', db, '--file', file, '--update');
    expect(updated.code).toBe(0);
    expect(updated.stdout).toContain('2 rows: 1 new, 1 updated, 0 unchanged (were imported)');

    // a file with a bad row: --dry-run exits 1 and lists it; a usage error is 2
    const bad = writeFile(
      'bad.csv',
      'Код ППО;Фамилия;Имя;ИИН;Категория;Дата вступления\nP009;Петрова;Анна;900125389604;врач;01.02.2010\n',
    );
    const badDry = cli('import', 'members', '--db', db, '--file', bad, '--dry-run');
    expect(badDry.code).toBe(1);
    expect(badDry.stdout).toMatch(/row 2, Код ППО: .*P009/);
    expect(cli('import', 'members', '--db', db, '--no-such-flag').code).toBe(2);

    const after = await openRegister(db);
    expect(await after.db('members').where({ iin: STORED }).first('surname')).toEqual({
      surname: 'Жұмабаева-Ким',
    });
    expect(await after.db('members').count({ n: '*' })).toEqual([{ n: 3 }]);
    expect(await after.db('dues_remittances').pluck('received_tiyn')).toEqual([10_000_000]);
    await closeRegister(after);
  }, 120_000);
});
