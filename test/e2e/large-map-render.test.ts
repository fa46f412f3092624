import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { installRenderCounter, type RenderCounts } from '../../bench/lib/react-renders';
import { addLink, factorsOf, moveFactors, renameFactor } from '../../src/model';
import { connectClient, destroyAll, whenSynced, type CreatedMap } from '../helpers/relay';
import { appHarness } from './harness';
import { COLS, FACTORS, lod, node, open, overviewDrawn, pickPair, seedMap, zoomUntil } from './large-map-helpers';

const app = appHarness();
const PATIENT = { timeout: 30_000 };
// Functions sent to the page keep the names the test's transform gave them.
const NAME_SHIM = 'globalThis.__name = (f) => f;';

/** Another participant, editing through the relay. */
async function peer(map: CreatedMap) {
  const p = connectClient(app.relay, map.id, map.editToken);
  await whenSynced(p);
  peers.push(p);
  return p.doc;
}
const peers: ReturnType<typeof connectClient>[] = [];
afterEach(() => destroyAll(...peers.splice(0)));

/** Two frames: whatever a change made React render has been committed and painted. */
const frames = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
const startCounting = (page: Page) => page.evaluate(() => (window as unknown as { __trameStartCounting: () => void }).__trameStartCounting());
const counted = (page: Page) => page.evaluate(() => {
  const w = window as unknown as { __trameRenders: RenderCounts; __trameCount: boolean };
  w.__trameCount = false;
  return w.__trameRenders;
});
/** Of the links rendered, those that do not end on factor `id`. */
const notTouching = (id: string, links: string[]) => {
  const i = Number(id.slice(1));
  const own = new Set([`l${i}r`, `l${i}d`, `l${i - 1}r`, `l${i - COLS}d`]);
  return links.filter((l) => !own.has(l));
};

/**
 * In the page from its first frame: the first frame in which every factor is shown (React Flow
 * keeps a box hidden until measured), with how many links the overview had drawn then.
 */
const watchFirstFrame = `(${((n: number) => {
  const w = window as unknown as { __firstShown?: { links: number; state: string | null } };
  const tick = () => {
    let shown = 0;
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node')) if (el.style.visibility !== 'hidden') shown++;
    if (shown >= n) {
      const drawn = (document.querySelector('[data-testid="overview-links"]') as HTMLElement | null)?.dataset.drawn;
      w.__firstShown = {
        links: Number(drawn ?? 0) + document.querySelectorAll('.react-flow__edge').length,
        state: document.querySelector('[data-testid="canvas"]')?.getAttribute('data-links') ?? null,
      };
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}).toString()})(${FACTORS});`;

/** The overview canvas' pixels within `r` px of a screen point, each as [r, g, b, a]. */
const pixelsAt = (page: Page, x: number, y: number, r = 2) => page.getByTestId('overview-links').evaluate((el, p) => {
  const c = el as HTMLCanvasElement;
  const box = c.getBoundingClientRect();
  const cx = Math.round((p.x - box.left) * (c.width / box.width));
  const cy = Math.round((p.y - box.top) * (c.height / box.height));
  const d = c.getContext('2d')!.getImageData(cx - p.r, cy - p.r, 2 * p.r + 1, 2 * p.r + 1).data;
  const out: number[][] = [];
  for (let i = 0; i < d.length; i += 4) out.push([d[i]!, d[i + 1]!, d[i + 2]!, d[i + 3]!]);
  return out;
}, { x, y, r });

const centre = async (page: Page, id: string) => {
  const b = (await node(page, id).boundingBox())!;
  return { x: b.x + b.width / 2, y: b.y + b.height / 2, left: b.x };
};

describe('a large map renders', () => {
  it('its factors first, then every link', async () => {
    const { map, links } = await seedMap(app);
    const { context, page, errors } = await open(app, map, [watchFirstFrame]);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __firstShown?: unknown }).__firstShown), PATIENT).toBeTruthy();
    // The frame that first showed every factor had no link yet: they come a task later.
    expect(await page.evaluate(() => (window as unknown as { __firstShown: unknown }).__firstShown)).toEqual({ links: 0, state: 'pending' });
    await expect.poll(() => page.getByTestId('canvas').getAttribute('data-links'), PATIENT).toBe('shown');
    await expect.poll(() => lod(page)).toBe('overview');
    await expect.poll(() => overviewDrawn(page), PATIENT).toBe(links);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('again only the factor that changed, and its links: the others keep their node objects', async () => {
    const { map, links } = await seedMap(app);
    const { context, page, errors } = await open(app, map, [NAME_SHIM, installRenderCounter]);
    await expect.poll(() => overviewDrawn(page), PATIENT).toBe(links);
    const doc = await peer(map);

    // Overview: a peer renames one factor; its box renders again, no other.
    await startCounting(page);
    renameFactor(doc, 'f30', 'Pluies rares');
    await expect.poll(() => page.locator('[data-testid="factor"][data-label="Pluies rares"]').count(), PATIENT).toBe(1);
    await frames(page);
    const overview = await counted(page);
    expect(overview.factors).toEqual(['f30']);
    expect(overview.linkRenders).toBe(0);

    // Full detail, links as SVG: a rename renders the factor and the links named after it.
    await zoomUntil(page, (z) => z * 15 >= 9);
    await expect.poll(() => lod(page)).toBe('detail');
    await expect.poll(() => page.locator('[data-testid="link-polarity"]').count(), PATIENT).toBeGreaterThan(5);
    const { a } = await pickPair(page);
    await startCounting(page);
    renameFactor(doc, a, 'Exode rural');
    await expect.poll(() => page.locator('[data-testid="factor"][data-label="Exode rural"]').count(), PATIENT).toBe(1);
    await frames(page);
    const renamed = await counted(page);
    expect(renamed.factors).toEqual([a]);
    expect(renamed.links.length).toBeGreaterThan(0);
    expect(notTouching(a, renamed.links)).toEqual([]);

    // A move: the factor and the links that end on it.
    await startCounting(page);
    const before = await node(page, a).evaluate((el) => el.style.transform);
    const f = factorsOf(doc).get(a)!;
    moveFactors(doc, [{ id: a, x: Number(f.get('x')), y: Number(f.get('y')) + 40 }]);
    await expect.poll(() => node(page, a).evaluate((el) => el.style.transform), PATIENT).not.toBe(before);
    await frames(page);
    const moved = await counted(page);
    expect(moved.factors).toEqual([a]);
    expect(moved.links.length).toBeGreaterThan(0);
    expect(notTouching(a, moved.links)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a comparison over the overview: each link in its status colour, a ring around each factor', async () => {
    const { map, links } = await seedMap(app);
    const { context, page, errors } = await open(app, map);
    await expect.poll(() => overviewDrawn(page), PATIENT).toBe(links);
    // A mini-map sharing three factors and one link with the map, and a link of its own.
    const dir = mkdtempSync(join(tmpdir(), 'trame-compare-'));
    const file = join(dir, 'groupe-sud.csv');
    writeFileSync(file, 'cause,effect,polarity\nFacteur 88,Facteur 89,+\nFacteur 89,Facteur 101,+\n');
    await page.getByTestId('open-compare').click();
    await page.getByTestId('compare-file').setInputFiles(file);
    await expect.poll(() => page.getByTestId('compare-counts').count(), PATIENT).toBe(1);
    await page.getByTestId('compare-show').click();
    await expect.poll(() => page.getByTestId('compare-legend').count(), PATIENT).toBe(1);
    await expect.poll(() => lod(page)).toBe('overview');
    await expect.poll(() => node(page, 'f88').getAttribute('class'), PATIENT).toContain('status-both');

    // Rings just outside the boxes: teal for a shared factor, orange for one only here
    // (the colours the comparison's own styles give, features/merge/colours.ts).
    const shared = await centre(page, 'f101');
    const here = await centre(page, 'f100');
    await expect.poll(() => pixelsAt(page, shared.left - 2, shared.y, 0), PATIENT).toEqual([[0, 121, 107, 255]]);
    expect(await pixelsAt(page, here.left - 2, here.y, 0)).toEqual([[230, 81, 0, 255]]);
    // The shared link is teal, a link only here orange, instead of their polarity's blue.
    const a = await centre(page, 'f88');
    const b = await centre(page, 'f89');
    const c = await centre(page, 'f90');
    const near = (colour: number[]) => (p: number[]) => p[3]! > 100 && colour.every((v, i) => Math.abs(p[i]! - v) < 40);
    expect((await pixelsAt(page, (a.x + b.x) / 2, a.y, 3)).some(near([0, 121, 107]))).toBe(true);
    expect((await pixelsAt(page, (b.x + c.x) / 2, b.y, 3)).some(near([230, 81, 0]))).toBe(true);
    expect((await pixelsAt(page, (b.x + c.x) / 2, b.y, 3)).some(near([21, 101, 192]))).toBe(false);

    // Hidden again: plain links.
    await page.getByTestId('compare-legend').getByRole('button').click();
    await expect.poll(async () => (await pixelsAt(page, (b.x + c.x) / 2, b.y, 3)).some(near([21, 101, 192])), PATIENT).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a cycles comparison over the overview: the marks its styles give, without a class of its own', async () => {
    const { map, links } = await seedMap(app);
    const { context, page, errors } = await open(app, map);
    await expect.poll(() => overviewDrawn(page), PATIENT).toBe(links);
    await page.getByTestId('open-cycles').click();
    await page.getByTestId('snapshot-name').fill('Cycle 1');
    await page.getByTestId('snapshot-save').click();
    await expect.poll(() => page.getByTestId('snapshot-row').count(), PATIENT).toBe(1);
    // A peer renames a factor in the middle and draws a link across a gap of the grid.
    const doc = await peer(map);
    renameFactor(doc, 'f101', 'Pluies rares');
    addLink(doc, { id: 'lx', source: 'f88', target: 'f101', polarity: '+' });
    await expect.poll(() => overviewDrawn(page), PATIENT).toBe(links + 1);

    await page.getByTestId('compare-now').click();
    await expect.poll(() => page.getByTestId('cycles-banner').count(), PATIENT).toBe(1);
    await expect.poll(() => lod(page), PATIENT).toBe('overview');
    await expect.poll(() => overviewDrawn(page), PATIENT).toBe(links + 1);
    // The changed factor: a ring in its border's amber (var(--cycles-changed)) just outside it.
    const changed = await centre(page, 'f101');
    await expect.poll(() => pixelsAt(page, changed.left - 2, changed.y, 0), PATIENT).toEqual([[224, 138, 0, 255]]);
    // An unchanged one has none.
    const plainBox = await centre(page, 'f100');
    expect((await pixelsAt(page, plainBox.left - 2, plainBox.y - 8, 0))[0]![3]).toBe(0);
    // The added link keeps its polarity's blue, with the green glow of --cycles-added.
    const a = await centre(page, 'f88');
    const around = await pixelsAt(page, (a.x + changed.x) / 2, (a.y + changed.y) / 2, 4);
    const near = (colour: number[], tol: number) => (p: number[]) => p[3]! > 40 && colour.every((v, i) => Math.abs(p[i]! - v) < tol);
    expect(around.some(near([46, 125, 50], 30))).toBe(true);
    expect(around.some(near([21, 101, 192], 40))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('its minimap on canvases, which still moves the view by a press and zooms it by the wheel', async () => {
    const { map, links } = await seedMap(app);
    const { context, page, errors } = await open(app, map);
    await expect.poll(() => overviewDrawn(page), PATIENT).toBe(links);
    const minimap = page.locator('.large-minimap');
    await expect.poll(() => minimap.count()).toBe(1);
    expect(await page.locator('.react-flow__minimap-svg').count()).toBe(0);
    // The boxes are drawn: some pixels of the first canvas are the factors' grey.
    const grey = await minimap.locator('canvas').first().evaluate((el) => {
      const c = el as HTMLCanvasElement;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      // Boxes a few pixels wide: edge pixels are partly covered, of the same colour.
      for (let i = 0; i < d.length; i += 4) if (d[i + 3]! > 0 && Math.abs(d[i]! - 0x90) < 10 && Math.abs(d[i + 1]! - 0xa4) < 10) n++;
      return n;
    });
    expect(grey).toBeGreaterThan(100);

    // The map point at the middle of the screen, in map units.
    const viewCentre = () => page.evaluate(() => {
      const m = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform);
      const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
      return { x: (pane.width / 2 - m.e) / m.a, y: (pane.height / 2 - m.f) / m.a, zoom: m.a };
    });
    const box = (await minimap.boundingBox())!;
    const before = await viewCentre();
    // The mask over what is out of view is a box moved by a transform, not a drawing.
    const mask = () => minimap.locator('div[aria-hidden="true"]').evaluate((el) => (el as HTMLElement).style.transform);
    const maskBefore = await mask();
    await page.mouse.click(box.x + box.width * 0.25, box.y + box.height / 2);
    await expect.poll(async () => (await viewCentre()).x, PATIENT).toBeLessThan(before.x - 100);
    await expect.poll(mask).not.toBe(maskBefore);
    const left = await viewCentre();
    // Pressed and dragged to the right: the view follows the pointer.
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => (await viewCentre()).x, PATIENT).toBeGreaterThan(left.x + 300);
    expect(Math.abs((await viewCentre()).zoom - before.zoom)).toBeLessThan(1e-6);

    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -300);
    await expect.poll(async () => (await viewCentre()).zoom, PATIENT).toBeGreaterThan(before.zoom * 1.2);
    expect(errors).toEqual([]);
    await context.close();
  });
});
