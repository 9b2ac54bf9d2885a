import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeRegister, initRegister } from '../../electron/core/db/init.ts';
import { makeIin } from '../../electron/core/ids/iin.ts';
import type { Register } from '../../electron/core/register.ts';
import { call } from '../../electron/core/service.ts';
import { startWebPreview, type WebPreview } from '../../electron/web/server.ts';
import { DECISION, tempDir } from '../node/helpers.ts';
import { RENDERER, SCREENSHOTS, launch, watchErrors, whyNoBrowser } from './browser.ts';

const reason = whyNoBrowser();
if (reason) console.warn(`browser tests skipped: ${reason}`);

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1366, height: 768 },
];
const LANGUAGES = ['ru', 'kk'] as const;
const BRANCH_SCREENS = [
  'dashboard',
  'orgs',
  'members',
  'dues',
  'appeals',
  'import',
  'exchange',
  'journal',
  'settings',
];

/**
 * What a page shows that a person could not read or reach: the page scrolling sideways, and badges or
 * buttons whose text is cut (wider than their box) or that stick out of the window. Run in the page.
 */
const FIT_CHECK = `(() => {
  const problems = [];
  const root = document.scrollingElement;
  if (root.scrollWidth > root.clientWidth + 1)
    problems.push('the page scrolls sideways: ' + root.scrollWidth + ' > ' + root.clientWidth);
  const width = document.documentElement.clientWidth;
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  // inside a box that scrolls by itself (the dues grid), sticking out to the side is what the box is for
  const inScroller = (el) => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if ((o === 'auto' || o === 'scroll') && p !== document.scrollingElement) return true;
    }
    return false;
  };
  for (const el of document.querySelectorAll('.mantine-Badge-label, .mantine-Button-label, .mantine-NavLink-label')) {
    if (!visible(el)) continue;
    const text = el.textContent.trim();
    if (!text) continue;
    if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 2)
      problems.push('cut: «' + text + '» (' + el.scrollWidth + ' > ' + el.clientWidth + ')');
    const r = el.getBoundingClientRect();
    if (!inScroller(el) && r.right > width + 1) problems.push('outside the window: «' + text + '»');
  }
  // chart axes print numbers as the tables do: «1 800», «16 млн», never «16000000»
  for (const tick of document.querySelectorAll('.recharts-cartesian-axis-tick-value')) {
    if (/\\d{4,}/.test(tick.textContent)) problems.push('axis number without separators: ' + tick.textContent);
  }
  // list rows: no cell runs into the next one or spills out of its row
  for (const row of document.querySelectorAll('[data-testid="member-row"]')) {
    const cells = [...row.children];
    const rowBox = row.getBoundingClientRect();
    cells.forEach((cell, i) => {
      const r = cell.getBoundingClientRect();
      const next = cells[i + 1]?.getBoundingClientRect();
      if (cell.scrollWidth > cell.clientWidth + 1 && !cell.title)
        problems.push('member row: «' + cell.textContent + '» cut without its title');
      if (next && r.right > next.left + 1) problems.push('member row: «' + cell.textContent + '» runs into the next cell');
      if (r.top < rowBox.top - 1 || r.bottom > rowBox.bottom + 1)
        problems.push('member row: «' + cell.textContent + '» spills out of its row');
    });
  }
  return problems;
})()`;

/**
 * Every screen at the office laptop's sizes (1024×700, 1366×768) in Russian and Kazakh: nothing scrolls
 * sideways, no badge or button text is cut, and a screenshot of each is kept under test-output/screens.
 */
describe.skipIf(reason !== null)('screens that fit a small laptop', () => {
  let branch: Register;
  let hq: Register;
  let previews: WebPreview[] = [];
  let browser: Browser;
  const year = new Date(Date.now() + 5 * 3600 * 1000).getUTCFullYear() - 1;

  beforeAll(async () => {
    const dir = tempDir();
    branch = await initRegister(path.join(dir, 'branch.sqlite'), {
      kind: 'branch',
      code: 'SKO',
      name: 'Северо-Казахстанский областной филиал',
    });
    hq = await initRegister(path.join(dir, 'hq.sqlite'), {
      kind: 'hq',
      code: 'HQ',
      name: 'Центральный совет',
    });
    const orgs = [
      ['P001', 'ППО КГП на ПХВ «Областная многопрофильная больница имени Шокана Уалиханова»', 'Облбольница'],
      ['P002', 'ППО ГКП «Городская поликлиника № 3»', 'Поликлиника № 3'],
      ['P003', 'ППО Высшего медицинского колледжа', 'Медколледж'],
    ] as const;
    for (const [code, name, shortName] of orgs)
      await call(branch, 'orgs.create', {
        code,
        name,
        shortName,
        headcount: 1250,
        bin: code === 'P001' ? '050540464008' : undefined,
      });
    const people = [
      ['Өмірзақова', 'Сәуле', 'Ерланқызы', 'female'],
      ['Константинопольский', 'Александр', 'Владимирович', 'male'],
      ['Жұмабаева-Ким', 'Гүлнұр', null, 'female'],
    ] as const;
    let serial = 1;
    for (const [surname, givenName, patronymic, sex] of people)
      await call(branch, 'members.admit', {
        orgCode: 'P001',
        surname,
        givenName,
        patronymic: patronymic ?? undefined,
        iin: makeIin('1985-05-25', sex, serial++),
        category: 'nursing',
        position: 'медицинская сестра отделения анестезиологии и реанимации',
        applicationDate: '2024-02-01',
        decision: DECISION,
      });
    for (const month of ['01', '02', '03', '04'])
      await call(branch, 'dues.record', {
        orgCode: 'P001',
        month: `${year}-${month}`,
        received: '1234567,89',
        payroll: '123456789',
      });
    await call(branch, 'quarters.close', { quarter: `${year}Q1` });
    // this year's January too: the screens open on the current year
    await call(branch, 'dues.record', { orgCode: 'P002', month: `${year + 1}-01`, received: '70803' });
    for (const [i, category] of (['wages', 'recreation', 'legal'] as const).entries()) {
      const a = await call(branch, 'appeals.add', {
        receivedOn: `${year + 1}-01-0${i + 1}`,
        channel: 'written',
        applicant: 'Әбдірахманова Гүлжан Сейітқызы',
        orgCode: 'P001',
        category,
        summary: 'О перерасчёте заработной платы за сверхурочную работу',
        onControl: i === 0,
      });
      if (i === 1)
        await call(branch, 'appeals.close', {
          year: a.year,
          regNo: a.regNo,
          closedOn: `${year + 1}-01-05`,
          economicEffect: '16000000',
        });
    }
    for (const reg of [branch, hq]) previews.push(await startWebPreview(reg, { root: RENDERER }));
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    for (const p of previews) await p.close();
    previews = [];
    if (branch) await closeRegister(branch);
    if (hq) await closeRegister(hq);
  });

  async function open(preview: WebPreview, size: (typeof SIZES)[number], language: string) {
    const page = await browser.newPage({ viewport: size });
    const errors = watchErrors(page);
    await page.goto(preview.url);
    await page.evaluate(`localStorage.setItem('aqniet.language', '${language}')`);
    await page.reload();
    return { page, errors };
  }

  async function visit(page: Page, route: string, name: string): Promise<string[]> {
    await page.evaluate(`location.hash = '#/${route === 'dashboard' ? '' : route}'`);
    await page.getByTestId(`nav-${route}`).waitFor();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300); // charts lay themselves out after their data arrives
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
    const problems = (await page.evaluate(FIT_CHECK)) as string[];
    // placeholders follow the UI language too: no Russian «дд.мм.гггг» in a Kazakh window
    if (name.startsWith('kk-'))
      for (const text of (await page.evaluate(
        `[...document.querySelectorAll('input[placeholder]')].map((i) => i.placeholder)`,
      )) as string[])
        if (/гггг/.test(text)) problems.push(`Russian placeholder in Kazakh: ${text}`);
    return problems.map((p) => `${name}: ${p}`);
  }

  for (const language of LANGUAGES)
    for (const size of SIZES)
      it(`every branch screen fits at ${size.width}×${size.height} in ${language}`, async () => {
        const { page, errors } = await open(previews[0]!, size, language);
        expect(await page.evaluate('document.documentElement.lang')).toBe(language);
        const problems: string[] = [];
        for (const route of BRANCH_SCREENS)
          problems.push(...(await visit(page, route, `${language}-${size.width}-${route}`)));
        // the cards that open over a list
        await page.evaluate(`location.hash = '#/members'`);
        await page.getByTestId('member-row').first().click();
        await page.waitForTimeout(300);
        problems.push(...(await visit(page, 'members', `${language}-${size.width}-member-card`)));
        await page.keyboard.press('Escape');
        await page.evaluate(`location.hash = '#/orgs'`);
        await page.getByTestId('org-row').first().click();
        await page.waitForTimeout(300);
        problems.push(...(await visit(page, 'orgs', `${language}-${size.width}-org-card`)));
        expect(problems).toEqual([]);
        expect(errors).toEqual([]);
        await page.close();
      });

  it('collapses the sidebar and keeps it collapsed after a reload', async () => {
    const { page } = await open(previews[0]!, SIZES[0]!, 'ru');
    const title = page.locator('.mantine-AppShell-main h3');
    const left = (await title.boundingBox())!.x;
    await page.getByTestId('nav-toggle').click();
    await expect.poll(async () => (await title.boundingBox())!.x).toBeLessThan(left - 150);
    await page.reload();
    const navbar = page.getByTestId('navbar');
    const right = async () => {
      const box = (await navbar.boundingBox())!;
      return box.x + box.width;
    };
    await expect.poll(right).toBeLessThanOrEqual(0); // slid out of the window
    await page.getByTestId('nav-toggle').click();
    await expect.poll(right).toBeGreaterThan(150);
    await page.close();
  });

  it('at headquarters shows what headquarters does: no branch-only screen or action', async () => {
    for (const size of SIZES) {
      const { page, errors } = await open(previews[1]!, size, 'ru');
      await page.getByTestId('nav-dashboard').waitFor();
      expect(await page.getByTestId('nav-import').count()).toBe(0);
      const problems: string[] = [];
      for (const route of BRANCH_SCREENS.filter((r) => r !== 'import')) {
        problems.push(...(await visit(page, route, `hq-${size.width}-${route}`)));
        for (const action of [
          'org-create',
          'member-admit',
          'appeal-register',
          'quarter-close',
          'remittance-new',
        ])
          expect(await page.getByTestId(action).count(), `${action} on ${route}`).toBe(0);
      }
      expect(problems).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
