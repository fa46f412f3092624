import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { CreatedMap } from '../helpers/relay';
import { userContext } from './browser';
import type { AppHarness } from './harness';

/**
 * A meta-map of 204 factors for the large-map browser tests: 12 columns × 17 rows, whole on
 * screen its labels are ~4 px (the overview); zoomed in they are read.
 */
export const COLS = 12;
export const FACTORS = 204;

export interface JsonMap {
  factors: { id: string; label: string; x: number; y: number }[];
  links: { id: string; source: string; target: string; polarity: string }[];
}

/** A grid map: each factor leads to the next in its row and the one below it. */
export async function seedMap(app: AppHarness): Promise<{ map: CreatedMap; links: number }> {
  const factors = Array.from({ length: FACTORS }, (_, i) => ({
    id: `f${i}`, label: `Facteur ${i}`, x: (i % COLS) * 260, y: Math.floor(i / COLS) * 140,
  }));
  const links: JsonMap['links'] = [];
  for (let i = 0; i < FACTORS; i++) {
    if ((i + 1) % COLS !== 0) links.push({ id: `l${i}r`, source: `f${i}`, target: `f${i + 1}`, polarity: i % 5 === 0 ? '-' : '+' });
    if (i + COLS < FACTORS) links.push({ id: `l${i}d`, source: `f${i}`, target: `f${i + COLS}`, polarity: '+' });
  }
  const r = await fetch(`${app.relay.url}/api/maps`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ format: 'trame', schemaVersion: 1, meta: { title: 'Méta-carte' }, factors, links }),
  });
  expect(r.status).toBe(201);
  return { map: (await r.json()) as CreatedMap, links: links.length };
}

export async function stored(app: AppHarness, map: CreatedMap): Promise<JsonMap> {
  return (await (await fetch(`${app.relay.url}/api/maps/${map.id}/export.json?token=${map.viewToken}`)).json()) as JsonMap;
}

/** Opens the map at 1280×800 once every factor is in the DOM; `init` runs in the page first. */
export async function open(
  app: AppHarness, map: CreatedMap, init: (string | (() => void))[] = [],
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await userContext(app.browser, { viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(30_000);
  for (const script of init) await context.addInitScript(script);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${app.relay.url}${map.editUrl}`);
  await expect.poll(() => page.locator('[data-testid="factor"]').count(), { timeout: 30_000 }).toBe(FACTORS);
  return { context, page, errors };
}

export const lod = (page: Page) => page.getByTestId('canvas').getAttribute('data-lod');
export const zoomOf = (page: Page) => page.evaluate(() =>
  new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a);
export const overviewDrawn = (page: Page) =>
  page.getByTestId('overview-links').evaluate((c) => Number((c as HTMLElement).dataset.drawn));
export const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

/** Clicks the zoom buttons until `done` holds of the zoom. */
export async function zoomUntil(page: Page, done: (zoom: number) => boolean, button: 'zoomin' | 'zoomout' = 'zoomin') {
  for (let i = 0; i < 20 && !done(await zoomOf(page)); i++) {
    const before = await zoomOf(page);
    await page.locator(`.react-flow__controls-${button}`).click();
    await expect.poll(() => zoomOf(page)).not.toBe(before);
  }
  expect(done(await zoomOf(page))).toBe(true);
}

/** The factor nearest the middle of the screen whose right-hand neighbour two columns on is shown too. */
export async function pickPair(page: Page): Promise<{ a: string; b: string }> {
  const ids = await page.evaluate((cols) => {
    const shown = new Map<number, number>();
    for (const el of document.querySelectorAll<HTMLElement>('[data-testid="factor"]')) {
      const r = el.getBoundingClientRect();
      if (r.left > 40 && r.right < innerWidth - 240 && r.top > 80 && r.bottom < innerHeight - 80) {
        const i = Number(el.closest<HTMLElement>('.react-flow__node')!.dataset.id!.slice(1));
        shown.set(i, Math.hypot(r.left + r.width / 2 - innerWidth / 2, r.top + r.height / 2 - innerHeight / 2));
      }
    }
    const pairs = [...shown.keys()].filter((i) => i % cols < cols - 2 && shown.has(i + 2));
    pairs.sort((x, y) => shown.get(x)! - shown.get(y)!);
    return pairs[0] === undefined ? null : { a: `f${pairs[0]}`, b: `f${pairs[0] + 2}` };
  }, COLS);
  expect(ids).not.toBeNull();
  return ids!;
}
