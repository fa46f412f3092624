import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createMap, type CreatedMap } from '../helpers/relay';
import { userContext } from './browser';
import { appHarness } from './harness';

/**
 * Automatic layout in the browser (issue 12): a factors CSV imported before its links CSV is
 * laid out when the links arrive (in the layout worker), with no box on another; factors
 * added with N one after another land apart; "tidy around what I placed" leaves a factor a
 * person dragged exactly where it was.
 */
const app = appHarness();

const fixtureDir = join(import.meta.dirname, '../fixtures');
const factors = (page: Page) => page.locator('[data-testid="factor"]');
const links = (page: Page) => page.locator('[data-testid="link-polarity"]');

interface JsonMap {
  factors: { id: string; label: string; x: number; y: number }[];
}

async function mapJson(m: CreatedMap): Promise<JsonMap> {
  return (await (await fetch(`${app.relay.url}/api/maps/${m.id}/export.json?token=${m.viewToken}`)).json()) as JsonMap;
}

async function open(m: CreatedMap) {
  const context = await userContext(app.browser, { locale: 'fr-FR' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${app.relay.url}${m.editUrl}`);
  await expect.poll(() => page.getByTestId('open-import').count()).toBe(1);
  return { context, page, errors };
}

/** Pairs of factor boxes, as drawn, that overlap. */
async function overlappingBoxes(page: Page): Promise<string[]> {
  return factors(page).evaluateAll((els) => {
    const rs = els.map((e) => ({ label: e.getAttribute('data-label') ?? '', r: e.getBoundingClientRect() }));
    const out: string[] = [];
    for (let i = 0; i < rs.length; i++) {
      for (let j = i + 1; j < rs.length; j++) {
        const a = rs[i]!.r;
        const b = rs[j]!.r;
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) out.push(`${rs[i]!.label} / ${rs[j]!.label}`);
      }
    }
    return out;
  });
}

async function importFile(page: Page, file: string) {
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-file').setInputFiles(join(fixtureDir, file));
  await expect.poll(() => page.getByTestId('import-report').getAttribute('data-outcome')).toBe('done');
}

/** A box's place once two reads a frame apart agree (the camera has stopped moving). */
async function settledBox(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  let last = await locator.boundingBox();
  for (let tries = 0; tries < 200; tries++) {
    await locator.page().waitForTimeout(50);
    const now = await locator.boundingBox();
    if (now && last && now.x === last.x && now.y === last.y && now.width === last.width) return now;
    last = now;
  }
  throw new Error('the box never stood still');
}

describe('layout in the browser', () => {
  it('factors CSV first, then links: the links’ arrival lays the map out, no box on another', async () => {
    const m = await createMap(app.relay, 'Facteurs puis liens');
    const { context, page, errors } = await open(m);
    await importFile(page, 'mali-centre-factors.csv');
    await expect.poll(() => factors(page).count()).toBe(30);
    const grid = (await mapJson(m)).factors.map((f) => `${f.label}@${f.x},${f.y}`).sort().join();
    await page.getByTestId('import-report').getByRole('button').first().click().catch(() => undefined);
    await importFile(page, 'mali-centre-links.csv');
    await expect.poll(() => links(page).count()).toBe(55);
    // Still 30 factors (the links reuse them by name), laid out again rather than left on the grid.
    expect(await factors(page).count()).toBe(30);
    await expect.poll(async () => (await mapJson(m)).factors.map((f) => `${f.label}@${f.x},${f.y}`).sort().join()).not.toBe(grid);
    await expect.poll(() => overlappingBoxes(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('three factors added with N are three boxes apart', async () => {
    const m = await createMap(app.relay, 'Trois facteurs');
    const { context, page, errors } = await open(m);
    await expect.poll(() => page.getByText('La carte est vide').count()).toBe(1);
    for (const label of ['Premier', 'Deuxième', 'Troisième']) {
      await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
      await page.keyboard.press('n');
      const editor = page.getByRole('textbox', { name: /Nom du facteur/ });
      await editor.fill(label);
      await editor.press('Enter');
      await expect.poll(() => page.locator(`[data-label="${label}"]`).count()).toBe(1);
    }
    expect(await factors(page).count()).toBe(3);
    await expect.poll(() => overlappingBoxes(page)).toEqual([]);
    await expect.poll(async () => new Set((await mapJson(m)).factors.map((f) => `${f.x},${f.y}`)).size).toBe(3);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('tidy around what I placed: the factor a person dragged stays where it was, the rest is laid out', async () => {
    const m = await createMap(app.relay, 'Autour');
    const { context, page, errors } = await open(m);
    await importFile(page, 'mali-centre-links.csv');
    await expect.poll(() => factors(page).count()).toBe(30);
    await expect.poll(async () => (await mapJson(m)).factors.length).toBe(30);
    // Drag one factor by its label, well away from where the layout put it.
    const label = (await factors(page).first().getAttribute('data-label'))!;
    // The view is still flying to the imported map: read the box once it stands still.
    const box = await settledBox(page.locator(`[data-label="${label}"] .factor-label`));
    const before = (await mapJson(m)).factors.find((f) => f.label === label)!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 40, { steps: 6 });
    await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 90, { steps: 6 });
    await page.mouse.up();
    await expect.poll(async () => (await mapJson(m)).factors.find((f) => f.label === label)!.x).not.toBe(before.x);
    const placed = (await mapJson(m)).factors.find((f) => f.label === label)!;
    const others = (await mapJson(m)).factors.filter((f) => f.label !== label).map((f) => `${f.x},${f.y}`).sort().join();

    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.getByTestId('tidy-up').click();
    await page.getByRole('menuitem', { name: /Ranger autour du facteur placé à la main/ }).click();
    // The others move (written once the animation ends); the dragged one does not.
    await expect.poll(async () => (await mapJson(m)).factors.filter((f) => f.label !== label).map((f) => `${f.x},${f.y}`).sort().join(), { timeout: 60_000 })
      .not.toBe(others);
    expect((await mapJson(m)).factors.find((f) => f.label === label)).toMatchObject({ x: placed.x, y: placed.y });
    await expect.poll(() => overlappingBoxes(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
