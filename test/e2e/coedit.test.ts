import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createMap } from '../helpers/relay';
import { userContext } from './browser';
import { appHarness } from './harness';

const app = appHarness();

/** The machine running the tests may be busy: waits are generous, never timed assertions. */
const PATIENT = { timeout: 20_000 };
const status = (page: Page) => page.getByTestId('sync-status').getAttribute('data-status');
const shownLabels = (page: Page) =>
  page.locator('[data-testid="factor"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-label') ?? '').sort());

async function addFactorFromToolbar(page: Page, label: string) {
  await page.getByRole('button', { name: 'Ajouter un facteur' }).click();
  const editor = page.getByRole('textbox', { name: 'Nom du facteur' });
  await editor.fill(label);
  await editor.press('Enter');
  await expect.poll(() => page.locator(`[data-label="${label}"]`).count(), PATIENT).toBe(1);
}

async function openAs(name: string, url: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await userContext(app.browser, { name });
  const page = await context.newPage();
  await page.goto(url);
  await expect.poll(() => status(page), PATIENT).toBe('online');
  return { context, page };
}

describe('co-editing', () => {
  it('two people edit together; one drops off the network, edits, comes back, and both end with the same map', async () => {
    const map = await createMap(app.relay, 'Atelier à deux');
    const url = `http://localhost:${app.relay.port}${map.editUrl}`;
    const awa = await openAs('Awa', url);
    const moussa = await openAs('Moussa', url);

    await addFactorFromToolbar(awa.page, 'Sécheresse');
    await expect.poll(() => shownLabels(moussa.page), PATIENT).toEqual(['Sécheresse']);

    await moussa.context.setOffline(true);
    await expect.poll(() => status(moussa.page), PATIENT).toBe('offline');
    await addFactorFromToolbar(moussa.page, 'Conflits agriculteurs-éleveurs');
    await addFactorFromToolbar(awa.page, 'Exode des jeunes');

    await moussa.context.setOffline(false);
    await expect.poll(() => status(moussa.page), PATIENT).toBe('online');
    const all = ['Conflits agriculteurs-éleveurs', 'Exode des jeunes', 'Sécheresse'];
    await expect.poll(() => shownLabels(moussa.page), PATIENT).toEqual(all);
    await expect.poll(() => shownLabels(awa.page), PATIENT).toEqual(all);

    await awa.context.close();
    await moussa.context.close();
  });
});
