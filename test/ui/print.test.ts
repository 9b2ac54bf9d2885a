import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeRegister, initRegister } from '../../electron/core/db/init.ts';
import { makeIin } from '../../electron/core/ids/iin.ts';
import type { Register } from '../../electron/core/register.ts';
import { call } from '../../electron/core/service.ts';
import { comparePeople, type UiLanguage } from '../../electron/shared/collation.ts';
import { startWebPreview, type WebPreview } from '../../electron/web/server.ts';
import { requireTool } from '../tools.ts';
import { RENDERER, SCREENSHOTS, launch, screenshot, watchErrors, whyNoBrowser } from './browser.ts';

requireTool('pdftotext', ['-v'], 'poppler-utils');
const reason = whyNoBrowser();

/** Surnames that begin with each Kazakh letter, and Russian ones around them. */
const SURNAMES = [
  'Ауезова',
  'Әбенова',
  'Бекова',
  'Ғабитова',
  'Данова',
  'Жұмабаева',
  'Иванова',
  'Қасымова',
  'Кимова',
  'Ларина',
  'Ңұрова',
  'Омарова',
  'Өтешова',
  'Петрова',
  'Сейтова',
  'Тұрарова',
  'Ұлықбекова',
  'Үсенова',
  'Фёдорова',
  'Һасенова',
  'Шарипова',
  'Іскакова',
  'Ыбыраева',
  'Юсупова',
  'Ясинова',
];
const GIVEN = [
  'Айгүл',
  'Ботагөз',
  'Гүлнар',
  'Динара',
  'Жанар',
  'Зарина',
  'Қарлығаш',
  'Ләззат',
  'Мария',
  'Нұрсұлу',
  'Ольга',
  'Сәуле',
  'Татьяна',
  'Үміт',
  'Әсел',
  'Анна',
  'Елена',
  'Інжу',
  'Ирина',
  'Ұлжан',
  'Фатима',
  'Һаура',
  'Шолпан',
  'Яна',
];

describe.skipIf(reason !== null)('print views in Chromium, read back from the PDF', () => {
  let dir: string;
  let reg: Register;
  let browser: Browser;
  let preview: WebPreview;
  const people: Array<{ surname: string; givenName: string }> = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aqniet-print-'));
    reg = await initRegister(path.join(dir, 'branch.sqlite'), {
      kind: 'branch',
      code: 'KRG',
      name: 'Карагандинский областной филиал',
    });
    await call(reg, 'orgs.create', { code: 'P001', name: 'Областная больница', chairName: 'Сейтова А. К.' });
    const rows = ['org_code;surname;given_name;iin;category;position;card_no;joined_on'];
    let serial = 0;
    for (const surname of SURNAMES)
      for (const givenName of GIVEN) {
        serial++;
        people.push({ surname, givenName });
        const iin = makeIin(`19${60 + (serial % 35)}-0${1 + (serial % 9)}-1${serial % 10}`, 'female', serial);
        rows.push(`P001;${surname};${givenName};${iin};nursing;медсестра;${1000 + serial};01.02.2015`);
      }
    const csv = path.join(dir, 'members.csv');
    fs.writeFileSync(csv, rows.join('\n'));
    await call(reg, 'import.run', { kind: 'members', file: csv });
    await call(reg, 'appeals.add', {
      receivedOn: '2024-11-05',
      channel: 'phone',
      applicant: 'Иванова А.',
      category: 'wages',
    });
    await call(reg, 'dues.record', {
      orgCode: 'P001',
      month: '2024-10',
      received: '1 000',
      payroll: '100 000',
      docNo: '15',
    });
    preview = await startWebPreview(reg, { root: RENDERER });
    browser = await launch();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
    if (reg) await closeRegister(reg);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Opens a print route in the UI language, prints it to PDF and returns the text of each page. */
  async function printed(route: string, language: UiLanguage, name: string): Promise<string[]> {
    const page: Page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const errors = watchErrors(page);
    await page.addInitScript(`window.localStorage.setItem('aqniet.language', '${language}')`);
    await page.goto(preview.url.replace('#/', `#/print/${route}`));
    await page.waitForSelector('[data-testid=print-page][data-ready=yes]');
    await page.evaluate('document.fonts.ready');
    await screenshot(page, `print-${name}`);
    const pdf = path.join(SCREENSHOTS, `print-${name}.pdf`);
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    expect(errors).toEqual([]);
    await page.close();
    return execFileSync('pdftotext', ['-layout', pdf, '-'])
      .toString()
      .split('\f')
      .filter((p) => p.trim());
  }

  /** Numbered rows of the table: the number and the full name that follows it. */
  function rowsOf(pages: string[]): Array<{ n: number; name: string }> {
    return pages.flatMap((text) =>
      text.split('\n').flatMap((line) => {
        const m = /^\s*(\d+)\s+(\S+ \S+)/.exec(line);
        return m ? [{ n: Number(m[1]), name: m[2]! }] : [];
      }),
    );
  }

  it.each([
    ['ru', 'Фамилия, имя, отчество', 'Страница'],
    ['kk', 'Тегі, аты, әкесінің аты', 'Бет'],
  ] as const)(
    'prints a 600-member list in %s: alphabet order, everyone once, header and page number on every page',
    async (language, header, pageWord) => {
      const pages = await printed('members/P001', language, `members-${language}`);
      expect(pages.length).toBeGreaterThan(10);
      pages.forEach((text, i) => {
        expect(text, `page ${i + 1}`).toContain(header);
        const numbers = [...text.matchAll(new RegExp(`${pageWord} (\\d+) (?:из|/) (\\d+)`, 'g'))];
        expect(
          numbers.map((m) => `${m[1]}/${m[2]}`),
          `page ${i + 1}`,
        ).toEqual([`${i + 1}/${pages.length}`]);
      });
      const rows = rowsOf(pages);
      expect(rows.map((r) => r.n)).toEqual(people.map((_, i) => i + 1));
      const expected = [...people].sort((a, b) => comparePeople(a, b, language));
      expect(rows.map((r) => r.name)).toEqual(expected.map((p) => `${p.surname} ${p.givenName}`));
      expect(new Set(rows.map((r) => r.name)).size).toBe(600);
      // the alphabet itself, not just agreement with the comparator
      const initials = [...new Set(rows.map((r) => r.name[0]))].join('');
      expect(initials).toBe(language === 'kk' ? 'АӘБҒДЖИКҚЛҢОӨПСТҰҮФҺШЫІЮЯ' : 'АӘБҒДЖИІКҚЛҢОӨПСТҮҰФҺШЫЮЯ');
      // looked at as a picture: an A4 portrait page (pdftoppm renders it; the PNG is kept with the screenshots)
      const png = path.join(SCREENSHOTS, `print-members-${language}-page1`);
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '40',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        path.join(SCREENSHOTS, `print-members-${language}.pdf`),
        png,
      ]);
      const image = fs.readFileSync(`${png}.png`);
      expect(image.readUInt32BE(20) / image.readUInt32BE(16)).toBeCloseTo(297 / 210, 2);
      expect(pages[0]).toContain('Областная больница');
      expect(pages.at(-1)).toContain('Сейтова А. К.');
    },
    60_000,
  );

  it('takes the chair from the PPO card to its printable list in two clicks, and back', async () => {
    const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(preview.url.replace('#/', '#/orgs'));
    await page.getByTestId('org-row').first().click();
    await page.getByTestId('org-print-members').click();
    await page.waitForSelector('[data-testid=print-page][data-ready=yes]');
    expect(await page.getByTestId('print-page').textContent()).toContain('Всего: 600');
    await page.getByTestId('print-scope').getByText('Все, включая выбывших').click();
    await page.getByTestId('print-col-position').click();
    await expect.poll(() => page.locator('table.print thead').textContent()).not.toContain('Должность');
    expect(await page.locator('table.print thead').textContent()).toContain('Статус');
    await page.getByTestId('print-back').click();
    await expect.poll(() => page.url()).toContain('#/orgs');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('saves the member list and the dues grid as XLSX from the window', async () => {
    const page = await browser.newPage({ viewport: { width: 1300, height: 900 }, acceptDownloads: true });
    const errors = watchErrors(page);
    await page.goto(preview.url.replace('#/', '#/members'));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('xlsx-members').click(),
    ]);
    expect(download.suggestedFilename()).toBe('KRG-members.xlsx');
    const file = path.join(dir, 'members.xlsx');
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(601);
    expect(sheet.getRow(2).getCell(2).value).toBe('Ауезова');
    await page.goto(preview.url.replace('#/', '#/dues'));
    const [grid] = await Promise.all([page.waitForEvent('download'), page.getByTestId('xlsx-dues').click()]);
    expect(grid.suggestedFilename()).toMatch(/^KRG-dues-\d{4}\.xlsx$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("checks an employer's payroll register from the dues screen and attaches it on confirmation", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchErrors(page);
    const members = (await call(reg, 'members.list', { orgCode: 'P001', limit: 2 })).rows;
    const file = path.join(dir, 'payroll.csv');
    fs.writeFileSync(
      file,
      [
        'Ведомость за октябрь',
        'Сотрудник;ИИН;Оклад;Профвзнос',
        ...members.map((m) => `${m.surname};${m.iin};50 000;500`),
      ].join('\n'),
    );
    await page.goto(preview.url.replace('#/', '#/dues'));
    await page.getByTestId('payroll-open').click();
    await page.getByTestId('payroll-org').click();
    await page.getByRole('option', { name: /P001/ }).click();
    await page.getByTestId('payroll-month').fill('2024-10');
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('payroll-read').click();
    await expect.poll(() => page.getByTestId('payroll-map-withheld').inputValue()).toBe('Профвзнос');
    await page.getByTestId('payroll-check').click();
    const result = page.getByTestId('payroll-result');
    await expect
      .poll(() => result.textContent())
      .toContain('Строк: 2; удержано 1 000,00 ₸, поступило 1 000,00 ₸');
    expect(await page.getByTestId('payroll-exceptions').textContent()).toContain(
      'член ППО, взнос не удержан',
    );
    await screenshot(page, '30-payroll-check');
    expect(await reg.db('dues_lines').count({ n: '*' })).toEqual([{ n: 0 }]);
    await page.getByTestId('payroll-attach').click();
    await expect.poll(() => page.getByTestId('dues-status').textContent()).toContain('прикреплено строк: 2');
    expect(await reg.db('dues_lines').count({ n: '*' })).toEqual([{ n: 2 }]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the charts on the dashboard with their numbers, and saves and copies a chart as PNG', async () => {
    const context = await browser.newContext({
      viewport: { width: 1400, height: 1000 },
      acceptDownloads: true,
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(preview.url);
    const table = page.getByTestId('chart-members-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(12);
    expect(await table.locator('tbody tr').last().textContent()).toMatch(/600\d*$/);
    expect(
      await page
        .getByTestId('chart-members')
        .locator('.recharts-wrapper > svg.recharts-surface path')
        .count(),
    ).toBeGreaterThan(0);
    expect(await page.getByTestId('chart-dues-table').locator('tbody tr').count()).toBe(12);
    expect(await page.getByTestId('chart-appeal-categories-table').textContent()).toContain('Оплата труда');
    await screenshot(page, '31-dashboard-charts');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('chart-members-png').click(),
    ]);
    expect(download.suggestedFilename()).toBe('members.png');
    const png = fs.readFileSync(await download.path());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const width = png.readUInt32BE(16);
    const box = await page
      .getByTestId('chart-members')
      .locator('.recharts-wrapper > svg.recharts-surface')
      .boundingBox();
    expect(width).toBe(Math.ceil(box!.width * 2));
    fs.writeFileSync(path.join(SCREENSHOTS, 'chart-members.png'), png);

    await page.getByTestId('chart-dues-copy').click();
    await expect.poll(() => page.getByTestId('chart-dues-status').textContent()).toBe('Рисунок скопирован');
    const types = await page.evaluate(
      'navigator.clipboard.read().then((items) => items.flatMap((i) => i.types))',
    );
    expect(types).toContain('image/png');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('prints the appeals table with its period, a totals row and empty cells where the union leaves them', async () => {
    const [text] = await printed('appeals/2024/4', 'ru', 'appeals');
    expect(text).toContain('СВЕДЕНИЯ ОБ ОБРАЩЕНИЯХ ГРАЖДАН ЗА IV КВАРТАЛ 2024 ГОДА');
    expect(text).toMatch(/Оплата труда\s+1\s+0\s*\n/);
    expect(text).toMatch(/ИТОГО\s+1\s+0\s*\n/);
  });

  it('prints the appeals table in Kazakh when the UI is in Kazakh, under the branch’s Kazakh name', async () => {
    await call(reg, 'settings.update', { branchNameKk: 'Қарағанды облыстық филиалы' });
    const [text] = await printed('appeals/2024/4', 'kk', 'appeals-kk');
    expect(text).toContain('Қарағанды облыстық филиалы');
    expect((text ?? '').replace(/\s+/g, ' ')).toContain(
      '2024 ЖЫЛҒЫ IV ТОҚСАН БОЙЫНША АЗАМАТТАРДЫҢ ӨТІНІШТЕРІ ТУРАЛЫ МӘЛІМЕТТЕР',
    );
    expect(text).toMatch(/Еңбекке ақы төлеу\s+1\s+0\s*\n/);
    expect(text).toMatch(/ЖИЫНЫ\s+1\s+0\s*\n/);
    expect(text).toContain('Бет 1 / 1');
  });

  it('prints dues and membership statistics', async () => {
    const [dues] = await printed('dues/2024', 'ru', 'dues');
    expect(dues).toContain('ЗА 2024 ГОД');
    expect(dues).toMatch(/ИТОГО\s+1 000\s+1 000\s+100,0 %\s+600\s+300\s+100/);
    const [membership] = await printed('membership', 'ru', 'membership');
    expect(membership).toMatch(/Областная больница \(P001\)\s+600/);
  });
});
