import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { closeRegister, initRegister } from '../../electron/core/db/init.ts';
import { call } from '../../electron/core/service.ts';
import { tempDir, writeFile } from './helpers.ts';
import { membersCp1251 } from './office-files.ts';
import { journal2024, toCsv } from './appeals-2024.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Runs the CLI exactly as README shows it (`npm run -s cli -- …`), minus npm's own start-up. */
function cli(...args: string[]) {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'electron/cli/main.ts'), ...args],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('command line', () => {
  it('creates a branch, admits, exits and reports as JSON', () => {
    const db = path.join(tempDir(), 'krg.sqlite');
    expect(cli('init', '--db', db, '--branch', 'KRG', '--name', 'Карагандинский филиал').code).toBe(0);
    expect(
      cli(
        'org',
        'add',
        '--db',
        db,
        '--code',
        'P001',
        '--name',
        'ППО ОКБ',
        '--headcount',
        '200',
        '--bin',
        '050540464008',
      ).code,
    ).toBe(0);
    const admit = cli(
      'member',
      'admit',
      '--db',
      db,
      '--org',
      'P001',
      '--surname',
      'Өмірзақова',
      '--given-name',
      'Сәуле',
      '--iin',
      '850525446560',
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
      '--json',
    );
    expect(admit.code).toBe(0);
    expect(JSON.parse(admit.stdout)).toMatchObject({ status: 'active', joinedOn: '2024-02-05' });
    const report = cli('report', 'membership', '--db', db, '--date', '2024-12-31', '--json');
    expect(JSON.parse(report.stdout)).toMatchObject({
      total: { members: 1, orgs: 1, headcount: 200, density: 0.005 },
      bySex: { female: 1, male: 0 },
    });
    const exit = cli(
      'member',
      'exit',
      '--db',
      db,
      '--iin',
      '850525446560',
      '--reason',
      'own_will',
      '--decision-body',
      'профком',
      '--decision-no',
      '4',
      '--decision-date',
      '2024-03-01',
    );
    expect(exit.code).toBe(1);
    expect(exit.stderr.trim().split('\n')).toHaveLength(1);
    expect(exit.stderr).toContain('member.application_required');
  });

  it("imports a journal and prints the union's table; a bad file exits 1 with the rows listed", async () => {
    const db = path.join(tempDir(), 'krg.sqlite');
    cli('init', '--db', db, '--branch', 'KRG', '--name', 'Филиал');
    const file = writeFile('journal.csv', iconv.encode(toCsv(journal2024()), 'win1251'));
    const imported = cli('import', 'appeals', '--db', db, '--file', file);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('4111 rows: 4111 new, 0 updated, 0 unchanged');
    const report = JSON.parse(cli('report', 'appeals', '--db', db, '--year', '2024', '--json').stdout);
    expect(report.rows[0]).toEqual({
      category: 'wages',
      total: 684,
      closed: 680,
      economicEffectTiyn: 1275954300,
      onControl: 4,
    });
    expect(report.total).toEqual({
      total: 4111,
      closed: 4094,
      economicEffectTiyn: 18125331600,
      onControl: 17,
    });
    const text = cli('report', 'appeals', '--db', db, '--year', '2024');
    expect(text.stdout).toMatch(/ИТОГО\s+4111\s+4094\s+181 253 316,00\s+17/);

    // the same table as a spreadsheet, and the journal itself
    const xlsx = path.join(tempDir(), 'appeals-2024.xlsx');
    expect(cli('report', 'appeals', '--db', db, '--year', '2024', '--xlsx', xlsx).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('Сведения об обращениях 2024');
    expect(sheet.getRow(sheet.rowCount).values).toEqual([undefined, 'ИТОГО', 4111, 4094, 181253316, 17]);
    const journal = path.join(tempDir(), 'journal.xlsx');
    const out = cli('export-xlsx', 'appeals', '--db', db, '--year', '2024', '--out', journal, '--json');
    expect(JSON.parse(out.stdout)).toMatchObject({ file: journal });
    await book.xlsx.readFile(journal);
    expect(book.worksheets[0]!.rowCount).toBe(4112);
    expect(cli('export-xlsx', 'members', '--db', db).code).toBe(2);

    const bad = cli('import', 'members', '--db', db, '--file', membersCp1251());
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('import.invalid_rows');
    expect(bad.stderr).toContain('row 2, Код ППО: There is no primary organization with code П-03');
  });

  it('checks a payroll register and attaches it only with --confirm', async () => {
    const db = path.join(tempDir(), 'krg.sqlite');
    const reg = await initRegister(db, { kind: 'branch', code: 'KRG', name: 'Филиал' });
    await call(reg, 'orgs.create', { code: 'P001', name: 'ППО' });
    await call(reg, 'members.admit', {
      orgCode: 'P001',
      surname: 'Иванова',
      givenName: 'Ольга',
      iin: '850525446560',
      category: 'nursing',
      applicationDate: '2024-02-01',
      decision: { body: 'профком', number: '1', date: '2024-02-05' },
    });
    await call(reg, 'dues.record', { orgCode: 'P001', month: '2024-10', received: '1 000' });
    await closeRegister(reg);
    const file = writeFile('payroll.csv', 'ФИО;ИИН;Оклад;Удержано\nИванова Ольга;850525446560;90 000;900\n');
    const args = ['import', 'payroll', '--db', db, '--org', 'P001', '--month', '2024-10', '--file', file];
    const checked = cli(...args);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain('итог ведомости 900,00 ₸ не равен поступлению 1 000,00 ₸');
    expect(checked.stdout).toContain('Ничего не прикреплено');
    const attached = cli(...args, '--confirm', '--json');
    expect(JSON.parse(attached.stdout)).toMatchObject({ attached: 1, lineCount: 1 });
    expect(cli(...args, '--map', '{"iin":"Нет такого"}').stderr).toContain('payroll.no_iin_column');
  });

  it('exits 2 on a usage error and 1 on a missing database', () => {
    expect(cli('report', 'appeals', '--db', 'x.sqlite', '--bogus').code).toBe(2);
    expect(cli('frobnicate').code).toBe(2);
    const missing = cli('report', 'appeals', '--db', path.join(tempDir(), 'none.sqlite'), '--year', '2024');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('db.not_found');
  });

  it('builds a demo branch whose reports add up', () => {
    const db = path.join(tempDir(), 'demo.sqlite');
    const demo = cli('demo', '--db', db, '--members', '500', '--json');
    expect(demo.code).toBe(0);
    expect(JSON.parse(demo.stdout)).toMatchObject({ orgs: 25, members: 500, appeals: 600 });
    const m = JSON.parse(cli('report', 'membership', '--db', db, '--json').stdout);
    expect(m.rows.reduce((s: number, r: { members: number }) => s + r.members, 0)).toBe(m.total.members);
    expect(m.bySex.male + m.bySex.female).toBe(m.total.members);
    expect(m.total.members).toBeGreaterThan(400);
    const year = new Date().getFullYear();
    const d = JSON.parse(cli('report', 'dues', '--db', db, '--year', String(year - 1), '--json').stdout);
    expect(d.total.receivedTiyn).toBe(
      d.rows.reduce((s: number, r: { receivedTiyn: number }) => s + r.receivedTiyn, 0),
    );
    expect(d.total.completeness).toBeGreaterThan(0.85);
    expect(d.total.completeness).toBeLessThanOrEqual(1);
  });

  it('creates the exchange keys from the command line', () => {
    const dir = tempDir();
    const hq = path.join(dir, 'hq.sqlite');
    const branch = path.join(dir, 'krg.sqlite');
    expect(cli('init', '--db', hq, '--hq', '--name', 'Центральный совет').code).toBe(0);
    expect(cli('init', '--db', branch, '--branch', 'KRG', '--name', 'Филиал').code).toBe(0);
    const hqKey = JSON.parse(cli('hq-key', 'init', '--db', hq, '--json').stdout);
    expect(hqKey.recipient).toMatch(/^age1/);
    expect(cli('hq-key', 'recipient', '--db', hq, '--out', path.join(dir, 'hq.recipient')).code).toBe(0);
    expect(cli('hq-key', 'set', '--db', branch, '--recipient', path.join(dir, 'hq.recipient')).code).toBe(0);
    const keys = JSON.parse(cli('keys', 'init', '--db', branch, '--json').stdout);
    const pub = JSON.parse(
      cli('keys', 'public', '--db', branch, '--out', path.join(dir, 'KRG.pub'), '--json').stdout,
    );
    expect(pub.fingerprint).toBe(keys.fingerprint);
    expect(fs.readFileSync(path.join(dir, 'KRG.pub'), 'utf8')).toMatch(
      /^untrusted comment: minisign public key [0-9A-F]{16}\n/,
    );
    const again = cli('keys', 'init', '--db', branch);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('keys.exists');

    // a quarter goes to headquarters and is merged there; the same file again is a duplicate
    expect(cli('trust', '--db', hq, '--branch', 'KRG', '--key', path.join(dir, 'KRG.pub')).code).toBe(0);
    const exported = JSON.parse(
      cli('export', '--db', branch, '--quarter', '2024Q4', '--out', dir, '--json').stdout,
    );
    expect(path.basename(exported.file)).toBe('KRG-2024Q4-1.aqpkg');
    const merged = cli('merge', '--db', hq, '--json', exported.file);
    expect(merged.code).toBe(0);
    expect(JSON.parse(merged.stdout)).toEqual([
      expect.objectContaining({ file: exported.file, status: 'accepted' }),
    ]);
    expect(JSON.parse(cli('merge', '--db', hq, '--json', exported.file).stdout)[0].status).toBe('duplicate');
    fs.writeFileSync(path.join(dir, 'broken.aqpkg'), fs.readFileSync(exported.file).subarray(0, 100));
    const rejected = cli('merge', '--db', hq, '--json', path.join(dir, 'broken.aqpkg'));
    expect(rejected.code).toBe(1);
    expect(JSON.parse(rejected.stdout)[0]).toMatchObject({ status: 'rejected', code: 'package.damaged' });
    // fourteen cold starts of the CLI (tsx): 51 s on this 2-core machine under the other sessions' load
  }, 150_000);
});
