import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { isoDate } from '../../electron/core/dates.ts';
import { makeIin } from '../../electron/core/ids/iin.ts';
import { KAZAKH, RUSSIAN, feminineSurname } from '../../electron/core/demo/names.ts';

export const MEMBER_HEADER = [
  'org_code',
  'surname',
  'given_name',
  'patronymic',
  'iin',
  'position',
  'category',
  'card_no',
  'joined_on',
  'phone',
];
const CATEGORIES = ['physician', 'nursing', 'junior', 'other', 'student', 'pensioner'];

/** `n` member rows with unique valid IINs spread over `orgs` PPOs (deterministic). */
export function memberRows(n: number, orgs: number): string[][] {
  const rows: string[][] = [];
  const used = new Set<string>();
  for (let i = 0; i < n; i++) {
    const sex = i % 5 === 0 ? 'male' : 'female';
    const names = i % 3 === 0 ? RUSSIAN : KAZAKH;
    let iin = '';
    for (let k = 0; !iin || used.has(iin); k++) {
      iin = makeIin(
        isoDate(1960 + (i % 45), 1 + (i % 12), 1 + ((i + k) % 28)),
        sex,
        (i * 7 + k * 13) % 10000,
      );
    }
    used.add(iin);
    const surname = names.surnames[i % names.surnames.length]!;
    rows.push([
      `P${String((i % orgs) + 1).padStart(3, '0')}`,
      sex === 'female' ? feminineSurname(surname) : surname,
      names[sex][i % names[sex].length]!,
      '',
      iin,
      'медицинская сестра',
      CATEGORIES[i % CATEGORIES.length]!,
      String(100000 + i),
      isoDate(Math.max(2000 + (i % 24), 1960 + (i % 45) + 18), 1 + (i % 12), 1 + (i % 28)),
      `+7 701 ${String(1000000 + i)}`,
    ]);
  }
  return rows;
}

export function writeCsv(file: string, header: string[], rows: string[][]): void {
  fs.writeFileSync(file, [header, ...rows].map((r) => r.join(',')).join('\n') + '\n');
}

export async function writeXlsx(file: string, header: string[], rows: string[][]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
  const sheet = workbook.addWorksheet('Члены');
  sheet.addRow(header).commit();
  for (const r of rows) sheet.addRow(r).commit();
  await workbook.commit();
}
