import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Relay } from '../helpers/relay';
import { launchChromium } from './browser';
import { exportedJson, loopMap, maliMap, openMap, startAppRelay, viewportOf } from './workshop-helpers';

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

const NEXT: Record<string, string> = { '+': '-', '-': '?', '?': '+' };
const SIGN: Record<string, string> = { '+': '+', '-': '−', '?': '?' };

/** The shortest link on screen: its id, its marker's centre, its length in screen pixels. */
async function shortestLink(page: Page): Promise<{ id: string; x: number; y: number; length: number; polarity: string }> {
  return page.locator('.react-flow__edge').evaluateAll((edges) => {
    const zoom = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a;
    const all = edges.map((g) => {
      const path = g.querySelector<SVGPathElement>('.react-flow__edge-path')!;
      const marker = g.querySelector('[data-testid="link-polarity"]')!;
      const box = marker.getBoundingClientRect();
      return {
        id: g.getAttribute('data-id') ?? '',
        x: box.x + box.width / 2,
        y: box.y + box.height / 2,
        length: path.getTotalLength() * zoom,
        polarity: marker.getAttribute('data-polarity') ?? '',
      };
    });
    return all.sort((a, b) => a.length - b.length)[0]!;
  });
}

const polarityOf = (page: Page, id: string) =>
  page.locator(`.react-flow__edge[data-id="${id}"] [data-testid="link-polarity"]`).getAttribute('data-polarity');
const isSelected = (page: Page, id: string) =>
  page.locator(`.react-flow__edge[data-id="${id}"]`).evaluate((g) => g.classList.contains('selected'));

describe('safe clicks', () => {
  it('at overview zoom a click on a short link selects it and keeps its polarity; the selected link\'s marker changes it, with a notice and Annuler', async () => {
    const map = await maliMap(relay);
    const { context, page, errors } = await openMap(browser, relay, map, 'Awa');
    await expect.poll(() => page.locator('[data-testid="factor"]').count()).toBe(30);
    // The whole map on a laptop screen: a zoom well below 100 %.
    await expect.poll(async () => (await viewportOf(page)).zoom).toBeLessThan(0.8);
    await page.getByTestId('open-loops').click();
    await expect.poll(() => page.getByTestId('loops-summary').textContent()).toMatch(/^116 boucles/);
    const summaryBefore = await page.getByTestId('loops-summary').textContent();

    const link = await shortestLink(page);
    // Short on screen, its marker most of it: where a stray click used to cycle the polarity.
    expect(link.length).toBeLessThan(80);
    await page.mouse.click(link.x, link.y);
    await expect.poll(() => isSelected(page, link.id)).toBe(true);
    expect(await polarityOf(page, link.id)).toBe(link.polarity);
    expect(await page.getByTestId('polarity-notice').count()).toBe(0);
    const stored = (await exportedJson(relay, map)).links.find((l) => l.id === link.id);
    expect(stored?.polarity).toBe(link.polarity);

    // The selected link's marker does change it, and says so, with the loops' new counts.
    await page.mouse.click(link.x, link.y);
    const changed = NEXT[link.polarity]!;
    await expect.poll(() => polarityOf(page, link.id)).toBe(changed);
    const notice = page.getByTestId('polarity-notice');
    await expect.poll(() => notice.textContent()).toContain(`Polarité changée : ${SIGN[link.polarity]} → ${SIGN[changed]}`);
    await expect.poll(() => notice.getByTestId('polarity-notice-loops').textContent()).toMatch(/^Boucles : .*→/);
    await expect.poll(() => page.getByTestId('loops-summary').textContent()).not.toBe(summaryBefore);

    await notice.getByTestId('polarity-undo').click();
    await expect.poll(() => polarityOf(page, link.id)).toBe(link.polarity);
    await expect.poll(() => notice.count()).toBe(0);
    await expect.poll(() => page.getByTestId('loops-summary').textContent()).toBe(summaryBefore);
    await expect.poll(async () => (await exportedJson(relay, map)).links.find((l) => l.id === link.id)?.polarity).toBe(link.polarity);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('? with a link selected opens the help and leaves the polarity; 0 marks it undecided', async () => {
    const { map } = await loopMap(relay, ['Eau', 'Bétail']);
    const { context, page, errors } = await openMap(browser, relay, map, 'Awa');
    const marker = page.locator('[data-testid="link-polarity"]').first();
    await expect.poll(() => marker.count()).toBe(1);
    await marker.click();
    await expect.poll(() => page.locator('.react-flow__edge.selected').count()).toBe(1);
    await page.keyboard.press('?');
    const help = page.getByTestId('shortcuts-help');
    await expect.poll(() => help.isVisible()).toBe(true);
    expect(await marker.getAttribute('data-polarity')).toBe('+');
    expect((await exportedJson(relay, map)).links.map((l) => l.polarity)).toEqual(['+', '+']);
    expect(await help.textContent()).toContain('non décidée (0)');
    await page.keyboard.press('Escape');
    await expect.poll(() => help.count()).toBe(0);
    // The link is still selected: 0 is the key for "undecided", and says so.
    await page.keyboard.press('0');
    await expect.poll(() => marker.getAttribute('data-polarity')).toBe('?');
    await expect.poll(() => page.getByTestId('polarity-notice').textContent()).toContain('Polarité changée : + → ?');
    expect(errors).toEqual([]);
    await context.close();
  });
});
