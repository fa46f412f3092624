import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { nameLoop, readSnapshot, setLoopKey } from '../../src/model';
import { findLoops } from '../../src/model/analysis';
import { createMap, type Relay } from '../helpers/relay';
import { launchChromium } from './browser';
import { loopMap, maliMap, openMap, startAppRelay, writeToMap } from './workshop-helpers';

let relay: Relay;
let browser: Browser;
beforeAll(async () => {
  relay = await startAppRelay();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await relay?.stop();
});

describe('what a screen reader hears, in French', () => {
  it('names React Flow’s zoom buttons and each link by its factors, and follows the language switch', async () => {
    const { map } = await loopMap(relay, ['Sécheresse', 'Exode']);
    const { context, page, errors } = await openMap(browser, relay, map, 'Awa');
    await expect.poll(() => page.locator('[data-testid="factor"]').count()).toBe(2);
    for (const name of ['Zoom avant', 'Zoom arrière', 'Tout afficher']) {
      await expect.poll(() => page.locator('.react-flow__controls').getByRole('button', { name, exact: true }).count()).toBe(1);
    }
    expect(await page.locator('.react-flow__controls').getAttribute('aria-label')).toBe('Commandes du zoom');
    const edges = page.locator('.react-flow__edge');
    await expect.poll(() => edges.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')).sort()))
      .toEqual(['Lien de Exode vers Sécheresse', 'Lien de Sécheresse vers Exode']);
    expect(await page.getByText(/Zoom In|Edge from|Press enter/).count()).toBe(0);
    // What each thing is, too: React Flow says "node" and "edge".
    expect(await page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('aria-roledescription')))).toEqual(['facteur', 'facteur']);
    expect(await edges.evaluateAll((els) => els.map((e) => e.getAttribute('aria-roledescription')))).toEqual(['lien', 'lien']);

    await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
    await expect.poll(() => page.locator('.react-flow__controls').getByRole('button', { name: 'Zoom in', exact: true }).count()).toBe(1);
    await expect.poll(() => edges.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')).sort()))
      .toEqual(['Link from Exode to Sécheresse', 'Link from Sécheresse to Exode']);
    expect(await edges.first().getAttribute('aria-roledescription')).toBe('link');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('presence colours', () => {
  /** A first visit: no name or colour saved on this browser yet. */
  async function firstVisit(url: string, name: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(url);
    const dialog = page.getByRole('dialog', { name: 'Comment les autres vous verront' });
    await dialog.getByLabel('Votre nom').fill(name);
    return page;
  }
  const colourOf = (page: Page) => page.locator('.presence-list .avatar.me').evaluate((e) => getComputedStyle(e).backgroundColor);

  it('two people who keep the colour offered get different ones: the offer avoids the colours worn', async () => {
    const map = await createMap(relay, 'Couleurs');
    // Moussa arrives first and is offered a colour while nobody else is there…
    const moussa = await firstVisit(`${relay.url}${map.editUrl}`, 'Moussa');
    const offered = moussa.locator('.swatch[aria-pressed="true"]');
    await expect.poll(() => offered.count()).toBe(1);
    expect(await offered.getAttribute('aria-label')).toMatch(/^(Rouge|Violet|Indigo|Bleu|Bleu-vert|Vert|Orange|Brun)$/);
    const first = (await offered.getAttribute('data-colour'))!;
    // …then Awa arrives and takes that very colour before he has pressed Valider.
    const awa = await firstVisit(`${relay.url}${map.editUrl}`, 'Awa');
    await awa.locator(`.swatch[data-colour="${first}"]`).click();
    await awa.getByRole('button', { name: 'Valider' }).click();
    // His offer moves to a colour nobody wears.
    await expect.poll(() => offered.getAttribute('data-colour')).not.toBe(first);
    await moussa.getByRole('button', { name: 'Valider' }).click();
    await expect.poll(() => awa.getByTestId('peer-avatar').count()).toBe(1);
    await expect.poll(() => moussa.getByTestId('peer-avatar').count()).toBe(1);
    const [a, m] = [await colourOf(awa), await colourOf(moussa)];
    expect(a).not.toBe(m);
    // Each sees the other in the colour they wear.
    await expect.poll(() => awa.getByTestId('peer-avatar').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe(m);
    await expect.poll(() => moussa.getByTestId('peer-avatar').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe(a);
    await awa.context().close();
    await moussa.context().close();
  });
});

describe('loop pickers', () => {
  it('find a named key dynamic by its name, first, and count the loops the Loops panel counts', async () => {
    const map = await maliMap(relay);
    let named = '';
    await writeToMap(relay, map, (doc: Y.Doc) => {
      // A long loop, far down a list sorted shortest first.
      const { loops } = findLoops(readSnapshot(doc));
      const long = loops[loops.length - 1]!;
      named = long.id;
      nameLoop(doc, long.id, 'Piège de la pauvreté');
      setLoopKey(doc, long.id, true);
    });
    const { context, page, errors } = await openMap(browser, relay, map, 'Awa', false, { width: 1600, height: 900 });
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await expect.poll(() => page.locator('[data-testid="factor"]').count()).toBe(30);

    await page.getByTestId('open-loops').click();
    const summary = page.getByTestId('loops-summary');
    await expect.poll(() => summary.textContent()).toMatch(/^116 boucles/);

    await page.getByTestId('open-workshop-views').click();
    const panel = page.getByTestId('panel-workshop-views');
    const picker = panel.getByTestId('loop-picker');
    await expect.poll(() => panel.getByTestId('loop-count').textContent()).toBe('116 boucles sur la carte');
    // Searched off the main thread, in the pickers' worker.
    expect(fetched.some((p) => p.includes('loops.worker'))).toBe(true);
    // Named loops come first, before the 60 shortest.
    expect(await picker.locator('option').nth(1).getAttribute('value')).toBe(named);
    await panel.getByTestId('loop-search').fill('piege pauvrete');
    await expect.poll(() => picker.locator('option').count()).toBe(2);
    expect(await picker.locator('option').nth(1).textContent()).toMatch(/^★ Piège de la pauvreté · /);
    await picker.selectOption(named);
    expect(await picker.inputValue()).toBe(named);
    await panel.getByTestId('loop-search').fill('aucun facteur de ce nom');
    await expect.poll(() => panel.getByText('Aucune boucle ne correspond').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
