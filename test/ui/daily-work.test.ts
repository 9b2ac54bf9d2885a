import path from 'node:path';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeRegister, initRegister } from '../../electron/core/db/init.ts';
import type { Register } from '../../electron/core/register.ts';
import { startWebPreview, type WebPreview } from '../../electron/web/server.ts';
import { makeIin } from '../../electron/core/ids/iin.ts';
import { call } from '../../electron/core/service.ts';
import { tempDir, writeFile } from '../node/helpers.ts';
import { RENDERER, choose, launch, screenshot, watchErrors, whyNoBrowser } from './browser.ts';

const reason = whyNoBrowser();
if (reason) console.warn(`browser tests skipped: ${reason}`);

/**
 * The daily work of a branch office in a real Chromium against the web preview and a real database:
 * every step is checked on screen and in the register itself.
 */
describe.skipIf(reason !== null)('daily work in the browser', () => {
  let reg: Register;
  let preview: WebPreview;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const year = new Date().getFullYear();

  beforeAll(async () => {
    const dir = tempDir();
    reg = await initRegister(path.join(dir, 'branch.sqlite'), {
      kind: 'branch',
      code: 'KRG',
      name: 'Карагандинский областной филиал',
    });
    preview = await startWebPreview(reg, { root: RENDERER });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    errors = watchErrors(page);
    await page.goto(preview.url);
  });

  // Each step starts from a freshly loaded page, so one failure does not leave a dialog over the next.
  beforeEach(async () => {
    if (!page) return;
    await page.goto('about:blank'); // a real reload: a hash-only change would keep the page's state
    await page.goto(preview.url);
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await screenshot(page, `failed-${ctx.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
    if (reg) await closeRegister(reg);
  });

  it('shows the branch and the dashboard in Russian', async () => {
    await expect
      .poll(() => page.getByTestId('branch-name').textContent())
      .toContain('Карагандинский областной филиал (KRG)');
    await expect.poll(() => page.getByTestId('stat-members').textContent()).toBe('0');
    await screenshot(page, '01-dashboard');
  });

  it('creates a primary organization', async () => {
    await page.getByTestId('nav-orgs').click();
    await page.getByTestId('org-create').click();
    await page.getByTestId('org-code').fill('P001');
    await page.getByTestId('org-name').fill('ППО КГП «Областная больница»');
    await page.getByTestId('org-headcount').fill('250');
    await screenshot(page, '02-org-form');
    await page.getByTestId('org-save').click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toContain('ППО P001 добавлена');
    await expect
      .poll(() => page.getByTestId('orgs-table').textContent())
      .toContain('ППО КГП «Областная больница»');
    expect(await reg.db('orgs').where({ code: 'P001' }).first()).toMatchObject({
      headcount: 250,
      status: 'active',
    });
    await screenshot(page, '03-orgs');
  });

  it('edits a PPO and closes another one as merged into it, from its card', async () => {
    await reg.db('orgs').insert({
      id: 'o-2',
      code: 'P002',
      name: 'ППО поликлиники',
      status: 'active',
      sector: 'healthcare',
      created_at: 'x',
      updated_at: 'x',
    });
    await page.getByTestId('nav-orgs').click();
    await page.getByTestId('org-row').filter({ hasText: 'P001' }).click();
    await page.getByTestId('org-edit').click();
    await page.getByTestId('org-edit-headcount').fill('260');
    await page.getByTestId('org-edit-save').click();
    await expect
      .poll(() => page.getByTestId('notice').last().textContent())
      .toContain('Данные ППО P001 сохранены');
    expect(await reg.db('orgs').where({ code: 'P001' }).first()).toMatchObject({ headcount: 260 });
    await page.keyboard.press('Escape');
    await page.getByTestId('org-row').filter({ hasText: 'P002' }).click();
    await page.getByTestId('org-close-date').fill('31.12.2024');
    await choose(page, 'org-close-reason', 'присоединена к другой ППО');
    await choose(page, 'org-close-merged', /P001/);
    await screenshot(page, '03b-org-card');
    await page.getByTestId('org-close').click();
    await expect.poll(() => page.getByTestId('notice').last().textContent()).toContain('ППО P002 закрыта');
    expect(await reg.db('orgs').where({ code: 'P002' }).first()).toMatchObject({
      status: 'closed',
      close_reason: 'merged',
      merged_into_id: (await reg.db('orgs').where({ code: 'P001' }).first()).id,
    });
    await page.keyboard.press('Escape');
  });

  it('admits a member only with the application and the decision', async () => {
    await page.getByTestId('nav-members').click();
    await page.getByTestId('member-admit').click();
    await choose(page, 'admit-org', /P001/);
    await page.getByTestId('admit-surname').fill('Өмірзақова');
    await page.getByTestId('admit-given').fill('Сәуле');
    await page.getByTestId('admit-iin').fill('850525446560');
    await choose(page, 'admit-category', 'средний медперсонал');
    await page.getByTestId('admit-save').click();
    // the decision is missing: the form says so and nothing is written
    await expect.poll(() => page.getByText('Обязательное поле').count()).toBeGreaterThan(0);
    expect(await reg.db('members').count({ n: '*' })).toEqual([{ n: 0 }]);
    await page.getByTestId('admit-application').fill('01.02.2024');
    await page.getByTestId('decision-body').fill('профком');
    await page.getByTestId('decision-no').fill('3');
    await page.getByTestId('decision-date').fill('05.02.2024');
    await screenshot(page, '04-admit-form');
    await page.getByTestId('admit-save').click();
    await expect
      .poll(() => page.getByTestId('notice').textContent())
      .toContain('Өмірзақова Сәуле принят(а) в ППО P001');
    await expect.poll(() => page.getByTestId('member-count').textContent()).toBe('Найдено: 1');
    expect(await reg.db('members').where({ iin: '850525446560' }).first()).toMatchObject({
      status: 'active',
      joined_on: '2024-02-05',
      sex: 'female',
    });
    await page.getByTestId('member-row').first().click();
    await expect
      .poll(() => page.getByTestId('member-history').textContent())
      .toContain('профком № 3 05.02.2024');
    await screenshot(page, '05-member-card');
    await page.keyboard.press('Escape');
  });

  it('asks before a form with unsaved changes is closed', async () => {
    await page.getByTestId('nav-members').click();
    await page.getByTestId('member-admit').click();
    await page.getByTestId('admit-surname').fill('Черновик');
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss(); // "no": keep editing
    });
    await page.keyboard.press('Escape');
    await expect.poll(() => asked).toEqual(['Закрыть форму? Введённые данные будут потеряны.']);
    expect(await page.getByTestId('admit-surname').inputValue()).toBe('Черновик');
  });

  it('transfers a member and records an exit from the member card', async () => {
    await reg.db('orgs').insert({
      id: 'o-3',
      code: 'P003',
      name: 'ППО колледжа',
      status: 'active',
      sector: 'education_medical',
      created_at: 'x',
      updated_at: 'x',
    });
    await call(reg, 'members.admit', {
      orgCode: 'P001',
      surname: 'Ахметова',
      givenName: 'Динара',
      iin: '680525418408',
      category: 'nursing',
      applicationDate: '2024-03-01',
      decision: { body: 'профком', number: '4', date: '2024-03-05' },
    });
    await page.getByTestId('nav-members').click();
    await page.getByTestId('member-search').fill('ахметова');
    await expect.poll(() => page.getByTestId('member-count').textContent()).toBe('Найдено: 1');
    await page.getByTestId('member-row').first().click();
    await page.getByTestId('member-transfer').click();
    await choose(page, 'transfer-org', /P003/);
    await page.getByTestId('transfer-date').fill('01.03.2025');
    await page.getByTestId('transfer-save').click();
    const ahmetova = () => reg.db('members').where({ iin: '680525418408' }).first();
    await expect.poll(async () => (await ahmetova()).org_id).toBe('o-3');
    await page.getByTestId('member-row').first().click();
    await page.getByTestId('member-exit').click();
    await choose(page, 'exit-reason', 'по собственному желанию');
    await page.getByTestId('decision-body').fill('профком');
    await page.getByTestId('decision-no').fill('9');
    await page.getByTestId('decision-date').fill('05.06.2025');
    await page.getByTestId('exit-save').click();
    await expect
      .poll(() => page.getByTestId('refusal').textContent())
      .toContain('нужна дата письменного заявления');
    await page.getByTestId('exit-application').fill('01.06.2025');
    await page.getByTestId('exit-save').click();
    await expect.poll(async () => (await ahmetova()).status).toBe('exited');
    const kinds = (
      await reg
        .db('member_events')
        .where({ member_id: (await ahmetova()).id })
        .orderBy('seq')
        .select('kind')
    ).map((e) => e.kind);
    expect(kinds).toEqual(['admitted', 'transferred_out', 'transferred_in', 'exited']);
    await screenshot(page, '05b-member-exit');
  });

  it('records dues in the grid from the keyboard, typed the Russian way', async () => {
    await page.getByTestId('nav-dues').click();
    const month = `${year}-01`;
    const cell = page.getByLabel(`P001 январь ${year}`);
    await cell.fill('12 345,67');
    await cell.press('Enter');
    await expect.poll(() => page.getByTestId(`sum-P001-${month}`).textContent()).toBe('12 345,67');
    const rows = await reg.db('dues_remittances').select('month', 'received_tiyn');
    expect(rows).toEqual([{ month, received_tiyn: 1234567 }]);
    // a statement with its payroll: completeness = received ÷ (1 % × payroll); the month as «01.YYYY»
    await page.getByTestId('remittance-new').click();
    await choose(page, 'remittance-org', /P001/);
    await page.getByTestId('remittance-month').fill(`01.${year}`);
    await page.getByTestId('remittance-received').fill('9 700,00');
    await page.getByTestId('remittance-payroll').fill('2 000 000,00');
    await page.getByTestId('remittance-doc').fill('ПП-15');
    await page.getByTestId('remittance-save').click();
    await expect
      .poll(() => page.getByTestId('dues-total').textContent())
      .toContain('Итого: 22 045,67 ₸ · Начислено, ₸ 20 000,00 · Полнота сбора 110,2 %');
    await screenshot(page, '06-dues-grid');
  });

  it('freezes a closed quarter, and deletes a remittance only after a reopening with a reason', async () => {
    await page.getByTestId('nav-dues').click();
    const month = `${year}-01`;
    await choose(page, 'quarter-select', 'I');
    await page.getByTestId('quarter-close').click();
    await expect.poll(() => page.getByTestId('closed-quarters').textContent()).toContain(`I квартал ${year}`);
    const cell = page.getByLabel(`P001 январь ${year}`);
    expect(await cell.getAttribute('readonly')).not.toBeNull();
    await cell.focus();
    await expect
      .poll(() => page.getByTestId('cell-locked').filter({ visible: true }).first().textContent())
      .toContain(`I квартал ${year} закрыт`);
    await page.getByTestId(`sum-P001-${month}`).click();
    expect(await page.getByTestId('dues-delete').first().isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await reg.db('dues_remittances').count({ n: '*' })).toEqual([{ n: 2 }]);
    await page.getByLabel('Причина открытия').fill('ошибка в платёжном поручении');
    await page.getByTestId('quarter-reopen').click();
    await expect
      .poll(async () => (await reg.db('quarter_actions').select('action')).map((a) => a.action))
      .toEqual(['close', 'reopen']);
    await page.getByTestId(`sum-P001-${month}`).click();
    await page.getByTestId('dues-delete').first().click();
    await page.getByTestId('dues-delete-confirm').click();
    await expect.poll(async () => (await reg.db('dues_remittances').count({ n: '*' }))[0]).toEqual({ n: 1 });
    expect(await reg.db('audit_log').where({ entity: 'quarters', action: 'reopen' }).first()).toMatchObject({
      entity_id: `${year}-Q1`,
    });
  });

  it('registers an appeal and closes it with its economic effect', async () => {
    await page.getByTestId('nav-appeals').click();
    await page.getByTestId('appeal-register').click();
    await page.getByTestId('appeal-received').fill(`10.01.${year}`);
    await choose(page, 'appeal-channel', 'телефон');
    await choose(page, 'appeal-category', 'Оплата труда');
    await page.getByTestId('appeal-applicant').fill('Әбдірахманова Г.С.');
    await page.getByTestId('appeal-save').click();
    await expect
      .poll(() => page.getByTestId('notice').textContent())
      .toContain(`Обращение № ${year}/001 зарегистрировано`);
    await page.getByTestId('appeal-take-up').first().click();
    await expect.poll(async () => (await reg.db('appeals').first()).status).toBe('in_progress');
    await page.getByTestId('appeal-control').first().click();
    await expect.poll(async () => (await reg.db('appeals').first()).on_control).toBe(1);
    await page.getByTestId('appeal-close').first().click();
    await page.getByTestId('close-date').fill(`09.01.${year}`);
    await page.getByTestId('close-save').click();
    await expect.poll(() => page.getByTestId('refusal').textContent()).toContain('раньше даты поступления');
    await page.getByTestId('close-date').fill(`20.01.${year}`);
    await page.getByTestId('close-effect').fill('120 000');
    await page.getByTestId('close-save').click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toContain('закрыто');
    expect(await reg.db('appeals').first()).toMatchObject({
      status: 'closed',
      economic_effect_tiyn: 12000000,
      category: 'wages',
      channel: 'phone',
    });
    await expect.poll(() => page.getByTestId('appeals-table').textContent()).toContain('120 000,00');
    await screenshot(page, '07-appeals');
  });

  it('switches to Kazakh and back', async () => {
    await page.getByText('Қазақша').click();
    await expect.poll(() => page.getByTestId('nav-members').textContent()).toBe('Кәсіподақ мүшелері');
    await page.getByTestId('nav-dashboard').click();
    await expect.poll(() => page.getByTestId('stat-members').textContent()).toBe('1');
    await screenshot(page, '08-dashboard-kk');
    await page.getByTestId('nav-orgs').click();
    await page.getByTestId('org-create').click();
    await page.getByTestId('org-code').fill('P001');
    await page.getByTestId('org-name').fill('Қайталама');
    await page.getByTestId('org-save').click();
    await expect.poll(() => page.getByTestId('refusal').textContent()).toBe('P001 коды бар БКҰ бұрыннан бар');
    await screenshot(page, '08b-refusal-kk');
    await page.reload();
    await expect.poll(() => page.getByTestId('nav-appeals').textContent()).toBe('Өтініштер');
    await page.getByText('Русский').click();
    await expect.poll(() => page.getByTestId('nav-appeals').textContent()).toBe('Обращения');
  });

  it('imports a file with errors (nothing written), then a good one', async () => {
    await page.getByTestId('nav-import').click();
    const bad = writeFile(
      'members-bad.csv',
      iconv.encode(
        'Код ППО;Фамилия;Имя;ИИН;Категория;Дата вступления\r\nP001;Иванова;Ольга;850525446561;врач;01.02.2010\r\nP009;Петрова;Анна;900125389604;врач;01.02.2010\r\n',
        'win1251',
      ),
    );
    await page.locator('input[type=file]').setInputFiles(bad);
    await page.getByTestId('import-check').click();
    await expect.poll(() => page.getByTestId('problems').textContent()).toContain('Нет ППО с кодом P009');
    expect(await page.getByTestId('import-run').isDisabled()).toBe(true);
    await screenshot(page, '09-import-errors');
    expect(await reg.db('members').count({ n: '*' })).toEqual([{ n: 2 }]);

    // UTF-8 with a BOM, as Excel saves "CSV UTF-8": Windows-1251 has no Kazakh letters.
    const good = writeFile(
      'members-good.csv',
      '\ufeff' +
        `Код ППО;Фамилия;Имя;ИИН;Категория;Дата вступления\r\nP001;Иванова;Ольга;750613444968;врач;01.02.2010\r\nP001;Смирнов;Алексей;900125389604;младший медперсонал;13.05.2016\r\nP001;Ізбасарова;Әсел;${makeIin('1992-03-04', 'female', 7)};врач;01.09.2019\r\n`,
    );
    await page.locator('input[type=file]').setInputFiles(good);
    await page.getByTestId('import-check').click();
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('новых 3');
    await page.getByTestId('import-run').click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toContain('Загружено: новых 3');
    expect(await reg.db('members').count({ n: '*' })).toEqual([{ n: 5 }]);
    await screenshot(page, '10-import-done');
  });

  it('lists members in the alphabet of the UI language (І after И in Russian, after Ы in Kazakh)', async () => {
    await page.getByTestId('nav-members').click();
    await expect.poll(() => page.getByTestId('member-count').textContent()).toBe('Найдено: 4');
    const surnames = async () =>
      (await page.getByTestId('member-row').allTextContents()).map((n) => n.split(' ')[0]);
    expect(await surnames()).toEqual(['Иванова', 'Ізбасарова', 'Өмірзақова', 'Смирнов']);
    await page.getByText('Қазақша').click();
    await expect.poll(surnames).toEqual(['Иванова', 'Өмірзақова', 'Смирнов', 'Ізбасарова']);
    await screenshot(page, '11-members-kk');
    await page.getByText('Русский').click();
    expect(errors).toEqual([]);
  });
});
