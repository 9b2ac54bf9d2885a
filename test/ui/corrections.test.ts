import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeRegister, initRegister } from '../../electron/core/db/init.ts';
import type { Register } from '../../electron/core/register.ts';
import { call } from '../../electron/core/service.ts';
import { startWebPreview, type WebPreview } from '../../electron/web/server.ts';
import { tempDir } from '../node/helpers.ts';
import { RENDERER, choose, launch, screenshot, watchErrors, whyNoBrowser } from './browser.ts';

const reason = whyNoBrowser();
if (reason) console.warn(`browser tests skipped: ${reason}`);

const IIN = '850525446560';
const OTHER_IIN = '900125389604';
const DECISION = { body: 'профком', number: '3', date: '2024-02-05' };

/**
 * Every mistake put right from the window, in a real Chromium against the web preview and a real
 * register: each correction is checked in the register, in the reports it changes and in the history of
 * changes, with its reason.
 */
describe.skipIf(reason !== null)('corrections, history and backups in the browser', () => {
  let reg: Register;
  let preview: WebPreview;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    const dir = tempDir();
    reg = await initRegister(path.join(dir, 'branch.sqlite'), {
      kind: 'branch',
      code: 'KRG',
      name: 'Карагандинский областной филиал',
    });
    reg.actor = 'бухгалтер';
    await call(reg, 'orgs.create', { code: 'P001', name: 'ППО областной больницы', headcount: 200 });
    await call(reg, 'orgs.create', { code: 'P002', name: 'ППО поликлиники', headcount: 80 });
    preview = await startWebPreview(reg, { root: RENDERER });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    errors = watchErrors(page);
  });

  beforeEach(async () => {
    if (!page) return;
    await page.goto('about:blank');
    await page.goto(preview.url);
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail')
      await screenshot(page, `corrections-failed-${ctx.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
    if (reg) await closeRegister(reg);
  });

  const openMember = async (search: string, status?: string) => {
    await page.getByTestId('nav-members').click();
    if (status) await choose(page, 'member-status-filter', status);
    await page.getByTestId('member-search').fill(search);
    await expect.poll(() => page.getByTestId('member-count').textContent()).toBe('Найдено: 1');
    await page.getByTestId('member-row').first().click();
    await expect.poll(() => page.getByTestId('member-card').count()).toBe(1);
  };

  it('corrects a member’s data from the card, with the reason in the history', async () => {
    await call(reg, 'members.admit', {
      orgCode: 'P001',
      surname: 'Омирзакова',
      givenName: 'Сәуле',
      iin: IIN,
      category: 'nursing',
      phone: '+7 701 111 11 11',
      applicationDate: '2024-02-01',
      decision: DECISION,
    });
    await openMember('Омирзакова');
    await page.getByTestId('member-correct').click();
    await page.getByTestId('correct-surname').fill('Өмірзақова');
    await page.getByTestId('correct-phone').fill('+7 701 222 22 22');
    await page.getByTestId('correct-save').click();
    // without a reason nothing is sent
    await expect.poll(() => page.getByText('Обязательное поле').count()).toBeGreaterThan(0);
    expect((await reg.db('members').where({ iin: IIN }).first()).surname).toBe('Омирзакова');
    await page.getByTestId('correct-reason').fill('фамилия по удостоверению личности');
    await screenshot(page, 'corrections-01-member-correct');
    await page.getByTestId('correct-save').click();
    await expect
      .poll(() => page.getByTestId('notice').textContent())
      .toContain('Данные Өмірзақова Сәуле исправлены');
    expect(await reg.db('members').where({ iin: IIN }).first()).toMatchObject({
      surname: 'Өмірзақова',
      phone: '+7 701 222 22 22',
    });

    await openMember('Өмірзақова');
    await page.getByTestId('member-history').getByText('Исправлены данные').waitFor();
    await page.getByTestId('member-history-open').click();
    const dialog = page.getByTestId('history-dialog');
    await expect.poll(() => dialog.textContent()).toContain('Фамилия: Омирзакова → Өмірзақова');
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain('Телефон: +7 701 111 11 11 → +7 701 222 22 22');
    expect(text).toContain('фамилия по удостоверению личности');
    expect(text).toContain('бухгалтер');
    await screenshot(page, 'corrections-02-member-history');
  });

  it('an IIN correction re-runs the IIN checks: a wrong check digit is refused in words', async () => {
    await openMember('Өмірзақова');
    await page.getByTestId('member-correct').click();
    await page.getByTestId('correct-iin').fill('850525446561');
    await page.getByTestId('correct-reason').fill('опечатка в ИИН');
    await page.getByTestId('correct-save').click();
    await expect.poll(() => page.getByTestId('refusal').textContent()).toMatch(/ИИН/);
    expect(await reg.db('members').where({ iin: IIN }).count({ n: '*' })).toEqual([{ n: 1 }]);
  });

  it('annuls a wrong exit: the member is active again and the membership report counts her', async () => {
    await call(reg, 'members.exit', {
      iin: IIN,
      reason: 'own_will',
      applicationDate: '2025-06-01',
      decision: { body: 'профком', number: '9', date: '2025-06-05' },
    });
    const before = await call(reg, 'reports.membership', {});
    await openMember('Өмірзақова', 'выбыл(а)');
    await page.getByTestId('member-annul').click();
    await expect
      .poll(() => page.getByRole('dialog').last().textContent())
      .toContain('Выбыл(а)» от 05.06.2025');
    await page.getByTestId('annul-save-reason').fill('выход оформлен не тому человеку');
    await screenshot(page, 'corrections-03-annul');
    await page.getByTestId('annul-save').click();
    await expect
      .poll(() => page.getByTestId('notice').textContent())
      .toContain('Событие «Выбыл(а)» аннулировано');
    expect((await reg.db('members').where({ iin: IIN }).first()).status).toBe('active');
    const after = await call(reg, 'reports.membership', {});
    expect(after.total.members).toBe(before.total.members + 1);
    await openMember('Өмірзақова', 'состоит');
    await expect
      .poll(() => page.getByTestId('member-event-annulled').textContent())
      .toContain('выход оформлен не тому человеку');
  });

  it('the register-wide journal filters by date, kind and record', async () => {
    await page.getByTestId('nav-journal').click();
    await expect.poll(() => page.getByTestId('history-entry').count()).toBeGreaterThan(3);
    await choose(page, 'journal-kind', 'член профсоюза');
    await page.getByTestId('journal-record').fill(IIN);
    await expect
      .poll(() => page.getByTestId('history-table').textContent())
      .toContain('выход оформлен не тому человеку');
    const text = (await page.getByTestId('history-table').textContent()) ?? '';
    expect(text).not.toContain('ППО поликлиники');
    await screenshot(page, 'corrections-04-journal');
    const tomorrow = new Date(Date.now() + 5 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
    await page.getByTestId('journal-since').fill(tomorrow.split('-').reverse().join('.'));
    await expect.poll(() => page.getByTestId('history-empty').count()).toBe(1);
  });

  it('makes a backup now, saves a copy as a download, and restores one: the register is what it was', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('backup-create').click();
    await expect.poll(() => page.getByTestId('notice').last().textContent()).toContain('Копия сделана');
    const row = page.getByTestId('backup-row').filter({ hasText: 'вручную' }).first();
    await expect.poll(() => row.textContent()).toContain('членов 1 · ППО 2 · поступлений 0 · обращений 0');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByTestId('backup-download').click(),
    ]);
    const saved = path.join(tempDir(), download.suggestedFilename());
    await download.saveAs(saved);
    expect(fs.readFileSync(saved).subarray(0, 15).toString()).toBe('SQLite format 3');
    await screenshot(page, 'corrections-05-backups');

    // a mistake after the backup: a second member
    await call(reg, 'members.admit', {
      orgCode: 'P002',
      surname: 'Ахметова',
      givenName: 'Динара',
      iin: OTHER_IIN,
      category: 'physician',
      applicationDate: '2024-02-01',
      decision: DECISION,
    });
    expect(await reg.db('members').count({ n: '*' })).toEqual([{ n: 2 }]);
    await page.reload();
    await page
      .getByTestId('backup-row')
      .filter({ hasText: 'вручную' })
      .first()
      .getByTestId('backup-restore')
      .click();
    await page.getByTestId('restore-reason').fill('лишний член принят по ошибке');
    await page.getByTestId('restore-confirm').click();
    await expect
      .poll(() => page.getByTestId('notice').first().textContent(), { timeout: 20_000 })
      .toContain('Реестр восстановлен из копии');
    expect(await reg.db('members').pluck('iin')).toEqual([IIN]);
    // the current register was backed up first, and the history records the restore with its reason
    await expect
      .poll(() => page.getByTestId('backup-row').filter({ hasText: 'перед восстановлением' }).count())
      .toBe(1);
    const restoreEntry = await reg.db('audit_log').where({ entity: 'register', action: 'restore' }).first();
    expect(restoreEntry).toMatchObject({ reason: 'лишний член принят по ошибке' });
    await page.getByTestId('nav-journal').click();
    await expect
      .poll(() => page.getByTestId('history-table').textContent())
      .toContain('восстановлен из резервной копии');
  });

  it('edits an open appeal, reopens a closed one and removes one registered by mistake, from its row menu', async () => {
    const today = (await call(reg, 'register.info', {})).today;
    const year = Number(today.slice(0, 4));
    const add = (applicant: string) =>
      call(reg, 'appeals.add', {
        receivedOn: today,
        channel: 'phone',
        applicant,
        category: 'wages',
      });
    const first = await add('Әбдірахманова Г.С.');
    const second = await add('Ошибочная запись');
    await page.getByTestId('nav-appeals').click();
    const row = (text: string) => page.getByTestId('appeal-row').filter({ hasText: text });

    // edit any field of an open appeal, with a reason
    await row(first.regNo).getByTestId('appeal-menu').click();
    await page.getByTestId('appeal-edit').click();
    await page.getByTestId('appeal-edit-applicant').fill('Абдрахманова Г.С.');
    await choose(page, 'appeal-edit-category', 'Правовые вопросы');
    await page.getByTestId('appeal-edit-reason').fill('категория по существу обращения');
    await screenshot(page, 'corrections-06-appeal-edit');
    await page.getByTestId('appeal-edit-save').click();
    await expect
      .poll(() => page.getByTestId('notice').textContent())
      .toContain(`Обращение № ${first.regNo} изменено`);
    expect(await reg.db('appeals').where({ reg_no: first.regNo }).first()).toMatchObject({
      applicant: 'Абдрахманова Г.С.',
      category: 'legal',
    });

    // a closed appeal: reopened with a reason
    await call(reg, 'appeals.close', { year, regNo: first.regNo, closedOn: today });
    await page.reload();
    await row(first.regNo).getByTestId('appeal-menu').click();
    expect(await page.getByTestId('appeal-edit').count()).toBe(0); // closed: not edited until reopened
    await page.getByTestId('appeal-reopen').click();
    await page.getByTestId('appeal-reopen-save-reason').fill('закрыто преждевременно');
    await page.getByTestId('appeal-reopen-save').click();
    await expect
      .poll(() => page.getByTestId('notice').textContent())
      .toContain(`Обращение № ${first.regNo} открыто заново`);
    expect((await reg.db('appeals').where({ reg_no: first.regNo }).first()).status).toBe('in_progress');

    // removed as registered by mistake: gone from the journal and the report, its number not given again
    const before = await call(reg, 'reports.appeals', { year });
    await row(second.regNo).getByTestId('appeal-menu').click();
    await page.getByTestId('appeal-remove').click();
    await page.getByTestId('appeal-remove-save-reason').fill('зарегистрировано дважды');
    await page.getByTestId('appeal-remove-save').click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toContain(`№ ${second.regNo} удалено`);
    await expect.poll(() => page.getByTestId('appeal-row').count()).toBe(1);
    const after = await call(reg, 'reports.appeals', { year });
    expect(after.total.total).toBe(before.total.total - 1);
    expect((await add('Следующее обращение')).regNo).not.toBe(second.regNo);

    // the history of the edited appeal: field before → after and every reason
    await page.reload();
    await row(first.regNo).getByTestId('appeal-menu').click();
    await page.getByTestId('appeal-history').click();
    const dialog = page.getByTestId('history-dialog');
    await expect
      .poll(() => dialog.textContent())
      .toContain('Заявитель: Әбдірахманова Г.С. → Абдрахманова Г.С.');
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain('категория по существу обращения');
    expect(text).toContain('закрыто преждевременно');
    await screenshot(page, 'corrections-07-appeal-history');
  });

  it('reopens a closed PPO with a reason, from its card, and its history says so', async () => {
    await call(reg, 'orgs.close', { code: 'P002', closedOn: '2025-01-31', reason: 'liquidated' });
    await page.getByTestId('nav-orgs').click();
    await choose(page, 'orgs-status', 'закрыта');
    await page.getByTestId('org-row').filter({ hasText: 'P002' }).click();
    await page.getByTestId('org-reopen').click();
    await page.getByTestId('org-reopen-save-reason').fill('закрыта по ошибке, больница работает');
    await page.getByTestId('org-reopen-save').click();
    await expect
      .poll(() => page.getByTestId('notice').last().textContent())
      .toContain('ППО P002 снова действует');
    expect((await reg.db('orgs').where({ code: 'P002' }).first()).status).toBe('active');
    await page.getByTestId('org-history').click();
    await expect
      .poll(() => page.getByTestId('history-dialog').textContent())
      .toContain('закрыта по ошибке, больница работает');
    expect(await page.getByTestId('history-dialog').textContent()).toContain('Статус: закрыта → действует');
  });

  it('changes or deletes a rate still to come; one in force is only replaced', async () => {
    const nextYear = Number((await call(reg, 'register.info', {})).today.slice(0, 4)) + 1;
    await call(reg, 'rates.set', {
      validFrom: `${nextYear}-01-01`,
      ratePercent: '1',
      sharePpoPercent: '50',
      shareBranchPercent: '40',
      shareCentralPercent: '10',
    });
    await page.getByTestId('nav-settings').click();
    const future = page.getByTestId('rate-row').filter({ hasText: 'ещё не действует' });
    await expect.poll(() => future.count()).toBe(1);
    await future.getByTestId('rate-edit').click();
    await page.getByTestId('rate-percent').fill('1,5');
    await page.getByTestId('rate-reason').fill('решение президиума');
    await page.getByTestId('rate-save').click();
    await expect
      .poll(() => page.getByTestId('notice').first().textContent())
      .toContain(`Ставка с 01.01.${nextYear} сохранена`);
    expect(
      (
        await reg
          .db('dues_rates')
          .where({ valid_from: `${nextYear}-01-01` })
          .first()
      ).rate_bp,
    ).toBe(150);
    await future.getByTestId('rate-delete').click();
    await page.getByTestId('rate-delete-save-reason').fill('ставка не утверждена');
    await page.getByTestId('rate-delete-save').click();
    await expect
      .poll(() =>
        reg
          .db('dues_rates')
          .where({ valid_from: `${nextYear}-01-01` })
          .count({ n: '*' }),
      )
      .toEqual([{ n: 0 }]);
    // a rate in force, typed again with another rate: refused in words, nothing changed
    await call(reg, 'rates.set', {
      validFrom: '2024-01-01',
      ratePercent: '1',
      sharePpoPercent: '60',
      shareBranchPercent: '30',
      shareCentralPercent: '10',
    });
    await page.getByTestId('rate-valid-from').fill('01.01.2024');
    await page.getByTestId('rate-percent').fill('2');
    await page.getByTestId('rate-save').click();
    await expect
      .poll(() => page.getByTestId('refusal').textContent())
      .toContain('можно только заменить новой');
    expect((await reg.db('dues_rates').where({ valid_from: '2024-01-01' }).first()).rate_bp).toBe(100);
    const audit = await reg
      .db('audit_log')
      .where({ entity: 'dues_rates' })
      .whereIn('action', ['update', 'delete'])
      .orderBy('id')
      .select('action', 'reason');
    expect(audit).toEqual([
      { action: 'update', reason: 'решение президиума' },
      { action: 'delete', reason: 'ставка не утверждена' },
    ]);
  });

  it('a wrong admission: annulled from the card, the person counts nowhere, then admitted with the right date', async () => {
    const admission = {
      orgCode: 'P001',
      surname: 'Ахметова',
      givenName: 'Динара',
      iin: OTHER_IIN,
      category: 'physician' as const,
      applicationDate: '2024-02-01',
    };
    await call(reg, 'members.admit', { ...admission, decision: { ...DECISION, date: '2024-12-05' } });
    const before = await call(reg, 'reports.membership', {});
    await openMember('Ахметова', 'состоит');
    await page.getByTestId('member-annul').click();
    await expect
      .poll(() => page.getByRole('dialog').last().textContent())
      .toContain('«Принят(а)» от 05.12.2024');
    await page.getByTestId('annul-save-reason').fill('дата решения перепутана');
    await page.getByTestId('annul-save').click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toContain('аннулировано');
    expect((await call(reg, 'reports.membership', {})).total.members).toBe(before.total.members - 1);
    // kept as a record, found under its own status, with nothing left to annul
    await openMember('Ахметова', 'запись аннулирована');
    expect(await page.getByTestId('member-annul').count()).toBe(0);
    await call(reg, 'members.admit', { ...admission, decision: DECISION });
    expect((await reg.db('members').where({ iin: OTHER_IIN }).first()).joined_on).toBe('2024-02-05');
    expect((await call(reg, 'reports.membership', {})).total.members).toBe(before.total.members);
  });

  it('undoes an import from the import screen: the register is what it was before, row for row', async () => {
    const dump = async () =>
      JSON.stringify({
        members: await reg.db('members').orderBy('id'),
        events: await reg.db('member_events').orderBy('id'),
        orgs: await reg.db('orgs').orderBy('id'),
      });
    const before = await dump();
    const file = path.join(tempDir(), 'members.csv');
    fs.writeFileSync(
      file,
      '\ufeffКод ППО;Фамилия;Имя;ИИН;Категория;Дата вступления\r\nP001;Иванова;Ольга;750613444968;врач;01.02.2010\r\n',
    );
    await page.getByTestId('nav-import').click();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('import-check').click();
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('новых 1');
    await page.getByTestId('import-run').click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toContain('Загружено: новых 1');
    expect(await dump()).not.toBe(before);
    await page.getByTestId('import-undo').click();
    await page.getByTestId('restore-reason').fill('загружен не тот файл');
    await screenshot(page, 'corrections-09-undo-import');
    await page.getByTestId('restore-confirm').click();
    await expect
      .poll(() => page.getByTestId('notice').first().textContent(), { timeout: 20_000 })
      .toContain('Реестр восстановлен из копии');
    expect(page.url()).toContain('#/settings');
    expect(await dump()).toBe(before);
  });

  it('a remittance’s payroll lines: one corrected, one deleted after a question and brought back, all in its history', async () => {
    const month = (await call(reg, 'register.info', {})).today.slice(0, 7);
    const r = await call(reg, 'dues.record', {
      orgCode: 'P001',
      month,
      received: '2 000',
      docNo: 'ПП-7',
      lines: [
        { iin: IIN, fullName: 'Өмірзақова Сәуле', withheld: '1 000' },
        { iin: OTHER_IIN, fullName: 'Ахметова Динара', withheld: '1 000' },
      ],
    });
    await page.getByTestId('nav-dues').click();
    await page.getByTestId(`sum-P001-${month}`).click();
    await page.getByTestId('remittance-lines').click();
    const line = (name: string) => page.getByTestId('line-row').filter({ hasText: name });
    await line('Ахметова').getByTestId('line-edit').click();
    await page.getByTestId('line-edit-withheld').fill('900');
    await page.getByTestId('line-save').click();
    await expect.poll(() => line('Ахметова').textContent()).toContain('900,00');
    await line('Өмірзақова').getByTestId('line-delete').click();
    await page.getByTestId('line-delete-confirm').click();
    await expect
      .poll(() => page.getByTestId('undo-notice').textContent())
      .toContain('Строка Өмірзақова Сәуле удалена');
    expect(await reg.db('dues_lines').where({ remittance_id: r.id }).count({ n: '*' })).toEqual([{ n: 1 }]);
    await screenshot(page, 'corrections-10-line-undo');
    await page.getByTestId('undo').click();
    await expect.poll(() => page.getByTestId('undo-done').count()).toBe(1);
    expect(await reg.db('dues_lines').where({ remittance_id: r.id }).count({ n: '*' })).toEqual([{ n: 2 }]);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.getByTestId(`sum-P001-${month}`).click();
    await page.getByTestId('remittance-history').click();
    await expect.poll(() => page.getByTestId('history-dialog').textContent()).toContain('1 000,00 → 900,00');
    expect(await page.getByTestId('history-entry').count()).toBeGreaterThanOrEqual(4);
  });

  it('a remittance is deleted only after a question, and «Отменить» brings it back', async () => {
    const today = (await call(reg, 'register.info', {})).today;
    const month = today.slice(0, 7);
    await call(reg, 'dues.record', {
      orgCode: 'P002',
      month,
      received: '5 000',
      receivedOn: today,
      docNo: 'ПП-9',
    });
    await page.getByTestId('nav-dues').click();
    await page.getByTestId(`sum-P002-${month}`).click();
    await page.getByTestId('dues-delete').click();
    await expect
      .poll(() => page.getByRole('dialog').last().textContent())
      .toContain(`5 000,00 ₸ от ${today.split('-').reverse().join('.')}`);
    await page.getByTestId('dues-delete-confirm').click();
    await expect
      .poll(() => reg.db('dues_remittances').where({ month, doc_no: 'ПП-9' }).count({ n: '*' }))
      .toEqual([{ n: 0 }]);
    await page.getByTestId('dues-undo').click();
    await expect
      .poll(() => reg.db('dues_remittances').where({ month, doc_no: 'ПП-9' }).count({ n: '*' }))
      .toEqual([{ n: 1 }]);
  });

  it('fits 1024×700: the journal and Settings with its backups need no sideways scrolling', async () => {
    await page.setViewportSize({ width: 1024, height: 700 });
    try {
      // evaluated in the page (the tests' TypeScript has no DOM types)
      const overflow = () =>
        page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      for (const screen of ['journal', 'settings']) {
        await page.getByTestId(`nav-${screen}`).click();
        await page.waitForTimeout(300);
        expect({ screen, overflow: await overflow() }).toEqual({ screen, overflow: 0 });
      }
      await page.getByTestId('nav-journal').click();
      await screenshot(page, 'corrections-11-journal-1024');
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
    }
  });

  it('says it all in Kazakh too', async () => {
    await page.getByText('Қазақша').click();
    await expect.poll(() => page.getByTestId('nav-journal').textContent()).toBe('Өзгерістер журналы');
    await page.getByTestId('nav-settings').click();
    await expect.poll(() => page.getByTestId('backups').textContent()).toContain('Сақтық көшірмелер');
    expect(await page.getByTestId('backups').textContent()).toContain('Қазір көшірме жасау');
    await page.getByTestId('nav-members').click();
    await page.getByTestId('member-search').fill('Өмірзақова');
    await expect.poll(() => page.getByTestId('member-row').count()).toBe(1);
    await page.getByTestId('member-row').first().click();
    await expect.poll(() => page.getByTestId('member-correct').textContent()).toBe('Деректерді түзету');
    await page.getByTestId('member-history-open').click();
    await expect
      .poll(() => page.getByTestId('history-dialog').textContent())
      .toContain('Тегі: Омирзакова → Өмірзақова');
    await screenshot(page, 'corrections-08-history-kk');
    await page.keyboard.press('Escape');
    await page.getByText('Русский').click();
  });

  it('stayed free of page errors', () => {
    expect(errors).toEqual([]);
  });
});
