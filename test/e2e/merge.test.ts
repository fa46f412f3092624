import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CreatedMap } from '../helpers/relay';
import { userContext } from './browser';
import { appHarness } from './harness';

/** The review step of "Fusionner une mini-carte", and the comparison drawn over the map. */
const app = appHarness();

const fixtures = join(import.meta.dirname, '../fixtures');
const factors = (page: Page) => page.locator('[data-testid="factor"]');
const links = (page: Page) => page.locator('[data-testid="link-polarity"]');

async function maliMap(): Promise<CreatedMap> {
  const r = await fetch(`${app.relay.url}/api/maps`, {
    method: 'POST', headers: { 'content-type': 'text/csv' }, body: readFileSync(join(fixtures, 'mali-centre-links.csv')),
  });
  expect(r.status).toBe(201);
  return (await r.json()) as CreatedMap;
}

async function open(m: CreatedMap, locale = 'fr-FR') {
  const context = await userContext(app.browser, { locale });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${app.relay.url}${m.editUrl}`);
  await expect.poll(() => factors(page).count(), { timeout: 30_000 }).toBe(30);
  return { context, page, errors };
}

describe('merging a mini-map from the browser', () => {
  it('proposes a near match with its score, merges nothing before the yes, refused stays apart, and one undo takes the merge back', async () => {
    const m = await maliMap();
    const { context, page, errors } = await open(m);
    await page.getByTestId('open-merge').click();
    await page.getByTestId('merge-file').setInputFiles(join(fixtures, 'mini-maps/groupe-femmes.csv'));
    await expect.poll(() => page.getByTestId('merge-review').count()).toBe(1);
    expect(await page.getByTestId('merge-name').inputValue()).toBe('groupe femmes');
    await page.getByTestId('merge-name').fill('Groupe des femmes');

    // The near match is shown with its score and is not merged until someone says yes.
    const drought = page.getByTestId('merge-near-row').filter({ hasText: 'Sécheresses et pluies irrégulières' }).first();
    expect(await drought.textContent()).toMatch(/Sécheresse\b/);
    expect(await drought.getByTestId('merge-score').textContent()).toMatch(/ressemblance \d+ %/);
    expect(await drought.getAttribute('data-answer')).toBe('undecided');
    // Written nothing yet: the map is as it was while the review is open.
    expect(await factors(page).count()).toBe(30);
    await drought.getByTestId('merge-no').click();
    expect(await drought.getAttribute('data-answer')).toBe('no');

    // A new factor can be renamed before it is added.
    const early = page.getByTestId('merge-new-row').filter({ hasText: 'Mariages précoces' });
    await early.getByTestId('merge-rename-new').click();
    await early.getByTestId('merge-rename').fill('Mariages précoces des filles');
    await early.getByTestId('merge-rename').press('Enter');
    expect(await early.getByTestId('merge-new-label').textContent()).toContain('« Mariages précoces des filles »');

    // The polarity conflict must be decided: the map's polarity is kept.
    expect(await page.getByTestId('merge-apply').isDisabled()).toBe(true);
    const conflict = page.getByTestId('merge-conflict').first();
    await conflict.getByText(/^carte/).click();
    expect(await page.getByTestId('merge-apply').isDisabled()).toBe(false);
    const counts = await page.getByTestId('merge-counts').textContent();
    const added = Number(/(\d+) nouveaux ;/.exec(counts ?? '')?.[1]);
    const linksAdded = Number(/(\d+) nouveaux\.$/.exec(counts ?? '')?.[1]);
    expect(added).toBeGreaterThan(0);
    await page.getByTestId('merge-apply').click();
    await expect.poll(() => factors(page).count()).toBe(30 + added);
    await expect.poll(() => links(page).count()).toBe(55 + linksAdded);
    expect(await page.getByTestId('merge-done').textContent()).toContain(`${added} facteurs`);
    expect(await factors(page).filter({ hasText: /^Mariages précoces des filles$/ }).count()).toBe(1);
    // The refused near match is a factor of its own, beside the map's.
    expect(await factors(page).filter({ hasText: /^Sécheresse$/ }).count()).toBe(1);
    expect(await factors(page).filter({ hasText: 'Sécheresses et pluies irrégulières' }).count()).toBe(1);

    // Provenance: the groups bar appears, and the inspector says who drew the factor.
    await expect.poll(() => page.getByTestId('merge-groups-bar').count()).toBe(1);
    await factors(page).filter({ hasText: /^Insécurité$/ }).first().click();
    await page.keyboard.press('i');
    await expect.poll(() => page.getByTestId('element-sources').count()).toBe(1);
    expect(await page.getByTestId('element-sources').textContent()).toContain('Vu par 1 groupe : Groupe des femmes');
    await page.keyboard.press('Escape');

    // One undo step takes the whole merge back.
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => factors(page).count()).toBe(30);
    await expect.poll(() => links(page).count()).toBe(55);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});

describe('merging another map of this relay by its link', () => {
  it('reads the map through its link, and a second merge of it updates instead of duplicating; the groups filter dims the rest', async () => {
    const m = await maliMap();
    const r = await fetch(`${app.relay.url}/api/maps`, {
      method: 'POST', headers: { 'content-type': 'text/csv' }, body: readFileSync(join(fixtures, 'mini-maps/groupe-jeunes.csv')),
    });
    const mini = (await r.json()) as CreatedMap;
    const { context, page, errors } = await open(m);
    const mergeByLink = async () => {
      await page.getByTestId('open-merge').click();
      await page.getByTestId('merge-link').fill(`${app.relay.url}${mini.viewUrl}`);
      await page.getByTestId('merge-link').press('Enter');
      await expect.poll(() => page.getByTestId('merge-name').count()).toBe(1);
      await page.getByTestId('merge-name').fill('Groupe des jeunes');
      await expect.poll(() => page.getByTestId('merge-review').count()).toBe(1);
      for (const c of await page.getByTestId('merge-conflict').all()) await c.getByText(/^carte/).click();
      return page.getByTestId('merge-counts').textContent();
    };
    const first = await mergeByLink();
    const added = Number(/(\d+) nouveaux ;/.exec(first ?? '')?.[1]);
    expect(added).toBeGreaterThan(0);
    await page.getByTestId('merge-apply').click();
    await expect.poll(() => factors(page).count()).toBe(30 + added);
    const linkCount = await links(page).count();

    // The same mini-map again: everything is recognised, nothing is added twice.
    const again = await mergeByLink();
    expect(again).toMatch(/, 0 nouveaux ;.*, 0 nouveaux\.$/);
    expect(await page.getByTestId('merge-same-row').filter({ hasText: 'Déjà fusionnés' }).count()).toBeGreaterThan(0);
    await page.getByTestId('merge-apply').click();
    await expect.poll(() => page.getByTestId('merge-dialog').count()).toBe(0);
    expect(await factors(page).count()).toBe(30 + added);
    expect(await links(page).count()).toBe(linkCount);

    // Links drawn by at least one group stay bright, the map's own are dimmed.
    await page.getByTestId('merge-min-groups').selectOption('1');
    await expect.poll(() => page.locator('.react-flow__edge.dimmed').count()).toBeGreaterThan(0);
    const bright = await page.locator('.react-flow__edge:not(.dimmed)').count();
    expect(bright).toBeGreaterThan(0);
    expect(bright).toBeLessThan(linkCount);
    await page.getByTestId('merge-min-groups').selectOption('0');
    await expect.poll(() => page.locator('.react-flow__edge.dimmed').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});

describe('comparing with another map', () => {
  it('draws shared, only-here and only-there over the map, with a legend and a table', async () => {
    const m = await maliMap();
    const { context, page, errors } = await open(m, 'en-GB');
    await page.getByTestId('open-compare').click();
    await page.getByTestId('compare-file').setInputFiles(join(fixtures, 'mini-maps/groupe-jeunes.csv'));
    await expect.poll(() => page.getByTestId('compare-counts').count()).toBe(1);
    expect(await page.getByTestId('compare-count-both').textContent()).toContain('In both (9 factors');
    expect(await page.getByTestId('compare-count-here').textContent()).toContain('Only here (21 factors');
    expect(await page.getByTestId('compare-count-there').textContent()).toContain('5 factors');
    // A near pair confirmed is taken as the same factor, and remembered in the map: after a
    // reload (a later session) the comparison with the same map does not ask again.
    await page.getByTestId('compare-near-row').filter({ hasText: 'Groupes armés non étatiques' }).getByTestId('compare-confirm').click();
    await expect.poll(() => page.getByTestId('compare-count-both').textContent()).toContain('In both (10 factors');
    await page.keyboard.press('Escape');
    await page.reload();
    await expect.poll(() => factors(page).count(), { timeout: 30_000 }).toBe(30);
    await page.getByTestId('open-compare').click();
    await page.getByTestId('compare-file').setInputFiles(join(fixtures, 'mini-maps/groupe-jeunes.csv'));
    await expect.poll(() => page.getByTestId('compare-count-both').textContent()).toContain('In both (10 factors');
    expect(await page.getByTestId('compare-count-there').textContent()).toContain('4 factors');
    expect(await page.getByTestId('compare-near-row').filter({ hasText: 'Groupes armés non étatiques' }).count()).toBe(0);
    await page.getByTestId('compare-show').click();

    await expect.poll(() => page.getByTestId('compare-legend').count()).toBe(1);
    expect(await page.getByTestId('compare-legend-there').textContent()).toContain('Only in “groupe jeunes”');
    // What only the other map has is drawn as dashed ghosts, next to its neighbours here.
    await expect.poll(() => page.getByTestId('status-ghost').count()).toBe(4);
    expect(await page.getByTestId('status-ghost-link').count()).toBeGreaterThan(0);
    // Shared and only-here factors carry their colour.
    const ring = async (label: RegExp) => factors(page).filter({ hasText: label }).first()
      .evaluate((el) => getComputedStyle(el.closest('.factor') ?? el).boxShadow);
    expect(await ring(/^Chômage des jeunes$/)).toContain('rgb(0, 121, 107)');
    expect(await ring(/^Aide humanitaire$/)).toContain('rgb(230, 81, 0)');
    await page.getByTestId('compare-legend').getByRole('button').click();
    await expect.poll(() => page.getByTestId('status-ghost').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});

describe('a large mini-map', () => {
  it('is planned and worked out in the merge worker with a progress indicator, then written as one undo step', async () => {
    const m = await maliMap();
    const { context, page, errors } = await open(m);
    const rows = Array.from({ length: 1_498 }, (_, i) => `Facteur ${i} du village,Facteur ${i + 1} du village,+`);
    rows.push('Facteur 0 du village,insecurite,+');
    // Which progress messages were ever on the page: each lasts as long as the worker works.
    await page.evaluate(() => {
      const seen = new Set<string>();
      (window as unknown as { seenProgress: Set<string> }).seenProgress = seen;
      new MutationObserver(() => {
        for (const id of ['merge-planning', 'merge-applying']) if (document.querySelector(`[data-testid="${id}"] progress`)) seen.add(id);
      }).observe(document.body, { subtree: true, childList: true });
    });
    await page.getByTestId('open-merge').click();
    await page.getByTestId('merge-file').setInputFiles({
      name: 'grand-atelier.csv', mimeType: 'text/csv', buffer: Buffer.from(`cause,effect,polarity\n${rows.join('\n')}\n`),
    });
    await expect.poll(() => page.getByTestId('merge-review').count(), { timeout: 60_000 }).toBe(1);
    expect(await page.getByTestId('merge-counts').textContent()).toContain('1 facteurs déjà présents, 1499 nouveaux');
    await page.getByTestId('merge-apply').click();
    await expect.poll(() => page.getByTestId('merge-done').count(), { timeout: 60_000 }).toBe(1);
    expect(await page.evaluate(() => [...(window as unknown as { seenProgress: Set<string> }).seenProgress].sort()))
      .toEqual(['merge-applying', 'merge-planning']);
    const stored = async () => {
      const r = await fetch(`${app.relay.url}/api/maps/${m.id}/export.json?token=${m.viewToken}`);
      return ((await r.json()) as { factors: unknown[] }).factors.length;
    };
    await expect.poll(stored, { timeout: 30_000 }).toBe(30 + 1_499);
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(stored, { timeout: 30_000 }).toBe(30);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
