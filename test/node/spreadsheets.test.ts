import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeIin } from '../../electron/core/ids/iin.ts';
import type { Register } from '../../electron/core/register.ts';
import { call } from '../../electron/core/service.ts';
import { requireTool } from '../tools.ts';
import { addOrg, admit, freshRegister, tempDir } from './helpers.ts';

requireTool('libreoffice', ['--version'], 'libreoffice-calc-nogui');

/** Converts with headless LibreOffice in a profile of its own (parallel test files must not share one). */
function libreoffice(file: string, to: string): string {
  const dir = path.dirname(file);
  execFileSync(
    'libreoffice',
    [
      `-env:UserInstallation=file://${tempDir()}`,
      '--headless',
      '--convert-to',
      to,
      '--outdir',
      path.join(dir, 'lo'),
      file,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  const out = path.join(dir, 'lo', `${path.basename(file, '.xlsx')}.${to.split(':')[0]}`);
  expect(fs.existsSync(out), `LibreOffice wrote ${out}`).toBe(true);
  return out;
}

/** The first sheet as LibreOffice reads it, as CSV rows (UTF-8, comma, quotes). */
function csvOf(file: string): string[][] {
  const csv = fs.readFileSync(libreoffice(file, 'csv:Text - txt - csv (StarCalc):44,34,76,1'), 'utf8');
  return csv
    .trim()
    .split('\n')
    .map((line) =>
      [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)]
        .map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"'))
        .slice(0, -1),
    );
}

async function saved(reg: Register, input: Parameters<typeof call<'xlsx.export'>>[2]): Promise<string> {
  const out = await call(reg, 'xlsx.export', input);
  const file = path.join(tempDir(), out.fileName);
  fs.writeFileSync(file, Buffer.from(out.content, 'base64'));
  return file;
}

async function branchWithData(): Promise<Register> {
  const reg = await freshRegister('2025-03-15');
  await addOrg(reg, 'P001', { name: 'Областная больница', headcount: 10 });
  await addOrg(reg, 'P002', { name: 'Поликлиника № 3', headcount: 5 });
  await admit(reg, makeIin('2001-03-04', 'female', 12), 'P001', {
    surname: 'Әбенова',
    givenName: 'Гүлнар',
    position: 'медсестра',
    cardNo: '0042',
    admittedOn: '2024-02-12',
  });
  await admit(reg, '850525446560', 'P001', {
    surname: 'Иванова',
    givenName: 'Ольга',
    admittedOn: '2024-02-12',
  });
  await admit(reg, '680505404480', 'P002', { surname: 'Ким', givenName: 'Анна', admittedOn: '2024-02-12' });
  await call(reg, 'dues.record', {
    orgCode: 'P001',
    month: '2024-10',
    received: '12 345,67',
    payroll: '1 234 567',
  });
  await call(reg, 'dues.record', {
    orgCode: 'P001',
    month: '2024-11',
    received: '1 000',
    payroll: '100 000',
  });
  await call(reg, 'dues.record', { orgCode: 'P002', month: '2024-10', received: '500', payroll: '50 000' });
  await call(reg, 'appeals.add', {
    receivedOn: '2024-11-05',
    channel: 'phone',
    applicant: 'Иванова О.',
    category: 'wages',
    orgCode: 'P001',
  });
  const [a] = await call(reg, 'appeals.list', { year: 2024 });
  await call(reg, 'appeals.close', {
    year: 2024,
    regNo: a!.regNo,
    closedOn: '2024-12-01',
    economicEffect: '120 000',
  });
  return reg;
}

describe('spreadsheets written by the app', () => {
  it('keep types, formats, a frozen header and fitting widths', async () => {
    const reg = await branchWithData();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await saved(reg, { kind: 'members', language: 'ru' }));
    const ws = book.worksheets[0]!;
    expect(ws.name).toBe('Члены профсоюза');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).values).toEqual([
      undefined,
      'Код ППО',
      'Фамилия',
      'Имя',
      'Отчество',
      'ИИН',
      'Дата рождения',
      'Должность',
      'Категория',
      '№ билета',
      'Дата вступления',
      'Телефон',
      'Дата выбытия',
    ]);
    // sorted by the alphabet, IIN as text with its leading zero, dates as dates
    expect(ws.getColumn(2).values.slice(2)).toEqual(['Әбенова', 'Иванова', 'Ким']);
    const first = ws.getRow(2);
    expect(first.getCell(5).value).toBe(makeIin('2001-03-04', 'female', 12));
    expect(String(first.getCell(5).value)).toMatch(/^0/);
    expect(first.getCell(10).value).toEqual(new Date(Date.UTC(2024, 1, 12)));
    expect(first.getCell(10).numFmt).toBe('dd.mm.yyyy');
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual('Фамилия'.length);

    const legal = new ExcelJS.Workbook();
    await legal.xlsx.readFile(await saved(reg, { kind: 'legal-report', year: 2024, language: 'ru' }));
    const kinds = legal.worksheets[0]!;
    expect(kinds.name).toBe('МедАдвокат 2024');
    expect(kinds.getColumn(1).values.slice(1)).toEqual([
      'Вид дела',
      'уголовное',
      'административное',
      'гражданское',
      'трудовой спор',
      'ИТОГО',
    ]);

    const dues = new ExcelJS.Workbook();
    await dues.xlsx.readFile(await saved(reg, { kind: 'dues', year: 2024, language: 'kk' }));
    const grid = dues.worksheets[0]!;
    expect(grid.name).toBe('Айлар бойынша жарналар 2024');
    expect(grid.getRow(1).getCell(12).value).toBe('қаз');
    expect(grid.getRow(2).getCell(12).value).toBe(12345.67);
    expect(grid.getRow(2).getCell(12).numFmt).toBe('#,##0.00');
    expect(grid.getRow(4).getCell(1).value).toBe('ЖИЫНЫ');
    expect(grid.getRow(4).getCell(15).value).toBe(13845.67);
  });

  it('hold what the screen shows: the members list and the appeals journal with their filters and search', async () => {
    const reg = await branchWithData();
    await call(reg, 'members.correct', {
      iin: '680505404480',
      category: 'physician',
      reason: 'категория по приказу',
    });
    await call(reg, 'appeals.add', {
      receivedOn: '2024-12-10',
      channel: 'written',
      applicant: 'Өмірзақова Сәуле',
      category: 'wages',
      orgCode: 'P002',
    });
    await call(reg, 'appeals.add', {
      receivedOn: '2024-12-12',
      channel: 'phone',
      applicant: 'Сейткали Ерлан',
      category: 'wages',
      orgCode: 'P002',
    });
    const column = async (input: Parameters<typeof saved>[1], n: number) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(await saved(reg, input));
      return book.worksheets[0]!.getColumn(n).values.slice(2);
    };
    // the search as typed on a Russian keyboard («абен» finds «Әбенова»), the category, both
    expect(await column({ kind: 'members', language: 'ru', search: 'абен' }, 2)).toEqual(['Әбенова']);
    expect(await column({ kind: 'members', language: 'ru', category: 'nursing' }, 2)).toEqual([
      'Әбенова',
      'Иванова',
    ]);
    expect(
      await column({ kind: 'members', language: 'ru', category: 'physician', search: 'ким' }, 2),
    ).toEqual(['Ким']);
    // the journal: status, search (words in any order, Kazakh letters folded) and the order on screen
    const applicants = (input: Parameters<typeof saved>[1]) => column(input, 4);
    expect(await applicants({ kind: 'appeals', year: 2024, language: 'ru', appealStatus: 'closed' })).toEqual(
      ['Иванова О.'],
    );
    expect(
      await applicants({ kind: 'appeals', year: 2024, language: 'ru', search: 'сауле омирзак' }),
    ).toEqual(['Өмірзақова Сәуле']);
    expect(await applicants({ kind: 'appeals', year: 2024, language: 'ru', newestFirst: true })).toEqual([
      'Сейткали Ерлан',
      'Өмірзақова Сәуле',
      'Иванова О.',
    ]);
  });

  it('open in LibreOffice with the same values', async () => {
    const reg = await branchWithData();
    const members = csvOf(await saved(reg, { kind: 'members', language: 'ru' }));
    expect(members[0]!.slice(0, 5)).toEqual(['Код ППО', 'Фамилия', 'Имя', 'Отчество', 'ИИН']);
    expect(members[1]!.slice(0, 5)).toEqual([
      'P001',
      'Әбенова',
      'Гүлнар',
      '',
      makeIin('2001-03-04', 'female', 12),
    ]);
    expect(members[1]![9]).toBe('12.02.2024');
    expect(members).toHaveLength(4);

    const appeals = csvOf(await saved(reg, { kind: 'appeals-report', year: 2024, language: 'ru' }));
    expect(appeals[0]).toEqual([
      'Перечень вопросов',
      'Всего обращений',
      'Всего закрытых',
      'Экономический эффект, ₸',
      'На контроле',
    ]);
    // empty cells stay empty (LibreOffice drops a trailing empty field)
    const withBlanks = (r: string[] | undefined) => [0, 1, 2, 3, 4].map((i) => r?.[i] ?? '');
    expect(withBlanks(appeals.find((r) => r[0] === 'Оплата труда'))).toEqual([
      'Оплата труда',
      '1',
      '1',
      '120,000.00',
      '',
    ]);
    expect(withBlanks(appeals.find((r) => r[0] === 'Охрана труда'))).toEqual([
      'Охрана труда',
      '0',
      '0',
      '',
      '',
    ]);
    expect(withBlanks(appeals.at(-1))).toEqual(['ИТОГО', '1', '1', '120,000.00', '']);

    const report = csvOf(await saved(reg, { kind: 'dues-report', year: 2024, quarter: 4, language: 'ru' }));
    expect(report.at(-1)!.slice(0, 6)).toEqual(['ИТОГО', '', '3', '13,845.67', '13,845.67', '100.0%']);
  }, 120_000);

  it('an exported list saved again by LibreOffice imports back into a new register', async () => {
    const reg = await branchWithData();
    const file = await saved(reg, { kind: 'members', language: 'kk' });
    const resaved = libreoffice(file, 'xlsx:Calc MS Excel 2007 XML');
    const copy = await freshRegister('2025-03-15');
    await addOrg(copy, 'P001');
    await addOrg(copy, 'P002');
    const run = await call(copy, 'import.run', { kind: 'members', file: resaved });
    expect(run).toMatchObject({ created: 3, problems: [] });
    const names = (await call(copy, 'members.list', { language: 'kk' })).rows.map(
      (m) => `${m.surname} ${m.iin} ${m.joinedOn} ${m.cardNo ?? ''}`,
    );
    expect(names).toEqual(
      (await call(reg, 'members.list', { language: 'kk' })).rows.map(
        (m) => `${m.surname} ${m.iin} ${m.joinedOn} ${m.cardNo ?? ''}`,
      ),
    );
  }, 120_000);
});
