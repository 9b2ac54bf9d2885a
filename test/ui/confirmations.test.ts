import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeRegister, initRegister } from '../../electron/core/db/init.ts';
import { officeDate } from '../../electron/core/dates.ts';
import { makeIin } from '../../electron/core/ids/iin.ts';
import type { Register } from '../../electron/core/register.ts';
import { call } from '../../electron/core/service.ts';
import { startWebPreview, type WebPreview } from '../../electron/web/server.ts';
import { dumpRegister, tempDir, writeFile } from '../node/helpers.ts';
import { RENDERER, choose, launch, screenshot, watchErrors, whyNoBrowser } from './browser.ts';

const reason = whyNoBrowser();
if (reason) console.warn(`browser tests skipped: ${reason}`);

/** dd.mm.yyyy of an ISO date, as the office types it. */
const typed = (iso: string) => iso.split('-').reverse().join('.');
const yearsBefore = (iso: string, years: number) => `${Number(iso.slice(0, 4)) - years}${iso.slice(4)}`;

/**
 * What the register asks the person to confirm, in a real Chromium at 1024×700: admitting someone under 16,
 * an amount far above the PPO's payroll, and a file that would change records already in the register.
 * Until the box is ticked nothing is written (the register is compared table by table); after it, the one
 * change is.
 */
describe.skipIf(reason !== null)('confirmations in the window', () => {
  let reg: Register;
  let preview: WebPreview;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const today = officeDate(new Date());
  const stored = makeIin('1985-05-25', 'female', 1);

  beforeAll(async () => {
    reg = await initRegister(path.join(tempDir(), 'branch.sqlite'), {
      kind: 'branch',
      code: 'KRG',
      name: 'Карагандинский областной филиал',
    });
    await call(reg, 'orgs.create', { code: 'P001', name: 'ППО областной больницы', headcount: 100 });
    await call(reg, 'members.admit', {
      orgCode: 'P001',
      surname: 'Жұмабаева',
      givenName: 'Сәуле',
      iin: stored,
      category: 'nursing',
      applicationDate: '2024-02-01',
      decision: { body: 'профком', number: '1', date: '2024-02-05' },
    });
    preview = await startWebPreview(reg, { root: RENDERER });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1024, height: 700 } });
    errors = watchErrors(page);
  });

  beforeEach(async () => {
    await page.goto('about:blank');
    await page.goto(preview.url);
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await screenshot(page, `failed-${ctx.task.name.slice(0, 40)}`);
    expect(errors).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
    if (reg) await closeRegister(reg);
  });

  it('admits a 15-year-old only after «Подтверждаю приём несовершеннолетнего» is ticked', async () => {
    const minor = makeIin(yearsBefore(today, 15), 'male', 3);
    await page.getByTestId('nav-members').click();
    await page.getByTestId('member-admit').click();
    await choose(page, 'admit-org', /P001/);
    await page.getByTestId('admit-surname').fill('Серікбаев');
    await page.getByTestId('admit-given').fill('Ерлан');
    await page.getByTestId('admit-iin').fill(minor);
    await choose(page, 'admit-category', 'студент');
    await page.getByTestId('admit-application').fill(typed(today));
    await page.getByTestId('decision-body').fill('профком');
    await page.getByTestId('decision-no').fill('4');
    await page.getByTestId('decision-date').fill(typed(today));
    expect(await page.getByTestId('admit-confirm-minor').count()).toBe(0);
    const before = await dumpRegister(reg);
    await page.getByTestId('admit-save').click();
    await expect.poll(() => page.getByTestId('refusal').textContent()).toContain('нет 16 лет');
    expect(await dumpRegister(reg)).toBe(before);
    await page.getByTestId('admit-confirm-minor').check();
    await screenshot(page, '11-admit-minor-confirm');
    await page.getByTestId('admit-save').click();
    await expect
      .poll(() => page.getByTestId('notice').textContent())
      .toContain('Серікбаев Ерлан принят(а) в ППО P001');
    expect(await reg.db('members').where({ iin: minor }).first()).toMatchObject({ status: 'active' });
  });

  it('records an amount far above the payroll only after the accountant confirms it', async () => {
    const month = `${today.slice(0, 4)}-01`;
    await page.getByTestId('nav-dues').click();
    await page.getByTestId('remittance-new').click();
    await choose(page, 'remittance-org', /P001/);
    await page.getByTestId('remittance-month').fill(month);
    await page.getByTestId('remittance-payroll').fill('1 000 000,00');
    // 1 % of 1,000,000 is 10,000: 100,000 is ten times that (a typo of one zero, or a real back payment)
    await page.getByTestId('remittance-received').fill('100 000,00');
    await page.getByTestId('remittance-doc').fill('ПП-7');
    const before = await dumpRegister(reg);
    await page.getByTestId('remittance-save').click();
    await expect.poll(() => page.getByTestId('refusal').textContent()).toContain('больше чем втрое');
    expect(await dumpRegister(reg)).toBe(before);
    await page.getByTestId('remittance-confirm').check();
    // changing the amount takes the confirmation back: it was given for the other amount
    await page.getByTestId('remittance-received').fill('100 000,01');
    expect(await page.getByTestId('remittance-confirm').isChecked()).toBe(false);
    await page.getByTestId('remittance-received').fill('100 000,00');
    await page.getByTestId('remittance-confirm').check();
    await screenshot(page, '12-remittance-confirm');
    await page.getByTestId('remittance-save').click();
    await expect.poll(() => reg.db('dues_remittances').pluck('received_tiyn')).toEqual([10_000_000]);
  });

  it('says how the file was read: the sheet used past a hidden one, or the text encoding', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Справочник').state = 'hidden';
    const sheet = book.addWorksheet('Члены');
    sheet.addRow(['Код ППО', 'Фамилия', 'Имя', 'ИИН', 'Категория', 'Дата вступления']);
    sheet.addRow(['P001', 'Ахметова', 'Дана', makeIin('1992-03-04', 'female', 7), 'врач', '01.09.2019']);
    const xlsx = path.join(tempDir(), 'members.xlsx');
    await book.xlsx.writeFile(xlsx);
    await page.getByTestId('nav-import').click();
    await page.locator('input[type=file]').setInputFiles(xlsx);
    await page.getByTestId('import-check').click();
    await expect
      .poll(() => page.getByTestId('import-source').textContent())
      .toBe('Прочитан лист «Члены»; скрытые листы пропущены: «Справочник»');
    const csv = writeFile(
      'members-1251.csv',
      iconv.encode('Код ППО;Фамилия;Имя;ИИН;Категория;Дата вступления\r\n', 'win1251'),
    );
    await page.locator('input[type=file]').setInputFiles(csv);
    await page.getByTestId('import-check').click();
    await expect
      .poll(() => page.getByTestId('import-source').textContent())
      .toBe('Кодировка файла: Windows-1251');
  });

  it('refuses a file larger than the window sends before reading it, in words', async () => {
    const big = writeFile('big.csv', Buffer.alloc(31 * 1024 * 1024, 'а;'));
    await page.getByTestId('nav-import').click();
    await page.locator('input[type=file]').setInputFiles(big);
    await page.getByTestId('import-check').click();
    await expect
      .poll(() => page.getByTestId('refusal').textContent())
      .toBe(
        'Файл big.csv слишком большой (31 МБ); импортировать можно файлы до 30 МБ — разделите его на части',
      );
  });

  it('answers a 25 MB upload with the register’s own refusal (the web preview takes what the window sends)', async () => {
    // Kazakh text with one stray byte near its end: refused naming the line, after all 25 MB arrived
    const text = Buffer.from(`${'Жұмабаева;Сәуле;'.repeat(1_000)}\n`);
    const bytes = Buffer.concat([...Array.from({ length: 900 }, () => text), Buffer.from([0xa0, 0x0a])]);
    expect(bytes.length).toBeGreaterThan(25 * 1024 * 1024);
    await page.getByTestId('nav-import').click();
    await page.locator('input[type=file]').setInputFiles(writeFile('big.csv', bytes));
    await page.getByTestId('import-check').click();
    await expect.poll(() => page.getByTestId('refusal').textContent(), { timeout: 30_000 }).toContain('901');
  });

  it('lists the records a file would change, stored → file, and writes them only on «Обновить существующие записи»', async () => {
    const file = writeFile(
      'members.csv',
      '\ufeff' +
        'Код ППО;Фамилия;Имя;ИИН;Категория;Дата вступления\r\n' +
        `P001;Жұмабаева-Ким;Сәуле;${stored};врач;05.02.2024\r\n` +
        `P001;Ахметова;Дана;${makeIin('1992-03-04', 'female', 7)};врач;01.09.2019\r\n`,
    );
    await page.getByTestId('nav-import').click();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('import-check').click();
    const conflicts = page.getByTestId('import-conflicts');
    await expect.poll(() => conflicts.textContent()).toContain('Уже есть в реестре с другими значениями: 1');
    const rows = await page.getByTestId('import-conflict').allTextContents();
    expect(rows).toEqual([
      expect.stringMatching(new RegExp(`^2${stored}.*Фамилия.*Жұмабаева.*Жұмабаева-Ким$`)),
      expect.stringMatching(/Категория.*средний медперсонал.*врач$/),
    ]);
    expect(await page.getByTestId('import-run').isDisabled()).toBe(true);
    await screenshot(page, '13-import-conflicts');
    const before = await dumpRegister(reg);
    await page.getByTestId('import-update').check();
    expect(await dumpRegister(reg)).toBe(before);
    await page.getByTestId('import-run').click();
    await expect
      .poll(() => page.getByTestId('notice').textContent())
      .toContain('Загружено: новых 1, изменённых 1');
    expect(await reg.db('members').where({ iin: stored }).first()).toMatchObject({
      surname: 'Жұмабаева-Ким',
      category: 'physician',
    });
  });
});
