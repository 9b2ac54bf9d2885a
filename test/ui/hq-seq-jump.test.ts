import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebPreview, type WebPreview } from '../../electron/web/server.ts';
import { entriesOf, forgeWorld, resignedFiles, seal, zipOf, type Forge } from '../node/package-forge.ts';
import { RENDERER, launch, screenshot, watchErrors, whyNoBrowser } from './browser.ts';

const reason = whyNoBrowser();

/**
 * A package numbered far past the last one headquarters accepted (a lost package, or a register copied
 * from another PC): the window refuses it as checked, and merges it only once the person ticks that the
 * branch has confirmed the number; the members it carries are then listed at headquarters.
 */
describe.skipIf(reason !== null)('a package number past the step, in the window', () => {
  let forge: Forge;
  let preview: WebPreview;
  let browser: Browser;
  let jump: string;

  beforeAll(async () => {
    forge = await forgeWorld();
    jump = await seal(
      forge,
      await zipOf(entriesOf(await resignedFiles(forge, {}, (m) => (m.seq = 30)))),
      'KRG-2024Q4-30',
    );
    preview = await startWebPreview(forge.hq, { root: RENDERER });
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
    await forge?.close();
  });

  it('is merged only after headquarters confirms it with the branch', async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 700 } });
    const errors = watchErrors(page);
    await page.goto(preview.url.replace('#/', '#/exchange'));
    await page.getByRole('tab', { name: 'Приём пакетов' }).click();
    await page.locator('input[type=file]').setInputFiles(jump);
    await expect
      .poll(() => page.getByTestId('inspect-results').textContent())
      .toContain('Филиал KRG: пакет № 30, а последний принятый — № 0 (скачок больше 20)');
    expect(await page.getByTestId('packages-merge').isDisabled()).toBe(true);
    await screenshot(page, '29-hq-seq-jump');

    await page.getByTestId('confirm-seq-jump').click();
    await expect.poll(() => page.getByTestId('inspect-results').textContent()).toContain('KRG 2024-Q4 № 30');
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
