import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Relay } from '../helpers/relay';
import { launchChromium } from './browser';
import { roomSees } from './room-sees';
import { maliMap, openMap, startAppRelay } from './workshop-helpers';

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

describe('panels beside the map, not over it', () => {
  it('the Mali map opens whole and clear of the minimap; a panel opened beside it refits it; "fit" leaves every factor clear; the minimap can be hidden', async () => {
    const map = await maliMap(relay);
    const { context, page, errors } = await openMap(browser, relay, map, 'Awa');
    await expect.poll(() => page.locator('[data-testid="factor"]').count()).toBe(30);
    // On opening: all 30 whole and uncovered (nothing under the minimap or the zoom buttons).
    await expect.poll(async () => (await roomSees(page)).uncovered, { timeout: 15_000 }).toBe(30);

    // A panel narrows the canvas; the map that was whole is framed again beside it.
    await page.getByTestId('open-workshop-views').click();
    await expect.poll(() => page.getByTestId('panel-workshop-views').isVisible()).toBe(true);
    await expect.poll(async () => (await roomSees(page)).uncovered, { timeout: 15_000 }).toBe(30);
    const panel = await page.getByTestId('panel-workshop-views').boundingBox();
    const canvas = await page.locator('.react-flow').boundingBox();
    expect(canvas!.x + canvas!.width).toBeLessThanOrEqual(panel!.x + 1);

    // Zoomed in, then "fit": every factor whole, none under the panel, the minimap or the buttons.
    await page.mouse.move(200, 300);
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -300);
    await expect.poll(async () => (await roomSees(page)).inside).toBeLessThan(30);
    await page.locator('.react-flow__controls-fitview').click();
    await expect.poll(async () => (await roomSees(page)).uncovered, { timeout: 15_000 }).toBe(30);
    const seen = await roomSees(page);
    expect(seen).toMatchObject({ total: 30, inside: 30, covered: [], overlapping: [] });

    // The minimap can be hidden, and stays hidden after a reload on this device.
    await page.getByTestId('toggle-minimap').click();
    await expect.poll(() => page.locator('.react-flow__minimap').count()).toBe(0);
    await page.reload();
    await expect.poll(() => page.locator('[data-testid="factor"]').count()).toBe(30);
    expect(await page.locator('.react-flow__minimap').count()).toBe(0);
    await page.getByTestId('toggle-minimap').click();
    await expect.poll(() => page.locator('.react-flow__minimap').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
