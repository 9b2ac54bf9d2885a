import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeRegister, initRegister } from '../../electron/core/db/init.ts';
import { makeIin } from '../../electron/core/ids/iin.ts';
import type { Register } from '../../electron/core/register.ts';
import { call } from '../../electron/core/service.ts';
import { startWebPreview, type WebPreview } from '../../electron/web/server.ts';
import { DECISION, tempDir } from '../node/helpers.ts';
import { RENDERER, launch, screenshot, watchErrors, whyNoBrowser } from './browser.ts';

const reason = whyNoBrowser();
if (reason) console.warn(`browser tests skipped: ${reason}`);

/**
 * The keys Help lists, and search as people type it on a Russian keyboard (ә→а, қ→к, ө→о…, any case,
 * words in any order) in the PPO pickers and the appeals journal.
 */
describe.skipIf(reason !== null)('keys and search in the browser', () => {
  let reg: Register;
  let preview: WebPreview;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const year = new Date(Date.now() + 5 * 3600 * 1000).getUTCFullYear();
  const focusedTestId = () => page.evaluate<string>(`document.activeElement?.dataset.testid ?? ''`);

  beforeAll(async () => {
    reg = await initRegister(path.join(tempDir(), 'branch.sqlite'), {
      kind: 'branch',
      code: 'KRG',
      name: 'Карагандинский областной филиал',
    });
    await call(reg, 'orgs.create', {
      code: 'P001',
      name: 'ППО Областной больницы',
      shortName: 'Облбольница',
    });
    await call(reg, 'orgs.create', {
      code: 'P002',
      name: 'ППО «Қарағанды өңірлік медициналық колледжі»',
      shortName: 'Медколледж',
      bin: '050540464008',
    });
    await call(reg, 'members.admit', {
      orgCode: 'P001',
      surname: 'Өмірзақова',
      givenName: 'Сәуле',
      iin: makeIin('1985-05-25', 'female', 3),
      category: 'nursing',
      applicationDate: '2024-02-01',
      decision: DECISION,
    });
    for (const [day, applicant] of [
      ['02', 'Ғалымжанов Нұрлан'],
      ['05', 'Иванова Ольга'],
      ['03', 'Әбдірахманова Гүлжан'],
    ] as const)
      await call(reg, 'appeals.add', {
        receivedOn: `${year}-01-${day}`,
        channel: 'written',
        applicant,
        category: 'wages',
      });
    preview = await startWebPreview(reg, { root: RENDERER });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1024, height: 700 } });
    errors = watchErrors(page);
  });

  beforeEach(async () => {
    await page.goto('about:blank');
    await page.goto(preview.url);
    await page.getByTestId('nav-dashboard').waitFor();
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail')
      await screenshot(page, `failed-keys-${ctx.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
    if (reg) await closeRegister(reg);
  });

  it('Ctrl+F goes to the screen’s search, Ctrl+N opens its «new» form, Esc closes it, asking when changed', async () => {
    await page.getByTestId('nav-members').click();
    await page.getByTestId('member-count').waitFor();
    await page.keyboard.press('Control+KeyF');
    await expect.poll(focusedTestId).toBe('member-search');
    await page.keyboard.type('сауле омир'); // typed on a Russian keyboard, words in another order
    await expect.poll(() => page.getByTestId('member-row').allTextContents()).toHaveLength(1);
    expect(await page.getByTestId('member-row').first().textContent()).toContain('Өмірзақова Сәуле');

    // Enter opens the selected row
    await page.getByTestId('member-row').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('member-card').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('member-card').count()).toBe(0);

    await page.getByTestId('nav-orgs').click();
    await page.getByTestId('orgs-table').waitFor();
    await page.keyboard.press('Control+KeyN');
    await expect.poll(() => page.getByTestId('org-code').count()).toBe(1);
    await page.keyboard.press('Escape'); // nothing typed: closes without a question
    await expect.poll(() => page.getByTestId('org-code').count()).toBe(0);
    await expect.poll(() => page.locator('[role="dialog"]').count()).toBe(0); // no key fires over a dialog
    await page.keyboard.press('Control+KeyN');
    await page.getByTestId('org-code').fill('P003');
    let asked = '';
    page.once('dialog', (d) => {
      asked = d.message();
      void d.dismiss();
    });
    await page.keyboard.press('Escape');
    await expect.poll(() => asked).toContain('Закрыть форму?');
    expect(await page.getByTestId('org-code').count()).toBe(1); // kept, since the question was declined
  });

  it('Help lists the keys (F1 or «Клавиши»)', async () => {
    await page.keyboard.press('F1');
    const keys = page.getByTestId('help-keys');
    await expect.poll(() => keys.textContent()).toContain('Ctrl+F');
    const text = (await keys.textContent()) ?? '';
    for (const k of ['Ctrl+N', 'Enter', 'Esc', 'Tab']) expect(text).toContain(k);
    expect(text).toContain('Перейти к поиску на экране');
    await screenshot(page, 'keys-help');
  });

  it('finds a PPO in every picker by code, name, short name or BIN, folded', async () => {
    await page.getByTestId('nav-dues').click();
    await page.getByTestId('remittance-new').click();
    const picker = page.getByTestId('remittance-org');
    for (const [typed, found] of [
      ['караганды', 'P002'], // Қарағанды typed without Kazakh letters
      ['ӨҢІРЛІК колледж', 'P002'],
      ['0505404', 'P002'], // BIN
      ['облбол', 'P001'],
    ] as const) {
      await picker.fill(typed);
      await expect
        .poll(() => page.getByRole('option').allTextContents(), { message: typed })
        .toEqual([expect.stringContaining(found)]);
    }
  });

  it('searches the appeals journal folded and sorts it by date either way', async () => {
    await page.getByTestId('nav-appeals').click();
    const rows = () => page.getByTestId('appeal-row').allTextContents();
    await expect.poll(async () => (await rows()).length).toBe(3);
    // newest first
    expect((await rows()).map((r) => r.match(/\d{2}\.01\.\d{4}/)?.[0].slice(0, 2))).toEqual([
      '05',
      '03',
      '02',
    ]);
    await page.getByTestId('appeal-sort-date').click();
    expect((await rows()).map((r) => r.match(/\d{2}\.01\.\d{4}/)?.[0].slice(0, 2))).toEqual([
      '02',
      '03',
      '05',
    ]);
    await page.keyboard.press('Control+KeyF');
    await expect.poll(focusedTestId).toBe('appeal-search');
    await page.keyboard.type('гулжан абдирахманова');
    await expect.poll(rows).toEqual([expect.stringContaining('Әбдірахманова Гүлжан')]);
    expect(errors).toEqual([]);
  });
});
