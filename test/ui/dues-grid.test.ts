import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeRegister, initRegister } from '../../electron/core/db/init.ts';
import type { Register } from '../../electron/core/register.ts';
import { call } from '../../electron/core/service.ts';
import { startWebPreview, type WebPreview } from '../../electron/web/server.ts';
import { tempDir } from '../node/helpers.ts';
import { RENDERER, launch, screenshot, watchErrors, whyNoBrowser } from './browser.ts';

const reason = whyNoBrowser();
if (reason) console.warn(`browser tests skipped: ${reason}`);

const MONTHS = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];

/**
 * The accountant's dues grid on the small office laptop (1024×700), driven from the keyboard as she
 * drives Excel. The grid works on last year (every month of it has begun, whatever today is) and the
 * year before serves as the PPOs' history.
 */
describe.skipIf(reason !== null)('the dues grid in the browser', () => {
  let reg: Register;
  let preview: WebPreview;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const office = new Date(Date.now() + 5 * 3600 * 1000);
  const thisYear = office.getUTCFullYear();
  const year = thisYear - 1;
  const m = (n: number) => `${year}-${String(n).padStart(2, '0')}`;
  const cell = (org: string, month: number) => page.getByLabel(`${org} ${MONTHS[month - 1]} ${year}`);
  const focused = () => page.evaluate<string>(`document.activeElement?.getAttribute('aria-label') ?? ''`);
  const remittances = async (org: string, month: number) =>
    (
      await reg
        .db('dues_remittances as r')
        .join('orgs as o', 'o.id', 'r.org_id')
        .where({ 'o.code': org, 'r.month': m(month) })
        .orderBy('r.received_tiyn')
        .select('r.received_tiyn')
    ).map((r) => r.received_tiyn as number);

  beforeAll(async () => {
    reg = await initRegister(path.join(tempDir(), 'branch.sqlite'), {
      kind: 'branch',
      code: 'KRG',
      name: 'Карагандинский областной филиал',
    });
    for (const [code, name, shortName] of [
      ['P001', 'ППО КГП «Областная больница»', 'Областная больница'],
      ['P002', 'ППО КГП «Поликлиника № 1»', 'Поликлиника № 1'],
      ['P003', 'ППО Медицинского колледжа', 'Медколледж'],
    ] as const)
      await call(reg, 'orgs.create', { code, name, shortName, sector: 'healthcare' });
    // P003's usual month, the year before: 1 000 ₸ (the plausibility rule's median)
    for (const month of ['01', '02', '03'])
      await call(reg, 'dues.record', { orgCode: 'P003', month: `${year - 1}-${month}`, received: '1000' });
    await call(reg, 'dues.record', { orgCode: 'P001', month: m(12), received: '777' });
    await call(reg, 'quarters.close', { quarter: `${year}Q4` });
    preview = await startWebPreview(reg, { root: RENDERER });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1024, height: 700 } });
    errors = watchErrors(page);
  });

  beforeEach(async () => {
    await page.goto('about:blank');
    await page.goto(preview.url.replace('#/', '#/dues'));
    await page.getByTestId('dues-year').fill(String(year));
    await expect.poll(() => cell('P001', 1).count()).toBe(1);
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail')
      await screenshot(page, `failed-grid-${ctx.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
    if (reg) await closeRegister(reg);
  });

  it('saves an amount on Tab, Shift+Tab, the arrows, Enter and a click elsewhere; Esc undoes the typing', async () => {
    await cell('P001', 1).click();
    await page.keyboard.type('100');
    await page.keyboard.press('Tab');
    await expect.poll(focused).toBe(`P001 февраль ${year}`);
    await expect.poll(() => remittances('P001', 1)).toEqual([10000]);

    await page.keyboard.type('200');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(focused).toBe(`P001 январь ${year}`);
    await expect.poll(() => remittances('P001', 2)).toEqual([20000]);

    await page.keyboard.press('ArrowDown'); // nothing typed: only moves
    await expect.poll(focused).toBe(`P002 январь ${year}`);
    await page.keyboard.type('300');
    await page.keyboard.press('ArrowRight'); // the caret is at the end of the text: leaves the cell
    await expect.poll(focused).toBe(`P002 февраль ${year}`);
    await expect.poll(() => remittances('P002', 1)).toEqual([30000]);

    await page.keyboard.type('400');
    await page.keyboard.press('ArrowLeft'); // the caret moves inside the text first
    await expect.poll(focused).toBe(`P002 февраль ${year}`);
    await page.keyboard.press('ArrowUp');
    await expect.poll(focused).toBe(`P001 февраль ${year}`);
    await expect.poll(() => remittances('P002', 2)).toEqual([40000]);

    await cell('P002', 3).click();
    await page.keyboard.type('55');
    await page.keyboard.press('Escape');
    expect(await cell('P002', 3).inputValue()).toBe('');
    expect(await focused()).toBe(`P002 март ${year}`);

    await page.keyboard.type('500');
    await page.getByTestId('dues-status').click(); // leaving the cell by the mouse
    await expect.poll(() => remittances('P002', 3)).toEqual([50000]);

    await cell('P001', 3).click();
    await page.keyboard.type('1 234,50');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe(`P002 март ${year}`);
    await expect.poll(() => remittances('P001', 3)).toEqual([123450]);

    await expect.poll(() => page.getByTestId(`sum-P001-${m(3)}`).textContent()).toBe('1 234,50');
    await expect.poll(() => page.getByTestId('org-total-P001').textContent()).toBe('2 311,50'); // with December's 777,00;
    await expect.poll(() => page.getByTestId(`month-total-${m(1)}`).textContent()).toBe('400,00');
    await screenshot(page, 'grid-keys');
  });

  it('keeps a refused amount in its cell with the reason under it, focus on it, the grid unmoved', async () => {
    const grid = page.getByTestId('dues-grid');
    await cell('P003', 5).click();
    const before = await grid.boundingBox();
    await page.keyboard.type('12,3,4');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('cell-refusal').count()).toBe(1);
    const note = await page.getByTestId('cell-refusal').textContent();
    expect(note).toMatch(/Поступило/); // the field by its label, not `received`
    expect(note).not.toMatch(/received/);
    expect(await focused()).toBe(`P003 май ${year}`);
    expect(await cell('P003', 5).inputValue()).toBe('12,3,4');
    expect(await cell('P003', 5).getAttribute('aria-invalid')).toBe('true');
    expect(await grid.boundingBox()).toEqual(before);
    expect(await page.getByTestId('refusal').count()).toBe(0); // no banner above the grid
    await screenshot(page, 'grid-refused');
    await page.keyboard.press('Escape');
    expect(await cell('P003', 5).inputValue()).toBe('');
    await expect.poll(() => page.getByTestId('cell-refusal').count()).toBe(0);
    expect(await remittances('P003', 5)).toEqual([]);
  });

  it('asks before a second payment goes into a filled cell: add another, replace, or cancel', async () => {
    await call(reg, 'dues.record', { orgCode: 'P002', month: m(6), received: '600' });
    await page.reload();
    await page.getByTestId('dues-year').fill(String(year));
    await cell('P002', 6).click();
    await page.keyboard.type('650');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('cell-question-text').textContent())
      .toBe(`У P002 за июнь ${year} уже есть поступление на 600,00 ₸. Что сделать с суммой 650?`);
    for (const name of ['Добавить ещё одно поступление', 'Заменить', 'Отмена'])
      expect(await page.getByRole('button', { name, exact: true }).isVisible()).toBe(true);
    await screenshot(page, 'grid-duplicate-question');
    await page.keyboard.press('Enter'); // the focus is on «Отмена»: Enter never adds unasked
    await expect.poll(() => page.getByTestId('cell-question-text').count()).toBe(0);
    expect(await remittances('P002', 6)).toEqual([60000]);
    expect(await focused()).toBe(`P002 июнь ${year}`);

    await page.keyboard.type('650');
    await page.keyboard.press('Tab');
    await page.getByTestId('cell-replace').click();
    await expect.poll(() => remittances('P002', 6)).toEqual([65000]);
    await expect.poll(focused).toBe(`P002 июль ${year}`);

    await cell('P002', 6).click();
    await page.keyboard.type('50');
    await page.keyboard.press('Enter');
    await page.getByTestId('cell-add').click();
    await expect.poll(() => remittances('P002', 6)).toEqual([5000, 65000]);
    await expect.poll(() => page.getByTestId(`sum-P002-${m(6)}`).textContent()).toBe('700,00×2');
  });

  it('asks to confirm an amount far above the PPO’s usual month, as the core rule says', async () => {
    await cell('P003', 6).click();
    await page.keyboard.type('100 000');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('cell-question-text').textContent())
      .toContain('больше чем в 10 раз превышает обычный месяц');
    expect(await page.getByTestId('cell-question-text').textContent()).toContain(`июнь ${year}`);
    await page.getByTestId('cell-confirm').click();
    await expect.poll(() => remittances('P003', 6)).toEqual([10000000]);
  });

  it('shows the months of a closed quarter locked and says why when one gets the focus', async () => {
    const december = cell('P001', 12);
    expect(await december.getAttribute('readonly')).not.toBeNull();
    expect(await page.locator(`th[data-month="${m(12)}"]`).textContent()).toBe('декабрьзакрыт');
    await december.focus();
    await expect
      .poll(() => page.getByTestId('cell-locked').filter({ visible: true }).textContent())
      .toContain(`IV квартал ${year} закрыт`);
    await page.keyboard.type('5');
    expect(await december.inputValue()).toBe('');
    await screenshot(page, 'grid-locked');
    await page.getByTestId(`sum-P001-${m(12)}`).click();
    await expect
      .poll(() => page.getByTestId('cell-locked-note').textContent())
      .toContain(`IV квартал ${year} закрыт`);
    expect(await page.getByTestId('dues-delete').isDisabled()).toBe(true);
    expect(await remittances('P001', 12)).toEqual([77700]);
  });

  it('opens a filled cell’s remittances to edit one, delete it, and undo the deletion', async () => {
    await call(reg, 'dues.record', { orgCode: 'P001', month: m(7), received: '700' });
    await page.reload();
    await page.getByTestId('dues-year').fill(String(year));
    await page.getByTestId(`sum-P001-${m(7)}`).click();
    await expect.poll(() => page.getByText(`Поступления P001 за июль ${year}`).count()).toBe(1);
    await page.getByTestId('dues-edit').click();
    await page.getByTestId('dues-edit-received').fill('710,50');
    await page.getByTestId('dues-edit-save').click();
    await expect.poll(() => remittances('P001', 7)).toEqual([71050]);
    await page.getByTestId('dues-delete').click();
    // asked first: «Отмена» keeps it
    await page.getByRole('button', { name: 'Отмена', exact: true }).click();
    expect(await remittances('P001', 7)).toEqual([71050]);
    await page.getByTestId('dues-delete').click();
    await page.getByTestId('dues-delete-confirm').click();
    await expect.poll(() => remittances('P001', 7)).toEqual([]);
    await page.getByTestId('dues-undo').click();
    await expect.poll(() => remittances('P001', 7)).toEqual([71050]);
  });

  it('keeps the header row and the PPO column in place and opens on the current quarter', async () => {
    await page.goto('about:blank');
    await page.goto(preview.url.replace('#/', '#/dues'));
    const quarterStart = Math.floor(office.getUTCMonth() / 3) * 3 + 1;
    const scroller = page.getByTestId('dues-grid-scroll');
    await expect.poll(() => page.locator('th[data-month]').count()).toBe(12);
    const first = page.locator(`th[data-month="${thisYear}-${String(quarterStart).padStart(2, '0')}"]`);
    const last = page.locator(`th[data-month="${thisYear}-${String(quarterStart + 2).padStart(2, '0')}"]`);
    const box = (await scroller.boundingBox())!;
    const a = (await first.boundingBox())!;
    const b = (await last.boundingBox())!;
    expect(a.x).toBeGreaterThanOrEqual(box.x);
    expect(b.x + b.width).toBeLessThanOrEqual(box.x + box.width);
    // the PPO column: code and short name, still there after scrolling sideways
    const org = page.locator('tbody th.dg-org').first();
    expect(await org.textContent()).toBe('P001Областная больница');
    await scroller.evaluate((el: { scrollLeft: number; scrollWidth: number }) => {
      el.scrollLeft = el.scrollWidth;
    });
    expect((await org.boundingBox())!.x).toBeCloseTo(box.x + 1, 0);
    expect(errors).toEqual([]);
  });
});
