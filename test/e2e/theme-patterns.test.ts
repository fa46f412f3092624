import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addFactor, addTheme, setFactorTheme } from '../../src/model';
import { createMap } from '../helpers/relay';
import { appHarness } from './harness';
import { openMap, writeToMap } from './workshop-helpers';

const app = appHarness();

const THEMES = 13;
const names = Array.from({ length: THEMES }, (_, i) => `Thème ${String(i + 1).padStart(2, '0')}`);

/** Each factor box's theme look as drawn: its band colour and its background pattern. */
function boxLooks(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-testid="factor"]')].map((f) => {
    const s = getComputedStyle(f);
    return `${f.dataset.label ?? ''}|${s.borderLeftColor}|${s.backgroundImage}`;
  }));
}

const distinctLooks = (looks: readonly string[]) => new Set(looks.map((l) => l.split('|').slice(1).join('|'))).size;

describe('more themes than colours', () => {
  it('13 themes: every box, legend entry and exported swatch looks different; themes 11–13 carry a pattern', async () => {
    const map = await createMap(app.relay, 'Treize thèmes');
    await writeToMap(app.relay, map, (doc) => {
      names.forEach((name, i) => {
        const theme = addTheme(doc, name);
        const f = addFactor(doc, { label: `Facteur ${i + 1}`, x: 40 + (i % 5) * 260, y: 60 + Math.floor(i / 5) * 200 });
        setFactorTheme(doc, f, theme);
      });
    });
    const { context, page, errors } = await openMap(app.browser, app.relay, map, 'Awa');
    await expect.poll(() => page.locator('[data-testid="factor"]').count()).toBe(THEMES);

    // On the canvas: 13 different looks; the three past the palette have a pattern, the first ten none.
    await expect.poll(async () => distinctLooks(await boxLooks(page))).toBe(THEMES);
    const looks = await boxLooks(page);
    const patterned = looks.filter((l) => !l.endsWith('|none')).map((l) => l.split('|')[0]).sort();
    expect(patterned).toEqual(['Facteur 11', 'Facteur 12', 'Facteur 13']);

    // The legend on the map: one entry per theme, swatches all different.
    await page.keyboard.press('t');
    await page.getByTestId('theme-legend-toggle').check();
    const legend = page.getByTestId('theme-legend');
    await expect.poll(() => legend.locator('li').count()).toBe(THEMES);
    const swatches = await legend.locator('li').evaluateAll((lis) => lis.map((li) => {
      const s = getComputedStyle(li.querySelector('.swatch')!);
      return `${li.textContent ?? ''}|${s.backgroundColor}|${s.backgroundImage}|${li.getAttribute('data-pattern') ?? ''}`;
    }));
    expect(distinctLooks(swatches)).toBe(THEMES);
    expect(swatches.filter((s) => !s.endsWith('|solid')).map((s) => s.split('|')[0])).toEqual(['Thème 11', 'Thème 12', 'Thème 13']);
    // "Tout afficher" leaves the legend's corner free: no factor under it, every one in the window.
    await page.locator('.react-flow__controls-fitview').click();
    // Read once the camera has arrived: no factor under the legend, none outside the window.
    const misplaced = () => page.evaluate(() => {
      const l = document.querySelector('[data-testid="theme-legend"]')!.getBoundingClientRect();
      return [...document.querySelectorAll<HTMLElement>('[data-testid="factor"]')].flatMap((f) => {
        const r = f.getBoundingClientRect();
        const under = r.left < l.right && l.left < r.right && r.top < l.bottom && l.top < r.bottom;
        const outside = r.left < 0 || r.top < 0 || r.right > window.innerWidth || r.bottom > window.innerHeight;
        return under || outside ? [`${f.dataset.label ?? ''}${under ? ' under the legend' : ' outside'}`] : [];
      });
    });
    await expect.poll(misplaced).toEqual([]);

    // The exported SVG, drawn on its own: the boxes keep their patterns, the legend draws them too.
    await page.keyboard.press('Escape');
    await page.getByTestId('open-export').click();
    await page.getByTestId('export-dialog').getByLabel(/^SVG/).check();
    await page.getByTestId('export-with-legend').check();
    const waiting = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('export-image').click();
    const svg = readFileSync(await (await waiting).path(), 'utf8');
    const viewer = await context.newPage();
    await viewer.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
    expect(distinctLooks(await boxLooks(viewer))).toBe(THEMES);
    const exported = await viewer.evaluate(() => {
      const legend = document.querySelector('[data-part="legend"]')!;
      const patterns = [...legend.querySelectorAll('[data-pattern]')].map((g) => {
        const rect = g.querySelector('rect[fill^="url("]')!;
        const id = /url\(#(.+)\)/.exec(rect.getAttribute('fill') ?? '')?.[1] ?? '';
        const tile = document.getElementById(id);
        // The tile is drawn in the theme's colour: a stroke or a dot of it.
        const ink = tile?.querySelector('path, circle');
        return `${g.getAttribute('data-pattern') ?? ''} ${rect.getAttribute('stroke') ?? ''} ${ink?.getAttribute('stroke') ?? ink?.getAttribute('fill') ?? ''}`;
      });
      return { text: legend.textContent ?? '', patterns };
    });
    for (const name of names) expect(exported.text).toContain(name);
    expect(exported.patterns).toHaveLength(3);
    for (const p of exported.patterns) {
      const [pattern, frame, ink] = p.split(' ');
      expect(pattern).not.toBe('solid');
      expect(ink).toBe(frame);
    }
    expect(new Set(exported.patterns).size).toBe(3);
    expect(errors).toEqual([]);
    await context.close();
  });
});
