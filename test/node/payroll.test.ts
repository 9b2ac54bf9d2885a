import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeIin } from '../../electron/core/ids/iin.ts';
import type { Register } from '../../electron/core/register.ts';
import { call } from '../../electron/core/service.ts';
import { addOrg, admit, count, freshRegister, writeFile } from './helpers.ts';

const A = makeIin('1980-01-15', 'female', 1);
const B = makeIin('1975-06-02', 'male', 2);
const C = makeIin('1990-11-30', 'female', 3);
const STRANGER = makeIin('1985-05-05', 'male', 4);

/** A PPO with three members and a remittance of 3 000 ₸ for October 2024 (rate 1 %). */
async function ppo(): Promise<Register> {
  const reg = await freshRegister('2025-03-15');
  await addOrg(reg, 'P001');
  await addOrg(reg, 'P002');
  for (const [iin, surname] of [
    [A, 'Әбенова'],
    [B, 'Серіков'],
    [C, 'Ким'],
  ] as const)
    await admit(reg, iin, 'P001', { surname, admittedOn: '2024-02-12' });
  await call(reg, 'dues.record', {
    orgCode: 'P001',
    month: '2024-10',
    received: '3 000',
    payroll: '300 000',
  });
  return reg;
}

/** The employer's own layout: a title, then its own headers (semicolon CSV, as Excel saves it in Russian). */
function register(
  rows: Array<[string, string, string, string]>,
  title = 'Ведомость удержаний профвзносов за октябрь 2024 г.',
) {
  return writeFile(
    'payroll.csv',
    [
      title,
      '',
      '№;Ф.И.О. работника;ИИН;Начислено за месяц;Удержано профвзносов 1%',
      ...rows.map((r, i) => `${i + 1};${r.join(';')}`),
    ].join('\n'),
  );
}

const check = (reg: Register, file: string, extra: Record<string, unknown> = {}) =>
  call(reg, 'payroll.check', { orgCode: 'P001', month: '2024-10', file, ...extra });

describe("the employer's payroll register", () => {
  it('guesses the columns under a title row, and a clean register attaches every line on confirmation', async () => {
    const reg = await ppo();
    const file = register([
      ['Әбенова Айгүл', A, '100 000,00', '1 000,00'],
      ['Серіков Нұрлан', B, '150 000', '1 500'],
      ['Ким Анна', C, '50 000', '500'],
    ]);
    expect(await call(reg, 'payroll.columns', { orgCode: 'P001', month: '2024-10', file })).toMatchObject({
      columns: {
        iin: 'ИИН',
        name: 'Ф.И.О. работника',
        salary: 'Начислено за месяц',
        withheld: 'Удержано профвзносов 1%',
      },
    });
    const checked = await check(reg, file);
    expect(checked.exceptions).toEqual([]);
    expect(checked).toMatchObject({ lineCount: 3, totalWithheldTiyn: 300000, receivedTiyn: 300000 });
    expect(await count(reg, 'dues_lines')).toBe(0); // nothing attached before confirmation
    const attached = await call(reg, 'payroll.attach', { orgCode: 'P001', month: '2024-10', file });
    expect(attached.attached).toBe(3);
    const lines = await reg
      .db('dues_lines')
      .orderBy('iin')
      .select('iin', 'salary_tiyn', 'withheld_tiyn', 'member_id');
    expect(lines.map((l) => [l.iin, l.salary_tiyn, l.withheld_tiyn])).toEqual(
      [
        [A, 10000000, 100000],
        [B, 15000000, 150000],
        [C, 5000000, 50000],
      ].sort(),
    );
    expect(lines.every((l) => l.member_id)).toBe(true);
    expect((await call(reg, 'dues.list', { orgCode: 'P001' }))[0]!.lines).toBe(3);
  });

  it('lists withholding from someone who is not an active member of the PPO', async () => {
    const reg = await ppo();
    await admit(reg, STRANGER, 'P002', { surname: 'Чужой', admittedOn: '2024-02-12' });
    const checked = await check(
      reg,
      register([
        ['Әбенова Айгүл', A, '100 000', '1 000'],
        ['Серіков Нұрлан', B, '100 000', '1 000'],
        ['Ким Анна', C, '50 000', '500'],
        ['Чужой Пётр', STRANGER, '50 000', '500'],
      ]),
    );
    expect(checked.exceptions).toContainEqual({
      kind: 'not_member',
      row: 7,
      iin: STRANGER,
      name: 'Чужой Пётр',
      withheldTiyn: 50000,
    });
  });

  it('lists an active member with nothing withheld, in the register with 0 or absent from it', async () => {
    const reg = await ppo();
    const checked = await check(
      reg,
      register([
        ['Әбенова Айгүл', A, '200 000', '2 000'],
        ['Серіков Нұрлан', B, '100 000', '0'],
      ]),
    );
    const nothing = checked.exceptions.filter((e) => e.kind === 'nothing_withheld');
    expect(nothing.map((e) => e.iin).sort()).toEqual([B, C].sort());
    expect(nothing.find((e) => e.iin === C)).toMatchObject({ name: 'Ким Сәуле' });
  });

  it('lists an amount that differs from rate × salary by more than 1 ₸, and not one within 1 ₸', async () => {
    const reg = await ppo();
    const checked = await check(
      reg,
      register([
        ['Әбенова Айгүл', A, '100 000', '1 000,99'],
        ['Серіков Нұрлан', B, '150 000', '1 498,50'],
        ['Ким Анна', C, '50 000', '500,51'],
      ]),
    );
    const differs = checked.exceptions.filter((e) => e.kind === 'amount_differs');
    expect(differs).toEqual([
      {
        kind: 'amount_differs',
        row: 5,
        iin: B,
        name: 'Серіков Нұрлан',
        withheldTiyn: 149850,
        expectedTiyn: 150000,
      },
    ]);
  });

  it('lists a total that differs from the remittance', async () => {
    const reg = await ppo();
    const checked = await check(
      reg,
      register([
        ['Әбенова Айгүл', A, '100 000', '1 000'],
        ['Серіков Нұрлан', B, '150 000', '1 500'],
        ['Ким Анна', C, '60 000', '600'],
      ]),
    );
    expect(checked.exceptions).toEqual([
      { kind: 'total_differs', withheldTiyn: 310000, receivedTiyn: 300000 },
    ]);
  });

  it('takes a mapping for an unusual layout from XLSX, remembers it for the PPO, and refuses a bad IIN with its row', async () => {
    const reg = await ppo();
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Лист1');
    ws.addRow(['ТОО «Больница»']);
    ws.addRow(['Табельный', 'Сотрудник', 'Идентификатор', 'Оклад', 'Сумма 1']);
    ws.addRow(['001', 'Әбенова Айгүл', A, 100000, 1000]);
    ws.addRow(['002', 'Серіков Нұрлан', B, 150000, 1500]);
    ws.addRow(['003', 'Ким Анна', C, 50000, 500]);
    ws.addRow(['', 'Итого', '', 300000, 3000]);
    const file = writeFile('payroll.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    const map = { iin: 'Идентификатор', withheld: 'Сумма 1' };
    const columns = await call(reg, 'payroll.columns', { orgCode: 'P001', month: '2024-10', file });
    expect(columns.headers).toEqual(['Табельный', 'Сотрудник', 'Идентификатор', 'Оклад', 'Сумма 1']);
    await expect(check(reg, file)).rejects.toMatchObject({ code: 'payroll.no_iin_column' });
    const attached = await call(reg, 'payroll.attach', { orgCode: 'P001', month: '2024-10', file, map });
    expect(attached).toMatchObject({ attached: 3, exceptions: [] });
    // the next month, the same employer's file checks without a mapping
    expect((await check(reg, file)).columns).toMatchObject({
      iin: 'Идентификатор',
      withheld: 'Сумма 1',
      salary: 'Оклад',
    });

    const bad = register([['Әбенова Айгүл', '850525446561', '100 000', '1 000']]);
    await expect(
      check(reg, bad, { map: { iin: 'ИИН', withheld: 'Удержано профвзносов 1%' } }),
    ).rejects.toMatchObject({
      code: 'payroll.invalid_rows',
      details: [{ row: 4, column: 'ИИН', messageRu: 'ИИН 850525446561 неверен' }],
    });
  });

  it('asks which remittance when the month has several, and attaches to the one chosen', async () => {
    const reg = await ppo();
    await call(reg, 'dues.record', { orgCode: 'P001', month: '2024-10', received: '1 000', docNo: '77' });
    const file = register([['Әбенова Айгүл', A, '100 000', '1 000']]);
    await expect(check(reg, file)).rejects.toMatchObject({ code: 'payroll.which_remittance' });
    const second = (await call(reg, 'dues.list', { orgCode: 'P001' })).find((r) => r.docNo === '77')!;
    const attached = await call(reg, 'payroll.attach', {
      orgCode: 'P001',
      month: '2024-10',
      file,
      remittanceId: second.id,
    });
    expect(attached).toMatchObject({ attached: 1, receivedTiyn: 100000 });
    expect(await reg.db('dues_lines').distinct('remittance_id').pluck('remittance_id')).toEqual([second.id]);
  });

  it('attaches nothing into a closed quarter', async () => {
    const reg = await ppo();
    await call(reg, 'quarters.close', { quarter: '2024Q4' });
    const file = register([['Әбенова Айгүл', A, '100 000', '1 000']]);
    await expect(
      call(reg, 'payroll.attach', { orgCode: 'P001', month: '2024-10', file }),
    ).rejects.toMatchObject({
      code: 'dues.quarter_closed',
    });
    expect(await count(reg, 'dues_lines')).toBe(0);
  });
});
