import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { makeIin } from '../../electron/core/ids/iin.ts';
import { tempDir, writeFile } from './helpers.ts';

/**
 * Files shaped like those branch offices keep today, built by the tests themselves (never read from
 * outside the repository): a PPO list in XLSX with Russian headers and Kazakh names, a member register as
 * Excel saves «CSV (разделители — точка с запятой)» in a Russian locale (Windows-1251, `;`, CRLF, dd.mm.yyyy,
 * categories in words, a quoted phone with a comma), and an appeals journal with a title and an empty row
 * above its header, a running-number column, words for forms and statuses, real Excel dates.
 */
export const ORGS = [
  {
    code: 'П-01',
    name: 'ППО КГП на ПХВ «Многопрофильная областная больница»',
    short: 'ППО МОБ',
    bin: '050540464008',
    sector: 'здравоохранение',
    headcount: 1240,
    chair: 'Жұмабаева Сәуле Қайратқызы',
  },
  {
    code: 'П-02',
    name: 'ППО КГП «Городская поликлиника № 3»',
    short: 'ППО ГП-3',
    bin: '',
    sector: 'здравоохранение',
    headcount: 310,
    chair: 'Әбенов Нұрлан Серікұлы',
  },
  {
    code: 'П-03',
    name: 'ППО КГУ «Центр оказания специальных социальных услуг»',
    short: 'ППО ЦОССУ',
    bin: '',
    sector: 'социальное обслуживание',
    headcount: 95,
    chair: 'Иванова Ольга Петровна',
  },
];

export async function orgsXlsx(): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('ППО');
  sheet.addRow([
    'Код',
    'Наименование',
    'Краткое наименование',
    'БИН',
    'Отрасль',
    'Численность работающих',
    'Председатель',
  ]);
  for (const o of ORGS) sheet.addRow([o.code, o.name, o.short, o.bin, o.sector, o.headcount, o.chair]);
  const file = path.join(tempDir(), 'orgs.xlsx');
  await book.xlsx.writeFile(file);
  return file;
}

const SURNAMES = ['Смирнов', 'Ким', 'Петренко', 'Соколова', 'Кузнецов', 'Попова', 'Лебедев', 'Морозова'];
const GIVEN = ['Алексей', 'Елена', 'Марина', 'Анна', 'Игорь', 'Нина', 'Олег', 'Татьяна'];
const CATEGORIES = ['врач', 'средний медперсонал', 'младший медперсонал', 'прочий персонал'];

/** The 40 members of the sample register: Иванова Ольга Петровна first, one phone with a comma. */
export function memberRows(): string[][] {
  const rows = [
    [
      'П-03',
      'Иванова',
      'Ольга',
      'Петровна',
      '850525446560',
      'медицинская сестра',
      'средний медперсонал',
      '204100',
      '09.09.2008',
      '+7 701 9842733',
    ],
    [
      'П-03',
      'Байжанов',
      'Тимур',
      'Асхатович',
      '990905303366',
      'санитарка',
      'младший медперсонал',
      '204101',
      '13.09.2018',
      '+7 (7212) 41-22-33, доб. 5',
    ],
  ];
  for (let i = 2; i < 40; i++) {
    const female = i % 2 === 1;
    const birth = `${1960 + (i % 35)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
    rows.push([
      ORGS[i % 3]!.code,
      SURNAMES[i % 8]!,
      GIVEN[i % 8]!,
      female ? 'Сергеевна' : 'Игоревич',
      makeIin(birth, female ? 'female' : 'male', 100 + i),
      'медицинская сестра',
      CATEGORIES[i % 4]!,
      String(204100 + i),
      `${String((i % 27) + 1).padStart(2, '0')}.0${(i % 9) + 1}.2015`,
      `+7 701 55${String(i).padStart(5, '0')}`,
    ]);
  }
  return rows;
}

const MEMBER_HEADER = [
  'Код ППО',
  'Фамилия',
  'Имя',
  'Отчество',
  'ИИН',
  'Должность',
  'Категория',
  '№ билета',
  'Дата вступления',
  'Телефон',
];

function csvLine(cells: string[]): string {
  return cells.map((c) => (/[;"\n,]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';');
}

export function membersCsvText(rows = memberRows()): string {
  return [MEMBER_HEADER, ...rows].map(csvLine).join('\r\n') + '\r\n';
}

export function membersCp1251(rows = memberRows()): string {
  return writeFile('members-ru-cp1251.csv', iconv.encode(membersCsvText(rows), 'win1251'));
}

const CHANNELS = ['электронная почта', 'письменно', 'телефон', 'личный приём'];
const APPEAL_CATEGORIES = [
  'Охрана труда',
  'Оплата труда',
  'Правовые вопросы',
  'Оказание материальной помощи',
];

/** Sixty appeals of 2024: the first one e-mailed on 13.05.2024 about safety, on control, PPO П-02. */
export async function appealsJournalXlsx(
  options: { applicant?: (i: number) => string } = {},
): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Журнал');
  sheet.addRow(['Журнал регистрации обращений за 2024 год']);
  sheet.addRow([]);
  sheet.addRow([
    '№ п/п',
    'Рег. №',
    'Дата поступления',
    'Форма обращения',
    'Заявитель',
    'Код ППО',
    'Категория',
    'Статус',
    'На контроле',
    'Дата закрытия',
    'Экономический эффект',
  ]);
  for (let i = 0; i < 60; i++) {
    const received = new Date(Date.UTC(2024, 4 + (i % 6), 13 + (i % 10)));
    const closed = i % 2 === 1;
    sheet.addRow([
      i + 1,
      `2024/${String(i + 1).padStart(3, '0')}`,
      received,
      CHANNELS[i % 4],
      options.applicant?.(i) ?? `Заявитель ${i + 1}`,
      ORGS[(i + 1) % 3]!.code,
      APPEAL_CATEGORIES[i % 4],
      closed ? 'закрыто' : 'на рассмотрении',
      i === 0 ? 'да' : 'нет',
      closed ? new Date(received.getTime() + 10 * 86400_000) : null,
      closed ? (i % 4 === 1 ? '12 345,67' : 50000) : null,
    ]);
  }
  const file = path.join(tempDir(), 'appeals-journal-2024.xlsx');
  await book.xlsx.writeFile(file);
  return file;
}
