import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addFactor, addLink, readSnapshot } from '../../src/model';
import {
  connectClient, createMap, destroyAll, waitFor, whenSynced, type CreatedMap,
} from '../helpers/relay';
import { userContext } from './browser';
import { appHarness } from './harness';

const app = appHarness();

/**
 * Poverty and debt feed each other (reinforcing); the harvest lowers the millet price, which
 * pushes farmers to grow more (balancing); rain causes the harvest and is on no loop.
 */
async function workshopMap(): Promise<CreatedMap> {
  const map = await createMap(app.relay, 'Boucles');
  const client = connectClient(app.relay, map.id, map.editToken);
  await whenSynced(client);
  const doc = client.doc;
  // All within the first view, whatever room the side panel takes.
  const poverty = addFactor(doc, { label: 'Pauvreté', x: 180, y: 40 });
  const debt = addFactor(doc, { label: 'Dette', x: 480, y: 40 });
  const harvest = addFactor(doc, { label: 'Récolte', x: 180, y: 300 });
  const price = addFactor(doc, { label: 'Prix du mil', x: 480, y: 300 });
  const rain = addFactor(doc, { label: 'Pluie', x: 20, y: 460 });
  addLink(doc, { source: poverty, target: debt, polarity: '+' });
  addLink(doc, { source: debt, target: poverty, polarity: '+' });
  addLink(doc, { source: harvest, target: price, polarity: '-' });
  addLink(doc, { source: price, target: harvest, polarity: '+' });
  addLink(doc, { source: rain, target: harvest, polarity: '+' });
  const check = connectClient(app.relay, map.id, map.viewToken);
  await whenSynced(check);
  await waitFor(() => readSnapshot(check.doc, () => undefined).links.length === 5, 'the relay to hold the map');
  destroyAll(client, check);
  return map;
}

async function openMap(page: Page, map: CreatedMap): Promise<void> {
  await page.goto(`${app.relay.url}${map.editUrl}`);
  await expect.poll(() => page.locator('[data-testid="factor"]').count()).toBe(5);
}

const node = (page: Page, label: string) => page.locator(`.react-flow__node:has([data-label="${label}"])`);
const dimmed = async (page: Page, label: string) => (await node(page, label).getAttribute('class'))?.includes('dimmed') ?? false;

describe('loops on the canvas', () => {
  it('lists the loops by kind, shows the chosen one, and keeps its name and R1 marker after a reload', async () => {
    const map = await workshopMap();
    const context = await userContext(app.browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openMap(page, map);

    await page.getByTestId('open-loops').click();
    const rows = page.getByTestId('loop-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')).sort())).toEqual(['balancing', 'reinforcing']);
    expect(await page.getByTestId('loops-truncated').count()).toBe(0);

    const reinforcing = page.locator('[data-testid="loop-row"][data-kind="reinforcing"]');
    await reinforcing.locator('.loop-choose').click();
    await expect.poll(() => dimmed(page, 'Récolte')).toBe(true);
    expect(await dimmed(page, 'Prix du mil')).toBe(true);
    expect(await dimmed(page, 'Pluie')).toBe(true);
    expect(await dimmed(page, 'Pauvreté')).toBe(false);
    expect(await dimmed(page, 'Dette')).toBe(false);

    await page.getByTestId('loop-name').fill('Piège de la dette');
    await page.getByTestId('loop-name').press('Enter');
    const marker = page.getByTestId('canvas-marker');
    await expect.poll(() => marker.allTextContents()).toEqual(['R1']);
    expect(await marker.getAttribute('class')).toContain('reinforcing');
    await page.screenshot({ path: '/tmp/trame-loops.png' });

    // Filtering by kind keeps the other loop out of the list.
    await page.getByTestId('loop-filter-balancing').click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.getAttribute('data-kind')).toBe('balancing');

    // Closing the panel ends the emphasis; the marker stays.
    await page.getByTestId('open-loops').click();
    await expect.poll(() => dimmed(page, 'Récolte')).toBe(false);
    expect(await marker.allTextContents()).toEqual(['R1']);

    await page.reload();
    await expect.poll(() => page.locator('[data-testid="factor"]').count()).toBe(5);
    await expect.poll(() => marker.allTextContents()).toEqual(['R1']);
    await page.keyboard.press('l');
    await expect.poll(() => page.locator('[data-testid="loop-row"]', { hasText: 'Piège de la dette' }).count()).toBe(1);

    // A view link shows the marker and the name, with nothing to edit.
    const viewer = await context.newPage();
    viewer.on('pageerror', (e) => errors.push(e.message));
    await viewer.goto(`${app.relay.url}${map.viewUrl}`);
    await expect.poll(() => viewer.getByTestId('canvas-marker').allTextContents()).toEqual(['R1']);
    await viewer.getByTestId('open-loops').click();
    await expect.poll(() => viewer.locator('[data-testid="loop-row"]', { hasText: 'Piège de la dette' }).count()).toBe(1);
    await viewer.locator('[data-testid="loop-row"][data-kind="reinforcing"] .loop-choose').click();
    await expect.poll(() => dimmed(viewer, 'Récolte')).toBe(true);
    expect(await viewer.getByTestId('loop-name').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('key factors, focus and paths', () => {
  it('ranks factors, shows one on the map, narrows the map to its effects, and finds the path between two', async () => {
    const map = await workshopMap();
    const context = await userContext(app.browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openMap(page, map);

    await page.getByTestId('open-key-factors').click();
    const rows = page.getByTestId('factor-row');
    await expect.poll(() => rows.count()).toBe(5);
    // Loops through each factor, largest first: the four on a loop have one each, rain none.
    expect(await rows.locator('td:nth-of-type(4)').allTextContents()).toEqual(['1', '1', '1', '1', '0']);
    await page.getByTestId('sort-inDegree').click();
    await expect.poll(() => rows.first().locator('th').textContent()).toBe('Récolte');
    expect(await page.getByTestId('drivers').textContent()).toContain('Pluie');
    await rows.filter({ hasText: 'Pluie' }).locator('button').click();
    await expect.poll(() => node(page, 'Pluie').getAttribute('class')).toContain('selected');

    // The selected factor becomes the focus: rain and what it causes one step on.
    await page.getByTestId('open-focus').click();
    await page.getByTestId('focus-effects').click();
    await expect.poll(() => dimmed(page, 'Prix du mil')).toBe(true);
    expect(await dimmed(page, 'Récolte')).toBe(false);
    expect(await dimmed(page, 'Pluie')).toBe(false);
    await page.getByTestId('focus-depth').fill('2');
    await expect.poll(() => dimmed(page, 'Prix du mil')).toBe(false);
    expect(await dimmed(page, 'Pauvreté')).toBe(true);
    await page.getByTestId('focus-hide').click();
    await expect.poll(() => page.locator('[data-testid="factor"]').count()).toBe(3);

    await page.getByTestId('focus-tab-paths').click();
    await page.getByTestId('path-from').selectOption({ label: 'Pluie' });
    await page.getByTestId('path-to').selectOption({ label: 'Prix du mil' });
    await expect.poll(() => page.getByTestId('path-row').allTextContents()).toEqual([expect.stringContaining('Pluie → Récolte → Prix du mil')]);
    await expect.poll(() => page.locator('[data-testid="factor"]').count()).toBe(5);
    expect(await dimmed(page, 'Dette')).toBe(true);
    expect(await dimmed(page, 'Récolte')).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('themes', () => {
  it('creates a theme, gives it to a factor, colours it, and filters the map by it', async () => {
    const map = await workshopMap();
    const context = await userContext(app.browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openMap(page, map);

    await page.getByTestId('open-themes').click();
    await page.getByTestId('theme-new-name').fill('Environnement');
    await page.getByTestId('theme-add').click();
    await expect.poll(() => page.getByTestId('theme-row').count()).toBe(1);

    await page.locator('[data-label="Pluie"] .factor-label').click();
    await page.getByTestId('theme-assign').click();
    const rain = page.locator('[data-label="Pluie"]');
    await expect.poll(() => rain.evaluate((el) => getComputedStyle(el).borderLeftWidth)).toBe('8px');
    // The first theme takes the palette's first colour, #0072B2.
    expect(await rain.evaluate((el) => getComputedStyle(el).borderLeftColor)).toBe('rgb(0, 114, 178)');
    expect(await page.locator('[data-label="Dette"]').evaluate((el) => getComputedStyle(el).borderLeftWidth)).toBe('2px');
    await expect.poll(() => page.getByTestId('theme-row').textContent()).toContain('1 facteur');

    await page.locator('[data-testid="theme-filter"][data-theme-name="Environnement"]').check();
    await expect.poll(() => page.locator('[data-testid="factor"]').count()).toBe(1);
    expect(await page.getByTestId('theme-legend').textContent()).toContain('Environnement');
    await page.screenshot({ path: '/tmp/trame-themes.png' });
    await page.getByTestId('theme-show-all').click();
    await expect.poll(() => page.locator('[data-testid="factor"]').count()).toBe(5);
    expect(errors).toEqual([]);
    await context.close();
  });
});
