import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { RegisterError } from '../../electron/core/errors.ts';
import { call } from '../../electron/core/service.ts';
import { TABLE_2024, journal2024, toCsv } from './appeals-2024.ts';
import { count, freshRegister, tempDir, writeFile } from './helpers.ts';
import { appealsJournalXlsx, membersCp1251, orgsXlsx } from './office-files.ts';

async function refusal(p: Promise<unknown>): Promise<RegisterError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof RegisterError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe("importing the offices' own files", () => {
  it('imports the sample PPO list, the Windows-1251 member register and the appeals journal', async () => {
    const reg = await freshRegister('2025-03-15');
    const orgs = await call(reg, 'import.run', { kind: 'orgs', file: await orgsXlsx() });
    expect(orgs).toMatchObject({ rows: 3, created: 3, updated: 0, unchanged: 0 });
    expect(await call(reg, 'orgs.get', { code: 'П-01' })).toMatchObject({
      bin: '050540464008',
      headcount: 1240,
      chairName: 'Жұмабаева Сәуле Қайратқызы',
      sector: 'healthcare',
    });
    expect((await call(reg, 'orgs.get', { code: 'П-03' })).sector).toBe('social');

    const members = await call(reg, 'import.run', {
      kind: 'members',
      file: membersCp1251(),
    });
    expect(members).toMatchObject({ rows: 40, created: 40, unchanged: 0 });
    expect(members.backup).toMatch(/before-import-members/);
    const backups = tempDir();
    await call(reg, 'settings.update', { backupsDir: backups });
    const appealsFirst = await call(reg, 'import.run', {
      kind: 'appeals',
      file: await appealsJournalXlsx(),
    });
    expect(path.dirname(appealsFirst.backup!)).toBe(backups);
    const ivanova = await call(reg, 'members.get', { iin: '850525446560' });
    expect(ivanova).toMatchObject({
      surname: 'Иванова',
      givenName: 'Ольга',
      patronymic: 'Петровна',
      category: 'nursing',
      joinedOn: '2008-09-09',
      orgCode: 'П-03',
      sex: 'female',
    });
    expect(ivanova.history.map((e) => e.kind)).toEqual(['imported']);
    expect((await call(reg, 'members.get', { iin: '990905303366' })).phone).toBe(
      '+7 (7212) 41-22-33, доб. 5',
    );

    expect(appealsFirst).toMatchObject({ rows: 60, created: 60, headerRow: 3, ignoredColumns: ['№ п/п'] });
    const first = (await call(reg, 'appeals.list', { year: 2024 }))[0]!;
    expect(first).toMatchObject({
      regNo: '2024/001',
      receivedOn: '2024-05-13',
      channel: 'email',
      category: 'safety',
      status: 'in_progress',
      onControl: true,
      orgCode: 'П-02',
    });
    const report = await call(reg, 'reports.appeals', { year: 2024 });
    expect(report.total.total).toBe(60);
  });

  it('re-importing the same files creates no duplicates and says what changed', async () => {
    const reg = await freshRegister('2025-03-15');
    await call(reg, 'import.run', { kind: 'orgs', file: await orgsXlsx() });
    await call(reg, 'import.run', { kind: 'members', file: membersCp1251() });
    await call(reg, 'import.run', { kind: 'appeals', file: await appealsJournalXlsx() });
    expect(await call(reg, 'import.run', { kind: 'members', file: membersCp1251() })).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 40,
      backup: null,
    });
    expect(
      await call(reg, 'import.run', {
        kind: 'appeals',
        file: await appealsJournalXlsx(),
      }),
    ).toMatchObject({ created: 0, unchanged: 60 });
    const changed = writeFile(
      'orgs.csv',
      'code,name,headcount\nП-01,ППО КГП на ПХВ «Многопрофильная областная больница»,1300\nП-09,ППО новая,10\n',
    );
    // П-01 exists with another name and headcount: refused, each field listed, until --update
    const conflict = await refusal(call(reg, 'import.run', { kind: 'orgs', file: changed }));
    expect(conflict.code).toBe('import.conflicts');
    expect(conflict.details.map((d) => [d.row, d.column, d.params])).toEqual([
      [
        2,
        'Численность работающих',
        expect.objectContaining({ key: 'П-01', stored: '1240', incoming: '1300' }),
      ],
    ]);
    expect(await count(reg, 'orgs')).toBe(3);
    expect(await call(reg, 'import.run', { kind: 'orgs', file: changed, update: true })).toMatchObject({
      created: 1,
      updated: 1,
      unchanged: 0,
    });
    expect((await call(reg, 'orgs.get', { code: 'П-01' })).headcount).toBe(1300);
    expect(await count(reg, 'members')).toBe(40);
    expect(await count(reg, 'appeals')).toBe(60);
  });

  it('reads UTF-8 with a BOM, commas, quoted separators and line breaks, English keys and ISO dates', async () => {
    const reg = await freshRegister('2025-03-15');
    await call(reg, 'orgs.create', { code: 'P1', name: 'ППО' });
    const csv =
      '\ufeffiin,org_code,surname,given_name,category,joined_on,position\n' +
      '850525446560,P1,Жұмабаева,Сәуле,physician,2010-01-15,"врач, терапевт"\n' +
      '900125389604,P1,"Өмірзақов","Нұрлан",пенсионер,15.01.2011,"старший\nфельдшер"\n';
    const result = await call(reg, 'import.run', { kind: 'members', file: writeFile('m.csv', csv) });
    expect(result).toMatchObject({ created: 2 });
    // a line break inside a one-line field is whitespace: normalised to one space
    expect((await call(reg, 'members.get', { iin: '900125389604' })).position).toBe('старший фельдшер');
    expect((await call(reg, 'members.get', { iin: '850525446560' })).surname).toBe('Жұмабаева');
  });

  it('refuses a file with bad rows as a whole, listing every row, column and reason; nothing is written', async () => {
    const reg = await freshRegister('2025-03-15');
    await call(reg, 'orgs.create', { code: 'P1', name: 'ППО' });
    const csv = [
      'Код ППО;Фамилия;Имя;ИИН;Категория;Дата вступления',
      'P1;Иванова;Ольга;850525446560;врач;01.02.2010',
      'P9;Петрова;Анна;850525446561;хирург;31.02.2010',
      'P1;;Нина;850525446560;врач;2010-01-01',
      'P1;Сидорова;Анна;900125389604;врач;01.01.2099',
    ].join('\r\n');
    const err = await refusal(
      call(reg, 'import.run', { kind: 'members', file: writeFile('bad.csv', iconv.encode(csv, 'win1251')) }),
    );
    expect(err.code).toBe('import.invalid_rows');
    expect(err.messageRu).toContain('ничего не импортировано');
    expect(err.details.map((d) => [d.row, d.column, d.code])).toEqual([
      [3, 'Код ППО', 'org.not_found'],
      [3, 'Категория', 'import.not_in_list'],
      [3, 'Дата вступления', 'date.invalid'],
      [3, 'ИИН', 'member.invalid_iin'],
      [4, 'Фамилия', 'text.required'],
      [4, 'ИИН', 'import.repeated_key'],
      [5, 'Дата вступления', 'date.in_future'],
    ]);
    expect(err.details[0]!.messageRu).toBe('Нет ППО с кодом P9');
    expect(err.details[1]!.messageRu).toContain('Категория: «хирург» — недопустимое значение');
    expect(err.details[5]!.messageRu).toBe('ИИН: 850525446560 уже встречается в строке 2');
    expect(err.details[6]!.messageRu).toBe(
      'Дата вступления: 01.01.2099 — эта дата ещё не наступила (сегодня 15.03.2025)',
    );
    expect(await count(reg, 'members')).toBe(0);
    expect(await count(reg, 'member_events')).toBe(0);
    expect(await reg.db('audit_log').where({ entity: 'members' }).count({ n: '*' })).toEqual([{ n: 0 }]);
  });

  it('refuses a file without the required columns, and an unknown format, saying which', async () => {
    const reg = await freshRegister();
    const err = await refusal(
      call(reg, 'import.run', {
        kind: 'members',
        file: writeFile('x.csv', 'Дата;Сумма;Примечание\n1;2;3\n'),
      }),
    );
    expect(err.code).toBe('import.no_header');
    const err2 = await refusal(
      call(reg, 'import.run', { kind: 'members', file: writeFile('y.csv', 'Фамилия;Имя;ИИН\nА;Б;1\n') }),
    );
    expect(err2.code).toBe('import.missing_columns');
    expect(err2.messageRu).toContain('Код ППО, Категория, Дата вступления');
    const err3 = await refusal(call(reg, 'import.run', { kind: 'members', file: writeFile('z.ods', 'x') }));
    expect(err3.code).toBe('import.unknown_format');
  });

  it('a preview lists the problems and counts without writing', async () => {
    const reg = await freshRegister();
    const preview = await call(reg, 'import.preview', {
      kind: 'orgs',
      file: await orgsXlsx(),
    });
    expect(preview).toMatchObject({ created: 3, problems: [] });
    expect(await count(reg, 'orgs')).toBe(0);
  });

  it('imports dues statements and matches them again by PPO, month and document number', async () => {
    const reg = await freshRegister('2025-03-15');
    await call(reg, 'orgs.create', { code: 'P1', name: 'ППО' });
    const csv =
      'Код ППО;Месяц;Количество членов;ФОТ;Поступило;Дата поступления;№ документа\nP1;01.2025;120;36 000 000,00;356 400,00;12.02.2025;ПП-15\nP1;2025-02;120;36 000 000,00;360 000;12.03.2025;ПП-31\n';
    const file = writeFile('dues.csv', iconv.encode(csv, 'win1251'));
    expect(await call(reg, 'import.run', { kind: 'dues', file })).toMatchObject({ created: 2 });
    expect(await call(reg, 'import.run', { kind: 'dues', file })).toMatchObject({ created: 0, unchanged: 2 });
    const report = await call(reg, 'reports.dues', { year: 2025, quarter: 1 });
    expect(report.total).toMatchObject({
      receivedTiyn: 71640000,
      expectedTiyn: 72000000,
      completeness: 0.995,
    });
  });

  it("4,111 appeals of 2024 give back the union's table exactly (CSV in Windows-1251 and XLSX)", async () => {
    const rows = journal2024();
    expect(rows.length - 1).toBe(4111);
    const expected = TABLE_2024.map((t) => ({
      category: t.category,
      total: t.total,
      closed: t.closed,
      economicEffectTiyn: t.effect * 100,
      onControl: t.onControl,
    }));

    const reg = await freshRegister('2025-03-15');
    const csv = writeFile('journal.csv', iconv.encode(toCsv(rows), 'win1251'));
    expect(await call(reg, 'import.run', { kind: 'appeals', file: csv })).toMatchObject({ created: 4111 });
    const report = await call(reg, 'reports.appeals', { year: 2024 });
    expect(report.rows.filter((r) => r.category !== 'other')).toEqual(expected);
    expect(report.total).toEqual({
      total: 4111,
      closed: 4094,
      economicEffectTiyn: 18125331600,
      onControl: 17,
    });

    const reg2 = await freshRegister('2025-03-15');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Журнал');
    sheet.addRow(['Журнал регистрации обращений за 2024 год']);
    sheet.addRow([]);
    for (const r of rows) sheet.addRow(r);
    const xlsx = path.join(tempDir(), 'journal.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    await call(reg2, 'import.run', { kind: 'appeals', file: xlsx });
    expect((await call(reg2, 'reports.appeals', { year: 2024 })).total).toEqual(report.total);
  });
});
