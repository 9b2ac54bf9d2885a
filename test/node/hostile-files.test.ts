import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { makeIin } from '../../electron/core/ids/iin.ts';
import { call } from '../../electron/core/service.ts';
import type { Register } from '../../electron/core/register.ts';
import { dumpRegister, freshRegister, refusalOf, tempDir, writeFile } from './helpers.ts';

/**
 * The hostile file set: every kind of odd or bad file a branch office (or a probe) sends, each imported
 * into a register that already holds data. A file that is fine is read exactly; every other is refused
 * with its code, naming the row and column (or the line) — and the register, every table and every row,
 * is the same after as before (the preview writes nothing either).
 */
const TODAY = '2025-03-15';
const IIN = [
  makeIin('1985-05-25', 'female', 1),
  makeIin('1990-01-25', 'male', 2),
  makeIin('1978-11-03', 'female', 3),
];
const MEMBERS_HEADER = 'Код ППО;Фамилия;Имя;ИИН;Категория;Дата вступления';
const KAZAKH_ROWS = [
  `P001;Жұмабаева;Сәуле;${IIN[0]};врач;01.02.2010`,
  `P001;Өмірзақов;Нұрлан;${IIN[1]};средний медперсонал;15.01.2011`,
  `P001;Қасымова;Әсел;${IIN[2]};младший медперсонал;20.03.2012`,
];
const kazakhCsv = () => [MEMBERS_HEADER, ...KAZAKH_ROWS].join('\r\n') + '\r\n';

/** A branch with a PPO, a member and an appeal in it: what a refused file must leave alone. */
async function branch(): Promise<Register> {
  const reg = await freshRegister(TODAY);
  await call(reg, 'orgs.create', { code: 'P001', name: 'ППО больницы', headcount: 100 });
  await call(reg, 'orgs.create', { code: 'P026', name: 'ППО поликлиники' });
  await call(reg, 'members.admit', {
    orgCode: 'P001',
    surname: 'Ким',
    givenName: 'Елена',
    iin: makeIin('1980-04-04', 'female', 9),
    category: 'nursing',
    applicationDate: '2020-01-10',
    decision: { body: 'профком', number: '1', date: '2020-01-15' },
  });
  await call(reg, 'appeals.add', {
    regNo: '2024/001',
    receivedOn: '2024-05-13',
    channel: 'email',
    applicant: 'Әбдірахманова Г.С.',
    category: 'wages',
  });
  return reg;
}

async function xlsx(
  name: string,
  sheets: Array<{ name: string; hidden?: boolean; rows: unknown[][] }>,
): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const s of sheets) {
    const sheet = book.addWorksheet(s.name);
    if (s.hidden) sheet.state = 'hidden';
    for (const r of s.rows) sheet.addRow(r);
  }
  const file = path.join(tempDir(), name);
  await book.xlsx.writeFile(file);
  return file;
}

type Kind = 'orgs' | 'members' | 'dues' | 'appeals';
interface Refused {
  name: string;
  kind: Kind;
  file: () => string | Promise<string>;
  code: string;
  /** The row and column of the first problem, for per-row refusals. */
  at?: [number, string];
  /** Parameters the refusal carries (a line, a byte, a limit…). */
  params?: Record<string, unknown>;
  /** The detail's code, when the refusal lists rows. */
  detail?: string;
}

const members = (...rows: string[]) => writeFile('m.csv', [MEMBERS_HEADER, ...rows].join('\n'));
const dues = (...rows: string[]) =>
  writeFile(
    'd.csv',
    ['Код ППО;Месяц;Количество членов;Поступило;Дата поступления;№ документа', ...rows].join('\n'),
  );
const orgs = (...rows: string[]) =>
  writeFile('o.csv', ['Код;Наименование;Численность работающих', ...rows].join('\n'));
const appeals = (...rows: string[]) =>
  writeFile(
    'a.csv',
    [
      'Рег. №;Дата поступления;Форма обращения;Заявитель;Категория;Статус;Дата закрытия;Краткое содержание',
      ...rows,
    ].join('\n'),
  );
const member = (over: Partial<Record<'org' | 'surname' | 'name' | 'iin' | 'cat' | 'joined', string>> = {}) =>
  [
    over.org ?? 'P001',
    over.surname ?? 'Смирнова',
    over.name ?? 'Анна',
    over.iin ?? makeIin('1991-07-07', 'female', 5),
    over.cat ?? 'врач',
    over.joined ?? '01.02.2015',
  ].join(';');

const REFUSED: Refused[] = [
  // encodings
  {
    name: 'UTF-8 Kazakh names with one stray 0xA0 on line 3',
    kind: 'members',
    file: () => {
      const bytes = Buffer.from(kazakhCsv(), 'utf8');
      const at = bytes.indexOf(Buffer.from('Өмірзақов', 'utf8')) + 4;
      return writeFile(
        'stray.csv',
        Buffer.concat([bytes.subarray(0, at), Buffer.from([0xa0]), bytes.subarray(at)]),
      );
    },
    code: 'import.stray_byte',
    params: { line: 3, byte: 'A0' },
  },
  {
    name: 'UTF-16 without a byte order mark',
    kind: 'members',
    file: () => writeFile('u16.csv', Buffer.from(kazakhCsv(), 'utf16le')),
    code: 'import.utf16_no_bom',
  },
  {
    name: 'Latin-1 (not UTF-8, not Russian)',
    kind: 'members',
    file: () =>
      writeFile(
        'latin1.csv',
        iconv.encode(`${MEMBERS_HEADER}\nP001;Müller;Jürgen;${IIN[0]};врач;01.02.2010\n`, 'latin1'),
      ),
    code: 'import.unknown_encoding',
  },
  // files that cannot be read
  {
    name: 'a missing file',
    kind: 'members',
    file: () => path.join(tempDir(), 'нет.csv'),
    code: 'import.file_not_found',
  },
  { name: 'a folder', kind: 'members', file: () => tempDir(), code: 'import.not_a_file' },
  {
    name: 'a folder named like a CSV',
    kind: 'members',
    file: () => {
      const d = path.join(tempDir(), 'x.csv');
      fs.mkdirSync(d);
      return d;
    },
    code: 'import.not_a_file',
  },
  {
    name: 'an empty file',
    kind: 'members',
    file: () => writeFile('empty.csv', ''),
    code: 'import.empty_file',
  },
  {
    name: 'an unknown extension',
    kind: 'members',
    file: () => writeFile('list.ods', 'x'),
    code: 'import.unknown_format',
  },
  {
    name: 'garbage named .xlsx',
    kind: 'members',
    file: () => writeFile('bad.xlsx', 'PK\u0003\u0004 not a zip'),
    code: 'import.bad_xlsx',
  },
  {
    name: 'a CSV with an unclosed quote',
    kind: 'members',
    file: () => writeFile('q.csv', `${MEMBERS_HEADER}\n${member()}\nP001;"Смирнова;Анна;1;врач;01.02.2015\n`),
    code: 'import.bad_csv',
  },
  {
    name: 'a file larger than 100 MB (refused before reading)',
    kind: 'members',
    file: () => {
      const file = writeFile('huge.csv', '');
      fs.truncateSync(file, 101 * 1024 * 1024); // sparse: the size is what is checked, first
      return file;
    },
    code: 'import.too_large',
    params: { limit: 100 },
  },
  {
    name: 'a CSV of 1,000,100 rows (refused before parsing)',
    kind: 'members',
    file: () =>
      writeFile('rows.csv', `${MEMBERS_HEADER}\n${'P001;А;Б;1;врач;01.01.2015\n'.repeat(1_000_100)}`),
    code: 'import.too_many_rows',
    params: { limit: 1_000_000 },
  },
  {
    name: 'an XLSX whose sheet declares 3,000,000 rows (refused from its first kilobytes)',
    kind: 'members',
    file: async () => {
      const file = await xlsx('3m.xlsx', [
        { name: 'Лист1', rows: [MEMBERS_HEADER.split(';'), member().split(';')] },
      ]);
      const entries = unzipSync(fs.readFileSync(file));
      const sheet = strFromU8(entries['xl/worksheets/sheet1.xml']!).replace(
        /<dimension ref="[^"]*"\/>/,
        '<dimension ref="A1:F3000000"/>',
      );
      fs.writeFileSync(file, zipSync({ ...entries, 'xl/worksheets/sheet1.xml': strToU8(sheet) }));
      return file;
    },
    code: 'import.too_many_rows',
  },
  {
    name: 'an XLSX that declares 2 rows and holds 1,000,100 (counted as a stream, refused before loading)',
    kind: 'members',
    file: async () => {
      const file = await xlsx('lying.xlsx', [
        { name: 'Лист1', rows: [MEMBERS_HEADER.split(';'), member().split(';')] },
      ]);
      const entries = unzipSync(fs.readFileSync(file));
      const sheet = strFromU8(entries['xl/worksheets/sheet1.xml']!).replace(
        '</sheetData>',
        `${'<row/>'.repeat(1_000_100)}</sheetData>`,
      );
      expect(sheet).toContain('<dimension ref="A1:F2"/>');
      fs.writeFileSync(file, zipSync({ ...entries, 'xl/worksheets/sheet1.xml': strToU8(sheet) }));
      return file;
    },
    code: 'import.too_many_rows',
    params: { limit: 1_000_000 },
  },
  {
    name: 'an XLSX without a declared size, its rows namespaced (<x:row>), 1,000,100 of them',
    kind: 'members',
    file: async () => {
      const file = await xlsx('nodim.xlsx', [
        { name: 'Лист1', rows: [MEMBERS_HEADER.split(';'), member().split(';')] },
      ]);
      const entries = unzipSync(fs.readFileSync(file));
      const sheet = strFromU8(entries['xl/worksheets/sheet1.xml']!)
        .replace(/<dimension ref="[^"]*"\/>/, '')
        .replace('</sheetData>', `${'<x:row r="9"></x:row>'.repeat(1_000_100)}</sheetData>`);
      fs.writeFileSync(file, zipSync({ ...entries, 'xl/worksheets/sheet1.xml': strToU8(sheet) }));
      return file;
    },
    code: 'import.too_many_rows',
    params: { limit: 1_000_000 },
  },
  {
    name: 'a workbook whose every sheet is hidden',
    kind: 'members',
    file: () => xlsx('hidden.xlsx', [{ name: 'Скрытый', hidden: true, rows: [MEMBERS_HEADER.split(';')] }]),
    code: 'import.no_visible_sheet',
  },
  // money and counts
  ...(
    [
      ['1e300', 'money.invalid'],
      ['NaN', 'money.invalid'],
      ['0x1F', 'money.invalid'],
      ['1E5', 'money.invalid'],
      ['12,345', 'money.too_many_decimals'],
      ['-500', 'money.out_of_range'],
      ['1 000 000 000 000,01', 'money.out_of_range'],
      ['много', 'money.invalid'],
    ] as const
  ).map(([value, detail]): Refused => ({
    name: `a received amount of ${value}`,
    kind: 'dues',
    file: () => dues(`P001;2025-01;10;${value};10.02.2025;ПП-1`),
    code: 'import.invalid_rows',
    at: [2, 'Поступило'],
    detail,
  })),
  {
    name: 'an XLSX number 1e300 as the amount',
    kind: 'dues',
    file: () =>
      xlsx('dues.xlsx', [
        {
          name: 'Взносы',
          rows: [
            ['Код ППО', 'Месяц', 'Поступило'],
            ['P001', '2025-01', 1e300],
          ],
        },
      ]),
    code: 'import.invalid_rows',
    at: [2, 'Поступило'],
    detail: 'money.out_of_range',
  },
  {
    name: 'an XLSX number with three decimals',
    kind: 'dues',
    file: () =>
      xlsx('dues3.xlsx', [
        {
          name: 'Взносы',
          rows: [
            ['Код ППО', 'Месяц', 'Поступило'],
            ['P001', '2025-01', 12.345],
          ],
        },
      ]),
    code: 'import.invalid_rows',
    at: [2, 'Поступило'],
    detail: 'money.too_many_decimals',
  },
  ...(['1e3', '0x10', '12.5', '-3'] as const).map((value): Refused => ({
    name: `a members count of ${value}`,
    kind: 'dues',
    file: () => dues(`P001;2025-01;${value};1000;10.02.2025;ПП-1`),
    code: 'import.invalid_rows',
    at: [2, 'Количество членов'],
    detail: 'count.invalid',
  })),
  {
    name: 'a headcount of two million',
    kind: 'orgs',
    file: () => orgs('P002;ППО;2000000'),
    code: 'import.invalid_rows',
    at: [2, 'Численность работающих'],
    detail: 'count.out_of_range',
  },
  // dates
  {
    name: 'an admission tomorrow (office time)',
    kind: 'members',
    file: () => members(member({ joined: '16.03.2025' })),
    code: 'import.invalid_rows',
    at: [2, 'Дата вступления'],
    detail: 'date.in_future',
  },
  {
    name: 'an admission before the 14th birthday',
    kind: 'members',
    file: () => members(member({ iin: makeIin('2011-06-01', 'male', 4), joined: '01.02.2025' })),
    code: 'import.invalid_rows',
    at: [2, 'Дата вступления'],
    detail: 'member.too_young',
  },
  {
    name: 'an IIN whose birth date is in the future',
    kind: 'members',
    file: () => members(member({ iin: makeIin('2026-01-01', 'male', 4), joined: '01.02.2025' })),
    code: 'import.invalid_rows',
    at: [2, 'ИИН'],
    detail: 'member.iin_birth_in_future',
  },
  {
    name: 'a remittance for a month that has not begun',
    kind: 'dues',
    file: () => dues('P001;2025-04;10;1000;;'),
    code: 'import.invalid_rows',
    at: [2, 'Месяц'],
    detail: 'date.month_in_future',
  },
  {
    name: 'a remittance received in the future',
    kind: 'dues',
    file: () => dues('P001;2025-02;10;1000;20.03.2025;ПП-2'),
    code: 'import.invalid_rows',
    at: [2, 'Дата поступления'],
    detail: 'date.in_future',
  },
  {
    name: 'an appeal closed before it was received',
    kind: 'appeals',
    file: () => appeals('2025/001;10.01.2025;телефон;Иванова;Оплата труда;закрыто;05.01.2025;'),
    code: 'import.invalid_rows',
    at: [2, 'Дата закрытия'],
    detail: 'appeal.closed_before_received',
  },
  {
    name: 'an appeal closed in the future',
    kind: 'appeals',
    file: () => appeals('2025/001;10.01.2025;телефон;Иванова;Оплата труда;закрыто;20.03.2025;'),
    code: 'import.invalid_rows',
    at: [2, 'Дата закрытия'],
    detail: 'date.in_future',
  },
  // text
  {
    name: 'a NUL inside a surname',
    kind: 'members',
    file: () => members(member({ surname: 'Смир\u0000нова' })),
    code: 'import.invalid_rows',
    at: [2, 'Фамилия'],
    detail: 'text.control_char',
  },
  {
    name: 'a right-to-left override in a surname',
    kind: 'members',
    file: () => members(member({ surname: 'Смир\u202eнова' })),
    code: 'import.invalid_rows',
    at: [2, 'Фамилия'],
    detail: 'text.bidi_char',
  },
  {
    name: 'a surname of 101 characters',
    kind: 'members',
    file: () => members(member({ surname: 'Ә'.repeat(101) })),
    code: 'import.invalid_rows',
    at: [2, 'Фамилия'],
    detail: 'text.too_long',
  },
  {
    name: 'a summary of 4,001 characters',
    kind: 'appeals',
    file: () =>
      appeals(`2025/001;10.01.2025;телефон;Иванова;Оплата труда;на рассмотрении;;${'а'.repeat(4001)}`),
    code: 'import.invalid_rows',
    at: [2, 'Краткое содержание'],
    detail: 'text.too_long',
  },
  {
    name: 'a PPO code of 17 characters',
    kind: 'orgs',
    file: () => orgs(`${'P'.repeat(17)};ППО;10`),
    code: 'import.invalid_rows',
    at: [2, 'Код'],
    detail: 'text.too_long',
  },
  {
    name: 'a code mixing Latin P and Cyrillic р',
    kind: 'orgs',
    file: () => orgs('Pр26;ППО;10'),
    code: 'import.invalid_rows',
    at: [2, 'Код'],
    detail: 'text.mixed_script',
  },
  {
    name: 'Р026 in Cyrillic beside the register’s P026',
    kind: 'orgs',
    file: () => orgs('Р026;ППО;10'),
    code: 'import.invalid_rows',
    at: [2, 'Код'],
    detail: 'org.confusable_code',
  },
  {
    name: 'two look-alike codes in one file',
    kind: 'orgs',
    file: () => orgs('P777;ППО;10', 'Р777;ППО;10'),
    code: 'import.invalid_rows',
    at: [3, 'Код'],
    detail: 'org.confusable_code',
  },
  // keys and references
  {
    name: 'the same IIN twice in a file',
    kind: 'members',
    file: () => members(member(), member({ surname: 'Другая' })),
    code: 'import.invalid_rows',
    at: [3, 'ИИН'],
    detail: 'import.repeated_key',
  },
  {
    name: 'a member of a PPO that does not exist',
    kind: 'members',
    file: () => members(member({ org: 'P999' })),
    code: 'import.invalid_rows',
    at: [2, 'Код ППО'],
    detail: 'org.not_found',
  },
  {
    name: 'an IIN with a wrong check digit',
    kind: 'members',
    file: () => members(member({ iin: '850525446561' })),
    code: 'import.invalid_rows',
    at: [2, 'ИИН'],
    detail: 'member.invalid_iin',
  },
  {
    name: 'an empty surname',
    kind: 'members',
    file: () => members(member({ surname: '' })),
    code: 'import.invalid_rows',
    at: [2, 'Фамилия'],
    detail: 'text.required',
  },
  // re-import that would overwrite
  {
    name: 'a journal that reuses an existing number for another appeal',
    kind: 'appeals',
    file: () => appeals('2024/001;13.05.2024;e-mail;Другой заявитель;Оплата труда;на рассмотрении;;'),
    code: 'import.conflicts',
    at: [2, 'Заявитель'],
    detail: 'import.conflict_field',
  },
  {
    name: 'a PPO list that renames an existing PPO',
    kind: 'orgs',
    file: () => orgs('P001;ППО больницы № 2;100'),
    code: 'import.conflicts',
    at: [2, 'Наименование'],
    detail: 'import.conflict_field',
  },
];

/** The register's bytes: the database file and its write-ahead log. */
function fingerprint(file: string): string {
  const hash = createHash('sha256');
  for (const f of [file, `${file}-wal`]) if (fs.existsSync(f)) hash.update(fs.readFileSync(f));
  return hash.digest('hex');
}

describe('the hostile file set: each refused with its code and place, the register unchanged', () => {
  it.each(REFUSED)('$name → $code', async (c) => {
    const reg = await branch();
    // every page in the database file, so that a write would show in its bytes (or in the WAL's)
    await reg.db.raw('PRAGMA wal_checkpoint(TRUNCATE)');
    const bytes = fingerprint(reg.file);
    const before = await dumpRegister(reg);
    const file = await c.file();
    const preview = call(reg, 'import.preview', { kind: c.kind, file });
    const err = await refusalOf(call(reg, 'import.run', { kind: c.kind, file }));
    expect(err.code).toBe(c.code);
    // no driver text or stack ever reaches a person
    expect(`${err.message} ${err.messageRu}`).not.toMatch(/SQLITE|Error:|at \w+ \(/);
    expect(err.messageRu).not.toMatch(/\{\w+\}/);
    if (c.params) expect(err.params).toMatchObject(c.params);
    if (c.at) {
      expect([err.details[0]?.row, err.details[0]?.column]).toEqual(c.at);
      expect(err.details[0]?.code).toBe(c.detail);
      expect(err.details[0]?.messageRu).not.toMatch(/\{\w+\}/);
    }
    // the preview says the same (as a list, or the same refusal) and also writes nothing
    const previewed = await preview.then(
      (p) => p,
      (e: unknown) => e,
    );
    if (previewed && typeof previewed === 'object' && 'problemCount' in previewed) {
      const p = previewed as { problemCount: number; conflictCount: number };
      expect(p.problemCount + p.conflictCount).toBeGreaterThan(0);
    } else expect(previewed).toMatchObject({ code: c.code });
    expect(await dumpRegister(reg)).toBe(before);
    expect(fingerprint(reg.file)).toBe(bytes);
  });
});

describe('odd files that are fine are read exactly', () => {
  const cases: Array<[string, () => string]> = [
    ['UTF-8 without a BOM', () => writeFile('u8.csv', kazakhCsv())],
    ['UTF-8 with a BOM', () => writeFile('u8bom.csv', `\ufeff${kazakhCsv()}`)],
    [
      'UTF-16 LE with a BOM',
      () =>
        writeFile(
          'u16le.csv',
          Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(kazakhCsv(), 'utf16le')]),
        ),
    ],
    [
      'UTF-16 BE with a BOM',
      () => {
        const le = Buffer.from(kazakhCsv(), 'utf16le');
        const be = Buffer.alloc(le.length);
        for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!];
        return writeFile('u16be.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
      },
    ],
  ];
  it.each(cases)('%s: Kazakh names intact', async (_name, file) => {
    const reg = await branch();
    const result = await call(reg, 'import.run', { kind: 'members', file: file() });
    expect(result).toMatchObject({ created: 3, problemCount: 0 });
    expect((await call(reg, 'members.get', { iin: IIN[1]! })).surname).toBe('Өмірзақов');
    expect((await call(reg, 'members.get', { iin: IIN[2]! })).givenName).toBe('Әсел');
  });

  it('Windows-1251 Russian (Excel’s «CSV (разделители — точка с запятой)»)', async () => {
    const reg = await branch();
    const text = `${MEMBERS_HEADER}\r\nP001;Иванова;Ольга;${IIN[0]};врач;09.09.2008\r\n`;
    const result = await call(reg, 'import.run', {
      kind: 'members',
      file: writeFile('ru.csv', iconv.encode(text, 'win1251')),
    });
    expect(result).toMatchObject({ created: 1, encoding: 'windows-1251' });
    expect((await call(reg, 'members.get', { iin: IIN[0]! })).surname).toBe('Иванова');
  });

  it('a workbook whose first sheet is hidden: the first visible one is read and named', async () => {
    const reg = await branch();
    const file = await xlsx('two.xlsx', [
      { name: 'Справочник', hidden: true, rows: [['что-то']] },
      { name: 'Члены', rows: [MEMBERS_HEADER.split(';'), KAZAKH_ROWS[0]!.split(';')] },
    ]);
    expect(await call(reg, 'import.preview', { kind: 'members', file })).toMatchObject({
      created: 1,
      sheet: 'Члены',
      hiddenSheets: ['Справочник'],
    });
  });

  it('whitespace is normalised: no-break spaces, tabs, doubled spaces', async () => {
    const reg = await branch();
    const file = members(member({ surname: '  Смирнова\u00a0\u00a0Ли ', name: 'Анна\t' }));
    await call(reg, 'import.run', { kind: 'members', file });
    expect(await call(reg, 'members.get', { iin: makeIin('1991-07-07', 'female', 5) })).toMatchObject({
      surname: 'Смирнова Ли',
      givenName: 'Анна',
    });
  });
});

describe('bounded problem lists and explicit updates', () => {
  it('5,000 bad rows: the first 1,000 problems, and the count of all', async () => {
    const reg = await branch();
    const before = await dumpRegister(reg);
    const rows = Array.from({ length: 5000 }, (_, i) => member({ iin: `1${String(i).padStart(11, '0')}` }));
    const file = members(...rows);
    const preview = await call(reg, 'import.preview', { kind: 'members', file });
    expect(preview).toMatchObject({ problemCount: 5000, problemRows: 5000 });
    expect(preview.problems).toHaveLength(1000);
    const err = await refusalOf(call(reg, 'import.run', { kind: 'members', file }));
    expect(err.details).toHaveLength(1000);
    expect(err.params).toMatchObject({ problems: 5000, rows: 5000, shown: 1000 });
    expect(await dumpRegister(reg)).toBe(before);
  });

  it('a re-import with other values lists each conflict field by field; only update writes them', async () => {
    const reg = await branch();
    await call(reg, 'import.run', { kind: 'members', file: writeFile('k.csv', kazakhCsv()) });
    const changed = kazakhCsv()
      .replace('Өмірзақов;Нұрлан', 'Өмірзақов;Нұржан')
      .replace('младший медперсонал', 'врач');
    const file = writeFile('k2.csv', changed);
    const before = await dumpRegister(reg);
    const preview = await call(reg, 'import.preview', { kind: 'members', file });
    expect(preview).toMatchObject({ created: 0, updated: 2, unchanged: 1, conflictCount: 2 });
    expect(preview.conflicts).toEqual([
      { row: 3, key: IIN[1], fields: [{ column: 'Имя', stored: 'Нұрлан', incoming: 'Нұржан' }] },
      {
        row: 4,
        key: IIN[2],
        fields: [{ column: 'Категория', stored: 'младший медперсонал', incoming: 'врач' }],
      },
    ]);
    const err = await refusalOf(call(reg, 'import.run', { kind: 'members', file }));
    expect(err.code).toBe('import.conflicts');
    expect(err.messageRu).toContain('записей, которые уже есть в реестре с другими данными, — 2');
    expect(err.details[0]).toMatchObject({
      row: 3,
      column: 'Имя',
      messageRu: `${IIN[1]}: в реестре «Нұрлан», в файле «Нұржан»`,
    });
    expect(await dumpRegister(reg)).toBe(before);
    expect(await call(reg, 'import.run', { kind: 'members', file, update: true })).toMatchObject({
      updated: 2,
    });
    expect((await call(reg, 'members.get', { iin: IIN[1]! })).givenName).toBe('Нұржан');
  });

  it('a file without a column never clears what the register holds there', async () => {
    const reg = await branch();
    await call(reg, 'orgs.update', { code: 'P001', chairName: 'Жұмабаева С.' });
    const file = orgs('P001;ППО больницы;100');
    expect(await call(reg, 'import.run', { kind: 'orgs', file })).toMatchObject({
      unchanged: 1,
      conflictCount: 0,
    });
    expect((await call(reg, 'orgs.get', { code: 'P001' })).chairName).toBe('Жұмабаева С.');
  });
});
