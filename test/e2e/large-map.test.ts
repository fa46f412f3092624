import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CreatedMap } from '../helpers/relay';
import { appHarness } from './harness';
import {
  FACTORS, lod, node, open as openMap, overviewDrawn, pickPair, seedMap as seedGrid, stored as storedMap, zoomOf, zoomUntil,
} from './large-map-helpers';

const app = appHarness();
const stored = (map: CreatedMap) => storedMap(app, map);
const seedMap = () => seedGrid(app);
const open = (map: CreatedMap) => openMap(app, map);

/** Selects by a click, drags by the body, links by the rim: what a facilitator does at any zoom. */
async function selectDragAndLink(page: Page, map: CreatedMap) {
  const { a, b } = await pickPair(page);
  const body = (await node(page, a).locator('.factor-body').boundingBox())!;
  await page.mouse.click(body.x + body.width / 2, body.y + body.height / 2);
  await expect.poll(() => node(page, a).locator('.factor.selected').count()).toBe(1);

  // Drag it up by 30 px on screen and back down by 10: the drop is written to the map.
  const before = (await stored(map)).factors.find((f) => f.id === a)!;
  const zoom = await zoomOf(page);
  const from = { x: body.x + body.width / 2, y: body.y + body.height / 2 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x, from.y - 30, { steps: 6 });
  await page.mouse.move(from.x, from.y - 20, { steps: 3 });
  await page.mouse.up();
  await expect.poll(async () => (await stored(map)).factors.find((f) => f.id === a)!.y).toBeLessThan(before.y - 10 / zoom);

  // A link from a's rim to b, which a did not lead to.
  const linksBefore = (await stored(map)).links.length;
  const rim = (await node(page, a).locator('.factor-handle.source').boundingBox())!;
  const target = (await node(page, b).boundingBox())!;
  await page.mouse.move(rim.x + rim.width - 1.5, rim.y + rim.height / 2);
  await page.mouse.down();
  await page.mouse.move(rim.x + rim.width + 20, rim.y + rim.height / 2, { steps: 5 });
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 10 });
  await page.mouse.up();
  await expect.poll(async () => (await stored(map)).links.length).toBe(linksBefore + 1);
  expect((await stored(map)).links.some((l) => l.source === a && l.target === b)).toBe(true);
}

describe('a large map', () => {
  it('draws an overview when labels are too small to read and full detail when zoomed in; both select, drag and link', async () => {
    const { map, links } = await seedMap();
    const { context, page, errors } = await open(map);

    // Fitted: labels would be about 4 px, so boxes without text and links on one canvas.
    await expect.poll(() => lod(page)).toBe('overview');
    expect(await zoomOf(page) * 15).toBeLessThan(6.5);
    await expect.poll(() => overviewDrawn(page)).toBe(links);
    expect(await page.locator('[data-testid="link-polarity"]').count()).toBe(0);
    expect(await page.locator('.react-flow__edge').count()).toBe(0);
    const hiddenLabel = await page.locator('.factor-label').first().evaluate((e) => getComputedStyle(e).visibility);
    expect(hiddenLabel).toBe('hidden');

    // Zoomed in but still below the threshold: bigger boxes, the same overview.
    await zoomUntil(page, (z) => z * 15 > 5);
    expect(await lod(page)).toBe('overview');
    // A click on a link's pixels selects it: it comes back as an SVG link, selected.
    const { a } = await pickPair(page);
    const i = Number(a.slice(1));
    const left = (await node(page, a).boundingBox())!;
    const right = (await node(page, `f${i + 1}`).boundingBox())!;
    await page.mouse.click((left.x + left.width + right.x) / 2, left.y + left.height / 2);
    await expect.poll(() => page.locator('.react-flow__edge.selected').getAttribute('data-id')).toBe(`l${i}r`);
    await selectDragAndLink(page, map);
    // The new link is on the overview's canvas; the selected factor's links stay plain too.
    await expect.poll(() => overviewDrawn(page)).toBe(links + 1);

    // Readable labels: every shown link with its marker, labels painted, no overview canvas.
    await zoomUntil(page, (z) => z * 15 >= 9);
    await expect.poll(() => lod(page)).toBe('detail');
    expect(await page.getByTestId('overview-links').count()).toBe(0);
    await expect.poll(() => page.locator('[data-testid="link-polarity"]').count()).toBeGreaterThan(5);
    const shownLabel = await page.locator('.factor-label').first().evaluate((e) => getComputedStyle(e).visibility);
    expect(shownLabel).toBe('visible');
    // Culled: factors far off screen are not in the DOM.
    await expect.poll(() => page.locator('[data-testid="factor"]').count()).toBeLessThan(FACTORS);
    await selectDragAndLink(page, map);

    // Zoomed out again: back to the overview.
    await zoomUntil(page, (z) => z * 15 < 6, 'zoomout');
    await expect.poll(() => lod(page)).toBe('overview');
    await expect.poll(() => overviewDrawn(page)).toBe(links + 2);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an export made at overview zoom has every label, link and polarity marker', async () => {
    const { map, links } = await seedMap();
    const { context, page, errors } = await open(map);
    await expect.poll(() => lod(page)).toBe('overview');
    await expect.poll(() => overviewDrawn(page)).toBe(links);

    await page.keyboard.press('Control+e');
    await page.getByTestId('export-dialog').getByLabel(/^SVG/).check();
    const waiting = page.waitForEvent('download', { timeout: 120_000 });
    await page.getByTestId('export-image').click();
    const file = await waiting;
    const svg = readFileSync((await file.path())!, 'utf8');

    for (let i = 0; i < FACTORS; i++) expect(svg).toContain(`>Facteur ${i}<`);
    expect(svg.match(/data-testid="link-polarity"/g)).toHaveLength(links);
    // Each link keeps its arrowhead.
    expect(svg.match(/marker-end="url\(/g)?.length).toBe(links);
    // Labels are painted in the image, not left hidden as on the overview.
    expect(svg).not.toMatch(/factor-label[^>]*visibility: hidden/);
    // And the canvas goes back to its overview.
    await expect.poll(() => lod(page)).toBe('overview');
    expect(errors).toEqual([]);
    await context.close();
  });
});
