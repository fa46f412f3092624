import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createMap, type CreatedMap } from '../helpers/relay';
import { userContext } from './browser';
import { appHarness } from './harness';

const app = appHarness();

/** The machine running the tests may be busy: waits are generous, never timed assertions. */
const PATIENT = { timeout: 20_000 };
const status = (page: Page) => page.getByTestId('sync-status').getAttribute('data-status');
const factor = (page: Page, label: string) => page.locator(`[data-testid="factor"][data-label="${label}"]`);
const labels = (page: Page) =>
  page.locator('[data-testid="factor"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-label') ?? '').sort());

async function openAs(name: string, url: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await userContext(app.browser, { name });
  const page = await context.newPage();
  await page.goto(url);
  await expect.poll(() => status(page), PATIENT).toBe('online');
  return { context, page };
}

async function addFactorFromToolbar(page: Page, label: string) {
  await page.getByRole('button', { name: 'Ajouter un facteur' }).click();
  const editor = page.getByRole('textbox', { name: 'Nom du facteur' });
  await editor.fill(label);
  await editor.press('Enter');
  await expect.poll(() => factor(page, label).count(), PATIENT).toBe(1);
}

async function rename(page: Page, from: string, to: string) {
  await factor(page, from).click();
  await page.keyboard.press('F2');
  const editor = page.getByRole('textbox', { name: 'Nom du facteur' });
  await editor.fill(to);
  await editor.press('Enter');
  await expect.poll(() => factor(page, to).count(), PATIENT).toBe(1);
}

/** The comparison colours as the browser computed them on a factor's box. */
const boxStyle = (page: Page, label: string) =>
  factor(page, label).evaluate((el) => {
    const s = getComputedStyle(el);
    return { border: s.borderTopColor, dashed: s.borderTopStyle === 'dashed' };
  });

async function maliMap(): Promise<CreatedMap> {
  const csv = readFileSync(join(import.meta.dirname, '../fixtures/mali-centre-links.csv'), 'utf8');
  const r = await fetch(`${app.relay.url}/api/maps`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv });
  expect(r.status).toBe(201);
  return (await r.json()) as CreatedMap;
}

describe('action-research cycles', () => {
  it('saves "Cycle 1", the map changes, and the comparison highlights what was added and removed', async () => {
    const map = await maliMap();
    const { context, page } = await openAs('Aminata', `http://localhost:${app.relay.port}${map.editUrl}`);
    await expect.poll(() => labels(page).then((l) => l.length), PATIENT).toBe(30);

    await page.getByTestId('open-cycles').click();
    await expect.poll(() => page.getByTestId('cycles-panel').textContent(), PATIENT).toContain('Aucun état enregistré pour l’instant');
    await page.getByTestId('snapshot-name').fill('Cycle 1');
    await page.getByTestId('snapshot-save').click();
    await expect.poll(() => page.getByTestId('cycles-notice').textContent(), PATIENT).toContain('« Cycle 1 » est enregistré');
    await expect.poll(() => page.getByTestId('snapshot-row').count(), PATIENT).toBe(1);
    await expect.poll(() => page.getByTestId('snapshot-row').textContent()).toContain('par Aminata');
    // The next name offered counts the cycles.
    await expect.poll(() => page.getByTestId('snapshot-name').inputValue()).toMatch(/^Cycle 2 — /);

    await addFactorFromToolbar(page, 'Orpaillage artisanal');
    await factor(page, 'Fermeture des écoles').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => factor(page, 'Fermeture des écoles').count(), PATIENT).toBe(0);

    await page.getByTestId('compare-now').click();
    await expect.poll(() => page.getByTestId('cycles-banner').textContent(), PATIENT).toContain('« Cycle 1 » → « Maintenant »');
    await expect.poll(() => page.getByTestId('cycles-legend').textContent()).toContain('Ajouté');
    // The removed factor is back on the canvas, dashed slate (not a negative link's red); the added one is green.
    await expect.poll(() => factor(page, 'Fermeture des écoles').count(), PATIENT).toBe(1);
    await expect.poll(() => boxStyle(page, 'Fermeture des écoles'), PATIENT).toEqual({ border: 'rgb(84, 110, 122)', dashed: true });
    await expect.poll(() => boxStyle(page, 'Orpaillage artisanal'), PATIENT).toEqual({ border: 'rgb(46, 125, 50)', dashed: false });
    await expect.poll(() => boxStyle(page, 'Corruption').then((s) => s.border)).not.toBe('rgb(46, 125, 50)');

    await page.getByTestId('cycles-table-toggle').click();
    const table = page.getByTestId('cycles-table');
    await expect.poll(() => table.locator('tr[data-status="added"]').first().textContent(), PATIENT).toContain('Orpaillage artisanal');
    await expect.poll(() => table.locator('tr[data-status="removed"]').allTextContents()).toContainEqual(expect.stringContaining('Fermeture des écoles'));

    // The comparison as an image for a report, with its legend.
    const download = page.waitForEvent('download');
    await page.getByTestId('cycles-image').click();
    expect((await download).suggestedFilename()).toMatch(/^Cycle 1 → Maintenant.*\.png$/);

    await page.getByTestId('cycles-back').click();
    await expect.poll(() => page.getByTestId('cycles-banner').count(), PATIENT).toBe(0);
    await expect.poll(() => factor(page, 'Fermeture des écoles').count(), PATIENT).toBe(0);
    await expect.poll(() => factor(page, 'Orpaillage artisanal').count(), PATIENT).toBe(1);

    // Restore Cycle 1, after a confirmation: one forward change, one undo step.
    await page.getByRole('button', { name: 'Restaurer « Cycle 1 »' }).click();
    await page.getByTestId('restore-confirm').click();
    await expect.poll(() => factor(page, 'Fermeture des écoles').count(), PATIENT).toBe(1);
    await expect.poll(() => factor(page, 'Orpaillage artisanal').count(), PATIENT).toBe(0);
    await expect.poll(() => page.getByTestId('snapshot-row').allTextContents(), PATIENT)
      .toContainEqual(expect.stringContaining('automatique, avant une restauration'));
    await page.getByRole('button', { name: 'Annuler', exact: true }).click();
    await expect.poll(() => factor(page, 'Orpaillage artisanal').count(), PATIENT).toBe(1);
    await expect.poll(() => factor(page, 'Fermeture des écoles').count(), PATIENT).toBe(0);
    await context.close();
  });

  it('two people rename one factor, one of them offline: the one whose name was replaced is told, and can put it back', async () => {
    const map = await createMap(app.relay, 'Atelier de Kangaba');
    const url = `http://localhost:${app.relay.port}${map.editUrl}`;
    const aminata = await openAs('Aminata', url);
    const moussa = await openAs('Moussa', url);
    await addFactorFromToolbar(aminata.page, 'Orpaillage');
    await expect.poll(() => labels(moussa.page), PATIENT).toEqual(['Orpaillage']);

    await moussa.context.setOffline(true);
    await expect.poll(() => status(moussa.page), PATIENT).toBe('offline');
    await rename(moussa.page, 'Orpaillage', 'Orpaillage artisanal');
    await rename(aminata.page, 'Orpaillage', 'Orpaillage clandestin');
    await moussa.context.setOffline(false);
    await expect.poll(() => status(moussa.page), PATIENT).toBe('online');

    // Yjs keeps one of the two names, the same on both sides.
    let kept = '';
    await expect.poll(async () => {
      const [a, m] = [await labels(aminata.page), await labels(moussa.page)];
      kept = a.length === 1 && a[0] === m[0] ? a[0]! : '';
      return kept;
    }, PATIENT).not.toBe('');
    const [loser, winnerName, lostName] = kept === 'Orpaillage artisanal'
      ? [aminata, 'Moussa', 'Orpaillage clandestin'] : [moussa, 'Aminata', 'Orpaillage artisanal'];
    const winner = loser === aminata ? moussa : aminata;
    const notice = loser.page.getByTestId('replaced-notice');
    const of = winnerName === 'Aminata' ? 'celui d’Aminata' : 'celui de Moussa';
    await expect.poll(() => notice.textContent(), PATIENT).toContain(`Votre nom « ${lostName} » a été remplacé par ${of}`);
    // The notice is for the person whose name was replaced only.
    expect(await winner.page.getByTestId('replaced-notice').count()).toBe(0);

    // The history names who did what.
    await loser.page.getByTestId('open-history').click();
    await expect.poll(() => loser.page.getByTestId('history-list').textContent(), PATIENT).toContain(winnerName);

    await notice.getByTestId('replaced-reapply').click();
    await expect.poll(() => labels(winner.page), PATIENT).toEqual([lostName]);
    await expect.poll(() => labels(loser.page), PATIENT).toEqual([lostName]);
    await aminata.context.close();
    await moussa.context.close();
  });
});
