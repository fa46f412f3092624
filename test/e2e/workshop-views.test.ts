import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addView } from '../../src/model';
import type { Relay } from '../helpers/relay';
import { launchChromium } from './browser';
import { roomSees } from './room-sees';
import { exportedJson, maliMap, openMap, startAppRelay, writeToMap } from './workshop-helpers';

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

const FULL_HD = { width: 1920, height: 1080 };

/** Screen boxes of the step title and of the factors it would cover. */
function titleOverFactors(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const title = document.querySelector('[data-testid="projector-step-title"]')!.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('.react-flow__node [data-testid="factor"]')]
      .filter((f) => {
        const r = f.getBoundingClientRect();
        return r.width > 0 && r.left < title.right && title.left < r.right && r.top < title.bottom && title.top < r.bottom;
      })
      .map((f) => f.dataset.label ?? '');
  });
}

describe('views that frame what they show', () => {
  it('a step of 5 factors scattered over the Mali map shows all 5 whole, its title in a band of its own', async () => {
    const map = await maliMap(relay);
    const { factors } = await exportedJson(relay, map);
    const by = (key: (f: (typeof factors)[number]) => number) => [...factors].sort((a, b) => key(a) - key(b));
    // The four extremes of the layout and the factor nearest its middle.
    const cx = factors.reduce((s, f) => s + (f.x ?? 0), 0) / factors.length;
    const cy = factors.reduce((s, f) => s + (f.y ?? 0), 0) / factors.length;
    const picked = new Map<string, string>();
    for (const f of [by((f) => f.x ?? 0)[0]!, by((f) => -(f.x ?? 0))[0]!, by((f) => f.y ?? 0)[0]!, by((f) => -(f.y ?? 0))[0]!]) picked.set(f.id, f.label);
    for (const f of by((f) => Math.hypot((f.x ?? 0) - cx, (f.y ?? 0) - cy))) if (picked.size < 5) picked.set(f.id, f.label);
    expect(picked.size).toBe(5);
    const ids = [...picked.keys()];
    await writeToMap(relay, map, (doc) => {
      // Saved with a camera that shows none of them: the player must not trust it.
      addView(doc, { title: 'Cinq facteurs aux quatre coins de la carte', factors: ids, viewport: { x: -4000, y: -4000, zoom: 1.2 } });
    });

    const { context, page, errors } = await openMap(browser, relay, map, 'Awa', false, FULL_HD);
    await expect.poll(() => page.locator('[data-testid="factor"]').count()).toBe(30);
    await page.keyboard.press('F5');
    await page.keyboard.press('PageDown');
    await expect.poll(() => page.getByTestId('projector-step-title').textContent()).toBe('Cinq facteurs aux quatre coins de la carte');
    await expect.poll(async () => (await roomSees(page)).total).toBe(5);
    await expect.poll(async () => (await roomSees(page)).uncovered, { timeout: 15_000 }).toBe(5);
    const seen = await roomSees(page);
    expect(seen).toMatchObject({ total: 5, inside: 5, uncovered: 5, overlapping: [] });
    expect(seen.labels.sort()).toEqual([...picked.values()].sort());
    expect(await titleOverFactors(page)).toEqual([]);
    expect(seen.smallestLabelPx).toBeGreaterThanOrEqual(14);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('choosing a loop in the Loops panel brings all of it into view, none of it under the panel or the minimap', async () => {
    const map = await maliMap(relay);
    const { context, page, errors } = await openMap(browser, relay, map, 'Awa');
    await expect.poll(() => page.locator('[data-testid="factor"]').count()).toBe(30);
    await page.getByTestId('open-loops').click();
    // Zoomed in on a corner, as after looking closely at one factor: most of the map off-screen.
    await page.mouse.move(60, 150);
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -300);
    await expect.poll(async () => (await roomSees(page)).inside).toBeLessThan(10);
    const rows = page.getByTestId('loop-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(10);
    // The last listed: the longest loops come last, spread over the map.
    await rows.last().locator('.loop-choose').click();
    await expect.poll(() => page.locator('.react-flow__node.dimmed').count()).toBeGreaterThan(0);
    const inLoop = () => page.locator('.react-flow__node:not(.dimmed) [data-testid="factor"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-label') ?? ''));
    const labels = await inLoop();
    expect(labels.length).toBeGreaterThanOrEqual(3);
    await expect.poll(async () => (await roomSees(page, labels)).uncovered, { timeout: 15_000 }).toBe(labels.length);
    const seen = await roomSees(page, labels);
    expect(seen.inside).toBe(labels.length);
    expect(await underPanelOrMinimap(page, labels)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** Labels of the given factors whose box meets the side panel or the minimap on screen. */
function underPanelOrMinimap(page: Page, labels: readonly string[]): Promise<string[]> {
  return page.evaluate((wanted) => {
    const overlays = [...document.querySelectorAll('.side-panel, .react-flow__minimap')].map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0);
    return [...document.querySelectorAll<HTMLElement>('[data-testid="factor"]')]
      .filter((f) => wanted.includes(f.dataset.label ?? ''))
      .filter((f) => {
        const r = f.getBoundingClientRect();
        return overlays.some((o) => r.left < o.right && o.left < r.right && r.top < o.bottom && o.top < r.bottom);
      })
      .map((f) => f.dataset.label ?? '');
  }, labels);
}
