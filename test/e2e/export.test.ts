import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CreatedMap } from '../helpers/relay';
import { userContext } from './browser';
import { appHarness } from './harness';

const app = appHarness();

const linksCsv = readFileSync(join(import.meta.dirname, '../fixtures/mali-centre-links.csv'), 'utf8');
const factors = (page: Page) => page.locator('[data-testid="factor"]');
/** POLARITY_COLOUR['+'] in src/canvas/polarity.ts */
const PLUS_RGB = [0x15, 0x65, 0xc0] as const;

interface JsonMap {
  factors: { id: string; label: string }[];
  links: { source: string; target: string; polarity: string }[];
}

async function post(body: string, contentType: string): Promise<CreatedMap> {
  const r = await fetch(`${app.relay.url}/api/maps`, { method: 'POST', headers: { 'content-type': contentType }, body });
  expect(r.status).toBe(201);
  return (await r.json()) as CreatedMap;
}

async function open(m: CreatedMap, count: number) {
  const context = await userContext(app.browser);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(`${app.relay.url}${m.editUrl}`);
  await expect.poll(() => factors(page).count()).toBe(count);
  return { context, page, errors };
}

async function download(page: Page, testId: string): Promise<{ file: Download; bytes: Buffer }> {
  const waiting = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByTestId(testId).click();
  const file = await waiting;
  const path = await file.path();
  return { file, bytes: readFileSync(path) };
}

interface Box { id: string; x: number; y: number; w: number; h: number }

/** Factor boxes in map coordinates, as React Flow placed and measured them. */
function boxesOf(page: Page): Promise<Box[]> {
  return page.locator('.react-flow__node').evaluateAll((els) => els.map((el) => {
    const e = el as HTMLElement;
    const m = /translate\(\s*(-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(e.style.transform)!;
    return { id: e.dataset.id!, x: Number(m[1]), y: Number(m[2]), w: e.offsetWidth, h: e.offsetHeight };
  }));
}

describe('exporting the map', () => {
  it('a PNG at pixel ratio 2 holds the whole map, in its aspect ratio, with its links drawn', async () => {
    const m = await post(linksCsv, 'text/csv');
    const map = (await (await fetch(`${app.relay.url}/api/maps/${m.id}/export.json?token=${m.viewToken}`)).json()) as JsonMap;
    const { context, page, errors } = await open(m, 30);
    // Zoom in so most of the map is off screen: the image must hold it all the same.
    for (let i = 0; i < 4; i++) await page.locator('.react-flow__controls-zoomin').click();
    const onScreen = await factors(page).evaluateAll((els) => els.filter((e) => {
      const r = e.getBoundingClientRect();
      return r.right > 0 && r.left < innerWidth && r.bottom > 0 && r.top < innerHeight;
    }).length);
    expect(onScreen).toBeLessThan(30);

    const boxes = await boxesOf(page);
    expect(boxes).toHaveLength(30);
    const minX = Math.min(...boxes.map((b) => b.x));
    const minY = Math.min(...boxes.map((b) => b.y));
    const width = Math.max(...boxes.map((b) => b.x + b.w)) - minX;
    const height = Math.max(...boxes.map((b) => b.y + b.h)) - minY;

    // Links of polarity + with no link back (drawn straight), sampled between the two boxes.
    const byId = new Map(boxes.map((b) => [b.id, b]));
    const pairs = new Set(map.links.map((l) => `${l.source}>${l.target}`));
    const inBox = (x: number, y: number) => boxes.some((b) => x > b.x - 6 && x < b.x + b.w + 6 && y > b.y - 6 && y < b.y + b.h + 6);
    const samples = map.links
      .filter((l) => l.polarity === '+' && !pairs.has(`${l.target}>${l.source}`))
      .map((l) => {
        const a = byId.get(l.source)!;
        const b = byId.get(l.target)!;
        const [ax, ay, bx, by] = [a.x + a.w / 2, a.y + a.h / 2, b.x + b.w / 2, b.y + b.h / 2];
        return [0.3, 0.4, 0.6, 0.7].map((t) => ({ x: ax + (bx - ax) * t, y: ay + (by - ay) * t }))
          .filter((p) => !inBox(p.x, p.y));
      })
      .filter((points) => points.length >= 2)
      .slice(0, 6);
    expect(samples.length).toBeGreaterThanOrEqual(3);

    await page.keyboard.press('Control+e');
    const dialog = page.getByTestId('export-dialog');
    await dialog.getByLabel(/^PNG/).check();
    await page.getByTestId('export-ratio').selectOption('2');
    await page.getByTestId('export-with-title').uncheck();
    await page.getByTestId('export-with-legend').uncheck();
    const { file, bytes } = await download(page, 'export-image');
    expect(file.suggestedFilename()).toMatch(/\.png$/);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');

    const seen = await page.evaluate(async ({ b64, points, minX: mx, minY: my, width: w, rgb }) => {
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
      for (let y = 0; y < canvas.height; y++) {
        for (let x = 0; x < canvas.width; x++) {
          const i = (y * canvas.width + x) * 4;
          if (data[i]! < 235 || data[i + 1]! < 235 || data[i + 2]! < 235) {
            left = Math.min(left, x); right = Math.max(right, x); top = Math.min(top, y); bottom = Math.max(bottom, y);
          }
        }
      }
      // Map coordinates to image pixels through the drawing's own extent.
      const scale = (right - left + 1) / w;
      const near = (mapX: number, mapY: number) => {
        const cx = Math.round(left + (mapX - mx) * scale);
        const cy = Math.round(top + (mapY - my) * scale);
        for (let dy = -3; dy <= 3; dy++) {
          for (let dx = -3; dx <= 3; dx++) {
            const i = ((cy + dy) * canvas.width + (cx + dx)) * 4;
            const d = Math.abs(data[i]! - rgb[0]) + Math.abs(data[i + 1]! - rgb[1]) + Math.abs(data[i + 2]! - rgb[2]);
            if (d < 90) return true;
          }
        }
        return false;
      };
      return {
        width: canvas.width, height: canvas.height, left, top, right, bottom,
        hits: points.map((link) => link.filter((p) => near(p.x, p.y)).length / link.length),
      };
    }, { b64: bytes.toString('base64'), points: samples, minX, minY, width, rgb: PLUS_RGB });

    const drawnW = seen.right - seen.left + 1;
    const drawnH = seen.bottom - seen.top + 1;
    // Pixel ratio 2: the drawing is twice the map's size, and the map's shape.
    expect(drawnW / width).toBeGreaterThan(1.96);
    expect(drawnW / width).toBeLessThan(2.04);
    expect((drawnW / drawnH) / (width / height)).toBeGreaterThan(0.98);
    expect((drawnW / drawnH) / (width / height)).toBeLessThan(1.02);
    // The image is the drawing and a margin, not the screen's shape.
    expect(seen.width).toBeLessThan(drawnW + 400);
    expect(seen.height).toBeLessThan(drawnH + 400);
    for (const share of seen.hits) expect(share).toBeGreaterThanOrEqual(0.5);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an SVG keeps a hostile label and title as text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const m = await post(JSON.stringify({
      format: 'trame', schemaVersion: 1, meta: { title: '<script>alert(2)</script> Mopti' },
      factors: [{ id: 'fa', label: hostile, x: 0, y: 0 }, { id: 'fb', label: 'Sécheresse & "pluies"', x: 400, y: 100 }],
      links: [{ id: 'la', source: 'fa', target: 'fb', polarity: '-' }],
    }), 'application/json');
    const { context, page, errors } = await open(m, 2);
    await page.getByTestId('open-export').click();
    await page.getByTestId('export-dialog').getByLabel(/^SVG/).check();
    await page.getByTestId('export-with-title').check();
    await page.getByTestId('export-with-legend').check();
    const { file, bytes } = await download(page, 'export-image');
    expect(file.suggestedFilename()).toMatch(/\.svg$/);
    const svg = bytes.toString('utf8');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(svg).not.toContain('<img src=x');
    expect(svg).toContain('&lt;script&gt;alert(2)&lt;/script&gt; Mopti');
    expect(svg).not.toContain('<script');
    // Read as an SVG document: well-formed, no element from the labels, the label as text.
    const parsed = await page.evaluate((text) => {
      const d = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        broken: d.getElementsByTagName('parsererror').length,
        elements: d.getElementsByTagNameNS('*', 'img').length + d.getElementsByTagNameNS('*', 'script').length,
        text: d.documentElement.textContent ?? '',
      };
    }, svg);
    expect(parsed.broken).toBe(0);
    expect(parsed.elements).toBe(0);
    expect(parsed.text).toContain(hostile);
    expect(parsed.text).toContain('Sens opposé (−)');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('saves the map file and the data files, and shows that the file is ready', async () => {
    const m = await post(linksCsv, 'text/csv');
    const { context, page } = await open(m, 30);
    await page.getByTestId('open-export').click();
    const saved = await download(page, 'export-map-file');
    expect(saved.file.suggestedFilename()).toMatch(/\.trame\.json$/);
    const json = JSON.parse(saved.bytes.toString('utf8')) as JsonMap & { format: string };
    expect(json.format).toBe('trame');
    expect(json.factors).toHaveLength(30);
    expect(json.links).toHaveLength(55);
    await expect.poll(() => page.getByTestId('export-status').textContent()).toContain('Fichier prêt');

    const csv = await download(page, 'export-links-csv');
    expect(csv.file.suggestedFilename()).toMatch(/liens.*\.csv$/);
    expect(csv.bytes.toString('utf8').trim().split('\r\n')).toHaveLength(56);
    const graphml = await download(page, 'export-graphml');
    expect(graphml.bytes.toString('utf8').match(/<edge /g)).toHaveLength(55);
    await context.close();
  });
});
