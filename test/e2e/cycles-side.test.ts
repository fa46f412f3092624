import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CreatedMap } from '../helpers/relay';
import { userContext } from './browser';
import { appHarness } from './harness';

const app = appHarness();

/** The machine running the tests may be busy: waits are generous, never timed assertions. */
const PATIENT = { timeout: 20_000 };
/** A negative link's colour (src/ui/polarity.ts), as the browser writes it, and a positive one's. */
const NEGATIVE_RED = /^rgb\(198, 40, 40\)$/;
const POSITIVE_BLUE = 'rgb(21, 101, 192)';
const factorIn = (scope: Page | Locator, label: string) => scope.locator(`[data-testid="factor"][data-label="${label}"]`);
const transformOf = (half: Locator) => half.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);

/** A factor's box as the comparison marks it, and the status word beside it. */
const marks = (scope: Page | Locator, label: string) =>
  factorIn(scope, label).evaluate((el) => {
    const s = getComputedStyle(el);
    return {
      border: s.borderTopColor, style: s.borderTopStyle,
      badge: el.querySelector('[data-testid="badge-added"], [data-testid="badge-removed"], [data-testid="badge-changed"]')?.textContent ?? null,
    };
  });

/** Where a factor is drawn, from its half's top-left corner. */
const offsetIn = (half: Locator, label: string) =>
  factorIn(half, label).evaluate((el) => {
    const pane = el.closest('.react-flow')!.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    return { x: Math.round(box.x - pane.x), y: Math.round(box.y - pane.y) };
  });

/** A point of the half's pane with nothing drawn on it, to drag the view from. */
const emptyPoint = (half: Locator) =>
  half.locator('.react-flow').evaluate((flow) => {
    const r = flow.getBoundingClientRect();
    for (let fy = 0.2; fy < 0.9; fy += 0.05) {
      for (let fx = 0.2; fx < 0.9; fx += 0.05) {
        const x = r.x + r.width * fx;
        const y = r.y + r.height * fy;
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return null;
  });

async function maliMap(): Promise<CreatedMap> {
  const csv = readFileSync(join(import.meta.dirname, '../fixtures/mali-centre-links.csv'), 'utf8');
  const r = await fetch(`${app.relay.url}/api/maps`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv });
  expect(r.status).toBe(201);
  return (await r.json()) as CreatedMap;
}

/** PNG width and height, from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('a comparison side by side', () => {
  it('shows "Cycle 1" and now in two halves with one viewport, each marking what it lost or gained', async () => {
    const map = await maliMap();
    const context = await userContext(app.browser, { name: 'Aminata' });
    const page = await context.newPage();
    await page.goto(`http://localhost:${app.relay.port}${map.editUrl}`);
    await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-status'), PATIENT).toBe('online');
    await expect.poll(() => factorIn(page, 'Corruption').count(), PATIENT).toBe(1);

    await page.getByTestId('open-cycles').click();
    await page.getByTestId('snapshot-name').fill('Cycle 1 — atelier de Kangaba');
    await page.getByTestId('snapshot-save').click();
    await expect.poll(() => page.getByTestId('snapshot-row').count(), PATIENT).toBe(1);

    // Cycle 2: one factor added, one removed (with its links).
    await page.getByRole('button', { name: 'Ajouter un facteur' }).click();
    const editor = page.getByRole('textbox', { name: 'Nom du facteur' });
    await editor.fill('Orpaillage artisanal');
    await editor.press('Enter');
    await expect.poll(() => factorIn(page, 'Orpaillage artisanal').count(), PATIENT).toBe(1);
    await factorIn(page, 'Fermeture des écoles').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => factorIn(page, 'Fermeture des écoles').count(), PATIENT).toBe(0);

    await page.getByTestId('compare-now').click();
    await expect.poll(() => page.getByTestId('cycles-banner').textContent(), PATIENT).toContain('« Maintenant »');
    // On the overlay, the removed factor is told apart from a negative link by more than a colour.
    await expect.poll(() => marks(page, 'Fermeture des écoles'), PATIENT)
      .toEqual({ border: expect.not.stringMatching(NEGATIVE_RED), style: 'dashed', badge: 'Retiré' });
    await expect.poll(() => page.getByTestId('cycles-legend-links').textContent()).toContain('polarité');

    // The comparison as one map, as an image: the width the side-by-side image is measured against.
    const single = page.waitForEvent('download');
    await page.getByTestId('cycles-image').click();
    const overlayImage = pngSize(readFileSync((await (await single).path())!));

    await page.getByTestId('cycles-layout-side').click();
    const before = page.getByTestId('cycles-half-before');
    const after = page.getByTestId('cycles-half-after');
    await expect.poll(() => before.locator('h2').textContent(), PATIENT).toBe('Avant Cycle 1 — atelier de Kangaba');
    await expect.poll(() => after.locator('h2').textContent()).toBe('Après Maintenant');
    // Each half holds its own state: the removed factor on the left only, the added one on the right only.
    await expect.poll(() => factorIn(before, 'Fermeture des écoles').count(), PATIENT).toBe(1);
    await expect.poll(() => factorIn(after, 'Orpaillage artisanal').count(), PATIENT).toBe(1);
    expect(await factorIn(after, 'Fermeture des écoles').count()).toBe(0);
    expect(await factorIn(before, 'Orpaillage artisanal').count()).toBe(0);
    // …each marked, in words too, and the removed one not in a negative link's red.
    await expect.poll(() => marks(before, 'Fermeture des écoles'), PATIENT)
      .toEqual({ border: expect.not.stringMatching(NEGATIVE_RED), style: 'dashed', badge: 'Retiré' });
    await expect.poll(() => marks(after, 'Orpaillage artisanal'), PATIENT)
      .toEqual({ border: 'rgb(46, 125, 50)', style: 'solid', badge: 'Ajouté' });
    expect((await marks(before, 'Corruption')).badge).toBeNull();
    // A removed link keeps its polarity's colour (this one is +, blue), dashed, with its word.
    const removedLink = before.locator('.react-flow__edge', { has: page.locator('[data-testid="link-badge-removed"]') }).first();
    await expect.poll(() => removedLink.count(), PATIENT).toBe(1);
    await expect.poll(() => removedLink.locator('.react-flow__edge-path').evaluate((p) => {
      const s = getComputedStyle(p);
      return { dashed: s.strokeDasharray !== 'none', stroke: s.stroke };
    })).toEqual({ dashed: true, stroke: POSITIVE_BLUE });
    expect(await after.locator('[data-testid="link-badge-removed"]').count()).toBe(0);

    // One viewport: the same transform in both halves, so a factor both have is at one place in each.
    await expect.poll(async () => (await transformOf(before)) === (await transformOf(after)), PATIENT).toBe(true);
    await expect.poll(async () => JSON.stringify(await offsetIn(before, 'Corruption')) === JSON.stringify(await offsetIn(after, 'Corruption')), PATIENT)
      .toBe(true);

    // Dragging the left half moves the right one with it.
    const start = await transformOf(before);
    const from = await emptyPoint(before);
    expect(from).not.toBeNull();
    await page.mouse.move(from!.x, from!.y);
    await page.mouse.down();
    await page.mouse.move(from!.x + 90, from!.y + 50, { steps: 6 });
    await page.mouse.up();
    await expect.poll(() => transformOf(before), PATIENT).not.toBe(start);
    await expect.poll(async () => (await transformOf(after)) === (await transformOf(before)), PATIENT).toBe(true);
    expect(await transformOf(after)).not.toBe(start);

    // The keyboard moves both too, from either half.
    const dragged = await transformOf(after);
    await after.locator('.cycles-half-view').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => transformOf(after), PATIENT).not.toBe(dragged);
    await expect.poll(async () => (await transformOf(before)) === (await transformOf(after)), PATIENT).toBe(true);

    // The table names every link and loop by its factors, unchanged ones included.
    await page.getByTestId('cycles-table-toggle').click();
    const table = page.getByTestId('cycles-table');
    await expect.poll(() => table.locator('tr[data-status="removed"]').allTextContents(), PATIENT)
      .toContainEqual(expect.stringContaining('Fermeture des écoles → Chômage des jeunes (+)'));
    await expect.poll(() => table.locator('.cycles-loops').textContent()).toMatch(/Boucles disparues.*Fermeture des écoles.*\(renforçante\)/);
    expect(await table.locator('.cycles-loops').textContent()).not.toContain('?');
    await page.getByTestId('cycles-table-toggle').click();

    // The comparison as one side-by-side picture for a report.
    const download = page.waitForEvent('download');
    await page.getByTestId('cycles-image').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^Cycle 1 — atelier de Kangaba → Maintenant - côte à côte - .*\.png$/);
    // Two pages of the same part of the map, side by side: about twice as wide as the one map.
    const size = pngSize(readFileSync((await file.path())!));
    expect(size.width).toBeGreaterThan(1.8 * overlayImage.width);

    // Escape goes back to the comparison drawn as one map.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('cycles-side').count(), PATIENT).toBe(0);
    await expect.poll(() => page.getByTestId('cycles-layout-side').getAttribute('aria-pressed'), PATIENT).toBe('false');
    await expect.poll(() => factorIn(page, 'Orpaillage artisanal').count(), PATIENT).toBe(1);

    // On a phone the halves are stacked, still with one viewport.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('cycles-layout-side').click();
    await expect.poll(() => factorIn(after, 'Orpaillage artisanal').count(), PATIENT).toBe(1);
    const [top, bottom] = [await before.boundingBox(), await after.boundingBox()];
    expect(top && bottom && top.y + top.height <= bottom.y + 4 && Math.abs(top.x - bottom.x) < 2).toBe(true);
    await expect.poll(async () => (await transformOf(before)) === (await transformOf(after)), PATIENT).toBe(true);
    // Both halves in sight: the panel's sheet, which covers the lower screen on a phone, is closed.
    const inSight = (half: Locator) => half.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.height > 120 && el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
    });
    await expect.poll(() => inSight(after), PATIENT).toBe(true);
    expect(await inSight(before)).toBe(true);
    // The button closes it as Escape does.
    await page.getByTestId('cycles-side-close').click();
    await expect.poll(() => page.getByTestId('cycles-side').count(), PATIENT).toBe(0);
    await context.close();
  });
});
