import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeRegister, initRegister } from '../../electron/core/db/init.ts';
import type { Register } from '../../electron/core/register.ts';
import { call } from '../../electron/core/service.ts';
import { startWebPreview, type WebPreview } from '../../electron/web/server.ts';
import { DECISION } from '../node/helpers.ts';
import { RENDERER, choose, launch, screenshot, watchErrors, whyNoBrowser } from './browser.ts';

const reason = whyNoBrowser();

/** A branch exports its quarter from the window; headquarters accepts it from the window. */
describe.skipIf(reason !== null)('quarterly exchange in the browser', () => {
  let dir: string;
  let hq: Register;
  let branch: Register;
  let browser: Browser;
  const previews: WebPreview[] = [];
  let errors: string[] = [];

  async function open(reg: Register): Promise<Page> {
    const preview = await startWebPreview(reg, { root: RENDERER });
    previews.push(preview);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    errors = watchErrors(page);
    await page.goto(preview.url.replace('#/', '#/exchange'));
    return page;
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aqniet-ui-exchange-'));
    fs.mkdirSync(path.join(dir, 'hq'));
    fs.mkdirSync(path.join(dir, 'krg'));
    hq = await initRegister(path.join(dir, 'hq', 'hq.sqlite'), {
      kind: 'hq',
      code: 'HQ',
      name: 'Центральный совет',
    });
    branch = await initRegister(path.join(dir, 'krg', 'branch.sqlite'), {
      kind: 'branch',
      code: 'KRG',
      name: 'Карагандинский филиал',
    });
    await call(hq, 'hqKey.init', {});
    await call(branch, 'orgs.create', { code: 'P001', name: 'ППО' });
    await call(branch, 'members.admit', {
      orgCode: 'P001',
      surname: 'Иванова',
      givenName: 'Ольга',
      iin: '850525446560',
      category: 'nursing',
      applicationDate: '2024-02-01',
      decision: DECISION,
    });
    await call(branch, 'dues.record', {
      orgCode: 'P001',
      month: `${new Date().getFullYear() - 1}-11`,
      received: '3 500',
      payroll: '350 000',
      docNo: 'ПП-7',
    });
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    for (const p of previews) await p.close();
    for (const reg of [hq, branch]) if (reg) await closeRegister(reg);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the branch creates its key, takes the HQ recipient and exports a quarter', async () => {
    const page = await open(branch);
    await page.getByTestId('key-create').click();
    await expect
      .poll(() => page.getByTestId('key-fingerprint').textContent())
      .toMatch(/[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}/);
    const recipient = (await call(hq, 'keys.info', {})).hqRecipient!;
    await page.getByTestId('recipient-input').fill(recipient);
    await page.getByTestId('recipient-save').click();
    const last = new Date().getFullYear() - 1;
    await choose(page, 'export-quarter', `${last}Q4`);
    await page.getByTestId('export-run').click();
    await expect
      .poll(() => page.getByTestId('notice').textContent())
      .toContain(`Пакет № 1 за ${last}-Q4 сохранён`);
    expect(fs.existsSync(path.join(dir, 'krg', 'exports', `KRG-${last}Q4-1.aqpkg`))).toBe(true);
    await expect.poll(() => page.getByTestId('export-history').textContent()).toContain(`№ 1${last}-Q4`);
    await expect.poll(() => page.getByTestId('export-preview').textContent()).toContain('пакет № 2');
    await screenshot(page, '20-branch-export');
    expect(errors).toEqual([]);
  });

  it('headquarters registers the branch key, checks the package, merges it, then sees it as already accepted', async () => {
    await call(branch, 'keys.exportPublic', { out: path.join(dir, 'KRG.pub') });
    const page = await open(hq);
    await page.getByTestId('tab-keys').click();
    await page.getByTestId('trust-branch').fill('krg');
    await page.locator('input[type=file]').setInputFiles(path.join(dir, 'KRG.pub'));
    await page.getByTestId('trust-save').click();
    const fingerprint = (await call(branch, 'keys.info', {})).signing!.fingerprint;
    await expect.poll(() => page.getByTestId('notice').textContent()).toContain(fingerprint);
    await expect.poll(() => page.getByTestId('trusted-keys').textContent()).toContain(`KRG${fingerprint}`);
    await screenshot(page, '22-hq-keys');

    await page.getByRole('tab', { name: 'Приём пакетов' }).click();
    const last = new Date().getFullYear() - 1;
    const pkg = path.join(dir, 'krg', 'exports', `KRG-${last}Q4-1.aqpkg`);
    // dropped onto the screen, as from an e-mail attachment or a USB stick
    await page.evaluate(`(() => {
      const bytes = Uint8Array.from(atob('${fs.readFileSync(pkg).toString('base64')}'), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], '${path.basename(pkg)}'));
      document.querySelector('[data-testid=packages-drop]').dispatchEvent(
        new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
      );
    })()`);
    // checked first: shown with what it would add, nothing written yet
    await expect.poll(() => page.getByTestId('inspect-results').textContent()).toContain('проверен');
    expect(await page.getByTestId('inspect-results').textContent()).toContain('Члены профсоюза: +1 ~0 −0');
    expect(await hq.db('hq_members').count({ n: '*' })).toEqual([{ n: 0 }]);
    await page.getByTestId('packages-merge').click();
    await expect.poll(() => page.getByTestId('merge-results').textContent()).toContain('принят');
    await expect
      .poll(() => page.getByTestId(`cell-KRG-${last}-Q4`).getAttribute('data-state'))
      .toBe('received');
    expect(await page.getByTestId(`cell-KRG-${last}-Q4`).textContent()).toBe('№ 1');
    expect(await hq.db('hq_members').count({ n: '*' })).toEqual([{ n: 1 }]);
    await screenshot(page, '21-hq-packages');

    await page.locator('input[type=file]').setInputFiles(pkg);
    await expect.poll(() => page.getByTestId('inspect-results').textContent()).toContain('уже принят ранее');
    expect(await page.getByTestId('packages-merge').isDisabled()).toBe(true);

    // a union-wide report, narrowed to one branch, printed from headquarters
    const print = await browser.newPage();
    await print.goto(previews.at(-1)!.url.replace('#/', '#/print/membership?branch=KRG'));
    await print.waitForSelector('[data-testid=print-page][data-ready=yes]');
    expect(await print.getByTestId('print-page').textContent()).toContain('Филиал KRG');
    expect(await print.locator('tr.total').first().textContent()).toMatch(/ИТОГО\s*1/);
    await print.close();

    // the dashboard at headquarters: the whole union, or one branch
    const board = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await board.goto(previews.at(-1)!.url);
    await expect.poll(() => board.getByTestId('stat-members').textContent()).toBe('1');
    await expect.poll(() => board.getByTestId('chart-branches').count()).toBe(1);
    await choose(board, 'dashboard-branch', 'KRG');
    await expect.poll(() => board.getByTestId('stat-members').textContent()).toBe('1');
    expect(await board.getByTestId('print-links').locator('a').first().getAttribute('href')).toBe(
      '#/print/membership?branch=KRG',
    );
    expect(await board.getByTestId('chart-branches').count()).toBe(0); // per-branch chart only union-wide
    // a report over a range of dates, picked on the dashboard, printed
    await board.getByTestId('period-kind').getByText('Период').click();
    await board.getByTestId('period-from').fill('01.11.2021');
    await board.getByTestId('period-to').fill(`31.12.${last}`);
    expect(await board.getByTestId('print-appeals').getAttribute('href')).toBe(
      `#/print/appeals?from=2021-11-01&to=${last}-12-31&branch=KRG`,
    );
    await board.getByTestId('print-dues').click();
    await board.waitForSelector('[data-testid=print-page][data-ready=yes]');
    expect(await board.locator('h1').textContent()).toBe(
      `Членские взносы и полнота сбора за период с 01.11.2021 по 31.12.${last}`,
    );
    expect(await board.locator('tr.total').first().textContent()).toContain('3 500');
    await board.close();

    // the union's annual report, printed
    const annual = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    await annual.goto(previews.at(-1)!.url.replace('#/', `#/print/annual/${last}`));
    await annual.waitForSelector('[data-testid=print-page][data-ready=yes]');
    expect(await annual.locator('h1').textContent()).toBe(`Годовой отчёт за ${last} год`);
    expect(await annual.getByTestId('annual-members').locator('tr').nth(1).textContent()).toBe('KRG110—'); // PPOs, members, employees (not given), density
    expect(await annual.getByTestId('annual-dues').textContent()).toContain('3 500');
    expect(await annual.getByTestId('annual-legal').textContent()).toContain('0 членам Профсоюза');
    await screenshot(annual, '26-hq-annual');
    await annual.close();

    // headquarters' own screens list what was merged, union-wide and per branch, read-only
    const screens = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const screenErrors = watchErrors(screens);
    await screens.goto(previews.at(-1)!.url.replace('#/', '#/members'));
    await expect.poll(() => screens.getByTestId('member-count').textContent()).toBe('Найдено: 1');
    expect(await screens.getByTestId('member-row').textContent()).toContain('KRG/P001');
    expect(await screens.getByTestId('member-admit').count()).toBe(0);
    await choose(screens, 'hq-branch', 'KRG');
    await expect.poll(() => screens.getByTestId('member-count').textContent()).toBe('Найдено: 1');
    await screens.getByTestId('member-row').click();
    await expect.poll(() => screens.getByTestId('member-branches').textContent()).toContain('KRGP001');
    expect(await screens.getByTestId('member-exit').count()).toBe(0);
    await screenshot(screens, '23-hq-members');
    await screens.keyboard.press('Escape');
    await screens.goto(previews.at(-1)!.url.replace('#/', '#/orgs'));
    await expect.poll(() => screens.getByTestId('org-row').count()).toBe(1);
    expect(await screens.getByTestId('org-create').count()).toBe(0);
    await screens.getByTestId('org-row').click();
    await expect.poll(() => screens.getByTestId('org-card').textContent()).toContain('P001 — ППО');
    await expect.poll(() => screens.getByTestId('org-card').textContent()).toContain('Иванова');
    await screenshot(screens, '24-hq-orgs');
    await screens.goto(previews.at(-1)!.url.replace('#/', '#/dues'));
    await screens.getByLabel('Год').fill(String(last));
    await expect.poll(() => screens.getByTestId('hq-dues-count').textContent()).toBe('Поступлений: 1');
    expect(await screens.getByTestId('hq-dues-row').textContent()).toContain('ПП-7');
    expect(await screens.getByTestId('hq-dues-total').textContent()).toContain('полнота сбора 100,0 %');
    await screenshot(screens, '25-hq-dues');
    expect(screenErrors).toEqual([]);
    await screens.close();

    await page.getByTestId('tab-log').click();
    await expect.poll(() => page.getByTestId('import-log').textContent()).toContain(`KRG${last}-Q4№ 1`);
    await page.getByTestId('tab-keys').click();
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('revoke-KRG').click();
    await expect.poll(() => page.getByTestId('trusted-keys').textContent()).toContain('отозван');
    expect(errors).toEqual([]);
  });

  it('headquarters signs a receipt and a directive; the branch takes both and its history says «принят ЦС»', async () => {
    const next = new Date().getFullYear() + 1;
    await call(hq, 'rates.set', {
      validFrom: `${next}-01-01`,
      ratePercent: '1',
      sharePpoPercent: '50',
      shareBranchPercent: '30',
      shareCentralPercent: '20',
    });
    const page = await open(hq);
    const download = async (testId: string, name: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
      const target = path.join(dir, name);
      await file.saveAs(target);
      return target;
    };
    await page.getByTestId('tab-signed').click();
    await page.getByTestId('hq-signing-create').click();
    await expect.poll(() => page.getByTestId('hq-signing-fingerprint').textContent()).toMatch(/[0-9A-F]{4}-/);
    const pub = await download('hq-signing-save', 'HQ.pub');
    const directive = await download(`directive-${next}-01-01`, 'rate.directive');
    await screenshot(page, '27-hq-signed');
    await page.getByTestId('tab-log').click();
    const receipt = await download('receipt-KRG-1', 'KRG.receipt');
    expect(errors).toEqual([]);

    const at = await open(branch);
    const choose = async (testId: string, file: string) => {
      const [chooser] = await Promise.all([at.waitForEvent('filechooser'), at.getByTestId(testId).click()]);
      await chooser.setFiles(file);
    };
    await choose('hq-signing-file', pub);
    const fingerprint = (await call(hq, 'keys.info', {})).signing!.fingerprint;
    await expect.poll(() => at.getByTestId('hq-signing-known').textContent()).toContain(fingerprint);
    await choose('from-hq-file', receipt);
    await expect
      .poll(() => at.getByTestId('notice').last().textContent())
      .toContain('Квитанция принята: пакет № 1');
    const today = new Date().toISOString().slice(0, 10).split('-').reverse().join('.');
    await expect.poll(() => at.getByTestId('accepted-1').textContent()).toBe(`принят ЦС ${today}`);
    await choose('from-hq-file', directive);
    await expect
      .poll(() => at.getByTestId('notice').last().textContent())
      .toBe(`Распоряжение применено: ставка и доли действуют с 01.01.${next}`);
    expect(await at.getByTestId('directives-applied').textContent()).toContain(`01.01.${next}`);
    expect((await call(branch, 'rates.list', {})).at(-1)).toMatchObject({ shareCentralBp: 2000 });
    await screenshot(at, '28-branch-from-hq');
    expect(errors).toEqual([]);
  });
});
