import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Relay } from '../helpers/relay';
import { launchChromium, userContext } from './browser';
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

/** A fresh browser context installs the service worker: the notice comes once it has cached the app. */
const INSTALL = { timeout: 30_000 };

/** Where the notice is, against the toolbar, the map pane and every factor box on screen. */
function noticePlace(page: Page) {
  return page.evaluate(() => {
    const notice = document.querySelector<HTMLElement>('[data-testid="offline-ready"]')!;
    const n = notice.getBoundingClientRect();
    const meets = (r: DOMRect) => n.left < r.right && r.left < n.right && n.top < r.bottom && r.top < n.bottom;
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const factors = [...document.querySelectorAll<HTMLElement>('[data-testid="factor"]')].filter((f) => f.getBoundingClientRect().width > 0);
    return {
      inToolbar: !!notice.closest('.toolbar'),
      role: notice.getAttribute('role'),
      overPane: meets(pane),
      overFactors: factors.filter((f) => meets(f.getBoundingClientRect())).map((f) => f.dataset.label ?? ''),
      // What is drawn at the notice's own centre: the notice itself (it is not under anything either).
      onTop: notice.contains(document.elementFromPoint(n.left + n.width / 2, n.top + n.height / 2)),
    };
  });
}

describe('the "works without a network" notice', () => {
  it('docks in the toolbar, over no factor of the Mali map, and its close button takes it away', async () => {
    const map = await maliMap(relay);
    const { context, page, errors } = await openMap(browser, relay, map, 'Awa', false, { width: 1920, height: 1080 });
    await expect.poll(() => page.locator('[data-testid="factor"]').count()).toBe(30);
    const notice = page.getByTestId('offline-ready');
    await expect.poll(() => notice.isVisible(), INSTALL).toBe(true);
    // The pointer on it holds it (it would go after 8 s) while the room's view is measured.
    await notice.hover();
    expect(await notice.textContent()).toContain('Trame fonctionne maintenant sans réseau sur cet appareil.');
    expect(await noticePlace(page)).toEqual({ inToolbar: true, role: 'status', overPane: false, overFactors: [], onTop: true });
    // The room's view of the map while it is shown: every factor whole, no corner under anything.
    await expect.poll(async () => (await roomSees(page)).uncovered, { timeout: 15_000 }).toBe(30);
    expect((await roomSees(page)).covered).toEqual([]);
    expect(await notice.isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Fermer ce message' }).click();
    await expect.poll(() => notice.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('goes by itself after a few seconds; in English too', async () => {
    const map = await maliMap(relay);
    const context = await userContext(browser, { name: 'Ann', locale: 'en-GB', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${relay.url}${map.editUrl}`);
    await expect.poll(() => page.locator('[data-testid="factor"]').count()).toBe(30);
    const notice = page.getByTestId('offline-ready');
    await expect.poll(() => notice.isVisible(), INSTALL).toBe(true);
    expect(await notice.textContent()).toContain('Trame now works without a network on this device.');
    expect(await notice.getByRole('button', { name: 'Close this message' }).count()).toBe(1);
    // A narrower window: the toolbar gives the notice a row of its own rather than the map.
    const place = await noticePlace(page);
    expect(place).toMatchObject({ inToolbar: true, overPane: false, overFactors: [] });
    // Nobody touches it: it leaves on its own.
    await expect.poll(() => notice.count(), { timeout: 20_000 }).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
