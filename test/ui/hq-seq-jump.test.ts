import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebPreview, type WebPreview } from '../../electron/web/server.ts';
import { entriesOf, forgeWorld, resignedFiles, seal, zipOf, type Forge } from '../node/package-forge.ts';
import { RENDERER, launch, screenshot, watchErrors, whyNoBrowser } from './browser.ts';

const reason = whyNoBrowser();

/**
 * A package numbered far past the last one headquarters accepted (a lost package, or a register copied
 * from another PC): the window refuses it as checked, and merges it only once the person ticks that the
 * branch has confirmed the number, saying that the branch's clock is days off; the members it carries are
 * then listed at headquarters.
 */
describe.skipIf(reason !== null)('a package number past the step, in the window', () => {
  let browser: Browser;
  const opened: Array<{ forge: Forge; preview: WebPreview }> = [];

  beforeAll(async () => {
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    for (const { forge, preview } of opened) {
      await preview.close();
      await forge.close();
    }
  });

  it.each([
    { width: 1024, height: 700 },
    { width: 1366, height: 768 },
  ])('is merged only after headquarters confirms it with the branch ($width×$height)', async (viewport) => {
    const forge = await forgeWorld();
    const jump = await seal(
      forge,
      await zipOf(
        entriesOf(
          await resignedFiles(forge, {}, (m) => {
            m.seq = 30;
            // five days before headquarters' clock (the forge's 15.01.2025 09:00): said, not refused
            m.createdAt = '2025-01-10T09:00:00.000Z';
          }),
        ),
      ),
      'KRG-2024Q4-30',
    );
    const preview = await startWebPreview(forge.hq, { root: RENDERER });
    opened.push({ forge, preview });
    const page = await browser.newPage({ viewport });
    const errors = watchErrors(page);
    await page.goto(preview.url.replace('#/', '#/exchange'));
    await page.getByRole('tab', { name: 'Приём пакетов' }).click();
    await page.locator('input[type=file]').setInputFiles(jump);
    await expect
      .poll(() => page.getByTestId('inspect-results').textContent())
      .toContain('Филиал KRG: пакет № 30, а последний принятый — № 0 (скачок больше 20)');
    expect(await page.getByTestId('packages-merge').isDisabled()).toBe(true);
    // the status reads whole, never «ОТКЛО…»
    const badge = page.getByTestId('inspect-results').locator('.mantine-Badge-label').first();
    expect(await badge.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await screenshot(page, `29-hq-seq-jump-${viewport.width}`);

    await page.getByTestId('confirm-seq-jump').click();
    await expect.poll(() => page.getByTestId('inspect-results').textContent()).toContain('KRG 2024-Q4 № 30');
    expect(await page.getByTestId('inspect-results').textContent()).toContain(
      'Часы филиала, похоже, идут неверно: пакет создан 10.01.2025 14:00, это на 120 ч. расходится с часами ЦС',
    );
    await expect.poll(() => page.getByTestId('packages-merge').isDisabled()).toBe(false);
    expect(await forge.hq.db('hq_members').count({ n: '*' })).toEqual([{ n: 0 }]);
    await page.getByTestId('packages-merge').click();
    await expect.poll(() => page.getByTestId('merge-results').textContent()).toContain('принят');
    expect(await page.getByTestId('confirm-seq-jump').count()).toBe(0);
    expect(await forge.hq.db('hq_members').count({ n: '*' })).toEqual([{ n: 3 }]);

    await page.goto(preview.url.replace('#/', '#/members'));
    await expect.poll(() => page.getByTestId('member-count').textContent()).toBe('Найдено: 3');
    await page.goto(preview.url.replace('#/', '#/orgs'));
    await expect.poll(() => page.getByTestId('org-row').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
