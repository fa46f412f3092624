import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CreatedMap } from '../helpers/relay';
import { userContext } from './browser';
import { appHarness } from './harness';

const app = appHarness();
const linksCsv = readFileSync(join(import.meta.dirname, '../fixtures/mali-centre-links.csv'), 'utf8');

async function download(page: Page): Promise<Buffer> {
  const waiting = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByTestId('export-image').click();
  return readFileSync(await (await waiting).path());
}

/** Width and height from the PNG's IHDR, and its density from pHYs (pixels per metre) if any. */
function pngHeader(bytes: Buffer) {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  const phys = bytes.indexOf('pHYs', 0, 'latin1');
  return {
    width: bytes.readUInt32BE(16),
    height: bytes.readUInt32BE(20),
    perMetre: phys > 0 ? bytes.readUInt32BE(phys + 4) : null,
  };
}

/** Where the PNG has ink (anything darker than near-white), read in the browser, and its top-left pixel. */
function inkBounds(page: Page, pngBytes: Buffer) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let left = Infinity; let top = Infinity; let right = -1; let bottom = -1;
    for (let y = 0; y < canvas.height; y += 2) {
      for (let x = 0; x < canvas.width; x += 2) {
        const i = (y * canvas.width + x) * 4;
        if (data[i]! < 235 || data[i + 1]! < 235 || data[i + 2]! < 235) {
          left = Math.min(left, x); right = Math.max(right, x); top = Math.min(top, y); bottom = Math.max(bottom, y);
        }
      }
    }
    canvas.width = 0;
    return { left, top, right, bottom, corner: [...data.subarray(0, 3)] };
  }, pngBytes.toString('base64'));
}

describe('exporting the map on a report sheet', () => {
  it('an A4 landscape PNG is 2339 × 1654 at 200 DPI, and the SVG states the sheet in millimetres', async () => {
    const r = await fetch(`${app.relay.url}/api/maps`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: linksCsv });
    expect(r.status).toBe(201);
    const m = (await r.json()) as CreatedMap;
    const context = await userContext(app.browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${app.relay.url}${m.editUrl}`);
    await expect.poll(() => page.locator('[data-testid="factor"]').count()).toBe(30);

    await page.keyboard.press('Control+e');
    const dialog = page.getByTestId('export-dialog');
    await dialog.getByLabel(/^PNG/).check();
    await page.getByTestId('export-page-size').selectOption('a4-landscape');
    await expect.poll(() => page.getByTestId('export-page-pixels').textContent()).toContain('2339 × 1654 px à 200 ppp');
    expect(await page.getByTestId('export-ratio').isDisabled()).toBe(true);
    const pngBytes = await download(page);
    const png = pngHeader(pngBytes);
    expect(png).toEqual({ width: 2339, height: 1654, perMetre: 7874 });

    // The map fills the sheet inside its margins: the drawing touches two opposite margins.
    const inked = await inkBounds(page, pngBytes);
    expect(inked.corner).toEqual([255, 255, 255]);
    expect(inked.left).toBeGreaterThanOrEqual(79);
    expect(inked.top).toBeGreaterThanOrEqual(79);
    expect(inked.right).toBeLessThanOrEqual(2339 - 79);
    expect(inked.bottom).toBeLessThanOrEqual(1654 - 79);
    const fillsWidth = inked.right - inked.left > 0.8 * (2339 - 2 * 79);
    const fillsHeight = inked.bottom - inked.top > 0.8 * (1654 - 2 * 79);
    expect(fillsWidth || fillsHeight).toBe(true);

    await dialog.getByLabel(/^SVG/).check();
    await page.getByTestId('export-page-size').selectOption('a3-portrait');
    await expect.poll(() => page.getByTestId('export-page-pixels').textContent()).toContain('2339 × 3307 px');
    const svg = (await download(page)).toString('utf8');
    expect(svg).toMatch(/^<svg[^>]* width="297mm" height="420mm" viewBox="0 0 2339 3307"/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an A1 poster: the PNG is the sheet at 150 DPI (4967 × 3508), and its SVG holds every factor label, on the sheet', async () => {
    const r = await fetch(`${app.relay.url}/api/maps`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: linksCsv });
    expect(r.status).toBe(201);
    const m = (await r.json()) as CreatedMap;
    const context = await userContext(app.browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${app.relay.url}${m.editUrl}`);
    await expect.poll(() => page.locator('[data-testid="factor"]').count()).toBe(30);
    const labels = (await page.locator('[data-testid="factor"]').evaluateAll((fs) => fs.map((f) => f.getAttribute('data-label') ?? ''))).sort();
    expect(new Set(labels).size).toBe(30);

    // A1 is 841 × 594 mm; at 150 dots per inch that is 841 / 25.4 × 150 by 594 / 25.4 × 150 pixels.
    const width = Math.round((841 / 25.4) * 150);
    const height = Math.round((594 / 25.4) * 150);
    expect([width, height]).toEqual([4967, 3508]);
    await page.keyboard.press('Control+e');
    const dialog = page.getByTestId('export-dialog');
    await dialog.getByLabel(/^PNG/).check();
    await page.getByTestId('export-page-size').selectOption('poster-landscape');
    await expect.poll(() => page.getByTestId('export-page-pixels').textContent()).toContain(`${width} × ${height} px à 150 ppp`);
    const pngBytes = await download(page);
    // 150 DPI in pixels per metre, as the PNG's pHYs chunk states it.
    expect(pngHeader(pngBytes)).toEqual({ width, height, perMetre: Math.round(150 / 0.0254) });
    const inked = await inkBounds(page, pngBytes);
    const margin = Math.floor((10 / 25.4) * 150) - 1;
    expect(inked.corner).toEqual([255, 255, 255]);
    expect(inked.left).toBeGreaterThanOrEqual(margin);
    expect(inked.top).toBeGreaterThanOrEqual(margin);
    expect(inked.right).toBeLessThanOrEqual(width - margin);
    expect(inked.bottom).toBeLessThanOrEqual(height - margin);
    expect(inked.right - inked.left > 0.8 * (width - 2 * margin) || inked.bottom - inked.top > 0.8 * (height - 2 * margin)).toBe(true);

    await dialog.getByLabel(/^SVG/).check();
    const svg = (await download(page)).toString('utf8');
    expect(svg).toMatch(new RegExp(`^<svg[^>]* width="841mm" height="594mm" viewBox="0 0 ${width} ${height}"`));
    // Drawn on its own, as a print shop would: every label is there, with a size, on the sheet.
    const viewer = await context.newPage();
    await viewer.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
    const drawn = await viewer.evaluate(() => {
      const sheet = document.querySelector('svg')!.getBoundingClientRect();
      return [...document.querySelectorAll('.factor-label')].map((l) => {
        const r = l.getBoundingClientRect();
        const onSheet = r.width > 0 && r.height > 0 && r.left >= sheet.left && r.right <= sheet.right && r.top >= sheet.top && r.bottom <= sheet.bottom;
        return `${l.textContent ?? ''}${onSheet ? '' : ' (off the sheet)'}`;
      }).sort();
    });
    expect(drawn).toEqual(labels);
    expect(errors).toEqual([]);
    await context.close();
    // Two exports of a 17-megapixel sheet and a scan of it: more than the default minute on two busy cores.
  }, 180_000);
});
