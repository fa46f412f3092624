import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Relay } from '../helpers/relay';
import { launchChromium } from './browser';
import { loopMap, openMap, startAppRelay, viewportOf } from './workshop-helpers';

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

/** How far apart two viewports are: pixels of pan, and the zoom ratio. */
async function gap(a: Page, b: Page): Promise<{ px: number; zoom: number }> {
  const [va, vb] = await Promise.all([viewportOf(a), viewportOf(b)]);
  return { px: Math.hypot(va.x - vb.x, va.y - vb.y), zoom: Math.abs(Math.log(va.zoom / vb.zoom)) };
}

const close = (g: { px: number; zoom: number }) => g.px < 12 && g.zoom < 0.03;

/** A point where the empty map itself is under the pointer (no factor, link, minimap or button). */
async function emptySpot(page: Page): Promise<{ x: number; y: number }> {
  const spot = await page.locator('.react-flow__pane').evaluate((pane) => {
    const box = pane.getBoundingClientRect();
    for (let fy = 0.3; fy < 0.9; fy += 0.1) {
      for (let fx = 0.3; fx < 0.8; fx += 0.05) {
        const x = box.left + box.width * fx;
        const y = box.top + box.height * fy;
        if (document.elementFromPoint(x, y) === pane) return { x, y };
      }
    }
    return null;
  });
  if (!spot) throw new Error('no empty spot on the map');
  return spot;
}

async function panBy(page: Page, dx: number, dy: number) {
  const { x, y } = await emptySpot(page);
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 4 });
  await page.mouse.move(x + dx, y + dy, { steps: 4 });
  await page.mouse.up();
}

describe('following another person', () => {
  it('follows a peer clicked in the presence list, and stops when moving the map oneself', async () => {
    const { map } = await loopMap(relay, ['Sécheresse', 'Pression foncière', 'Conflits', 'Mobilité du bétail']);
    const awa = await openMap(browser, relay, map, 'Awa');
    const bako = await openMap(browser, relay, map, 'Bakary');
    await expect.poll(() => bako.page.getByTestId('peer-avatar').count()).toBe(1);

    // Awa moves away from where Bakary looks.
    await panBy(awa.page, -300, -120);
    await awa.page.mouse.move(500, 400);
    await awa.page.mouse.wheel(0, -400);
    await expect.poll(async () => close(await gap(awa.page, bako.page))).toBe(false);

    await bako.page.getByTestId('peer-avatar').click();
    await expect.poll(() => bako.page.getByTestId('following-banner').textContent()).toContain('Awa');
    await expect.poll(async () => close(await gap(awa.page, bako.page))).toBe(true);

    // Awa keeps moving; Bakary's view comes along.
    await panBy(awa.page, 250, 160);
    await expect.poll(async () => close(await gap(awa.page, bako.page))).toBe(true);

    // Bakary moves the map himself: following stops, and Awa's next move leaves him where he is.
    await bako.page.mouse.move(600, 400);
    await bako.page.mouse.wheel(0, 300);
    await expect.poll(() => bako.page.getByTestId('following-banner').count()).toBe(0);
    const before = await viewportOf(bako.page);
    await panBy(awa.page, -200, 0);
    await expect.poll(async () => close(await gap(awa.page, bako.page))).toBe(false);
    expect(await viewportOf(bako.page)).toEqual(before);

    expect([...awa.errors, ...bako.errors]).toEqual([]);
    await awa.context.close();
    await bako.context.close();
  });

  it('a facilitator leads: the others get a notice with her name and a large "Suivre"; following it brings their view along', async () => {
    const { map } = await loopMap(relay, ['Eau', 'Bétail', 'Marché']);
    const ami = await openMap(browser, relay, map, 'Aminata');
    const bako = await openMap(browser, relay, map, 'Bakary');
    await expect.poll(() => bako.page.getByTestId('peer-avatar').count()).toBe(1);
    await panBy(ami.page, -260, -90);
    await expect.poll(async () => close(await gap(ami.page, bako.page))).toBe(false);
    const before = await viewportOf(bako.page);

    await ami.page.getByTestId('lead').click();
    await expect.poll(() => ami.page.getByTestId('leading-banner').count()).toBe(1);
    const notice = bako.page.getByTestId('lead-notice');
    await expect.poll(() => notice.textContent()).toContain('Aminata mène l’atelier');
    // In a live region, for screen readers; nobody's view is taken over unasked.
    expect(await notice.evaluate((n) => n.closest('[role="status"]')?.getAttribute('aria-live'))).toBe('polite');
    expect(await bako.page.getByTestId('following-banner').count()).toBe(0);
    expect(await viewportOf(bako.page)).toEqual(before);
    // Finger-sized: "Suivre" and the close button are at least 44 px high and wide.
    for (const id of ['lead-notice-follow', 'lead-notice-dismiss']) {
      const box = (await notice.getByTestId(id).boundingBox())!;
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
    }
    expect(await notice.getByRole('button', { name: 'Suivre', exact: true }).count()).toBe(1);
    expect(await notice.getByRole('button', { name: 'Fermer l’invitation de Aminata' }).count()).toBe(1);

    await notice.getByTestId('lead-notice-follow').click();
    await expect.poll(() => bako.page.getByTestId('following-banner').textContent()).toContain('Aminata');
    expect(await notice.count()).toBe(0);
    await expect.poll(async () => close(await gap(ami.page, bako.page))).toBe(true);
    await panBy(ami.page, 200, 100);
    await expect.poll(async () => close(await gap(ami.page, bako.page))).toBe(true);

    // Stopping brings the invitation back: it is the way to join again.
    await bako.page.getByTestId('stop-following').click();
    await expect.poll(() => bako.page.getByTestId('following-banner').count()).toBe(0);
    await expect.poll(() => notice.count()).toBe(1);

    expect([...ami.errors, ...bako.errors]).toEqual([]);
    await ami.context.close();
    await bako.context.close();
  });

  it('the notice closed with × (from the keyboard) stays closed for that lead, and comes back when she leads again', async () => {
    const { map } = await loopMap(relay, ['Eau', 'Bétail', 'Marché']);
    const ami = await openMap(browser, relay, map, 'Aminata');
    const bako = await openMap(browser, relay, map, 'Bakary');
    await expect.poll(() => bako.page.getByTestId('peer-avatar').count()).toBe(1);

    await ami.page.getByTestId('lead').click();
    const notice = bako.page.getByTestId('lead-notice');
    await expect.poll(() => notice.getAttribute('data-leader')).toBe('Aminata');
    await notice.getByTestId('lead-notice-dismiss').focus();
    await bako.page.keyboard.press('Enter');
    await expect.poll(() => notice.count()).toBe(0);
    const before = await viewportOf(bako.page);

    // Aminata goes on leading: she moves and selects a factor. Once Bakary sees her selection
    // (her awareness after the close has reached him), the notice is still closed and his view
    // has not moved.
    await panBy(ami.page, 220, 80);
    await ami.page.locator('[data-label="Bétail"] .factor-label').click();
    await expect.poll(() => bako.page.locator('[data-label="Bétail"]').evaluate((f) => getComputedStyle(f).outlineStyle)).toBe('solid');
    expect(await notice.count()).toBe(0);
    expect(await viewportOf(bako.page)).toEqual(before);
    expect(await bako.page.getByTestId('following-banner').count()).toBe(0);

    // A new lead is a new invitation.
    await ami.page.getByTestId('leading-banner').getByRole('button', { name: 'Arrêter' }).click();
    await expect.poll(() => ami.page.getByTestId('leading-banner').count()).toBe(0);
    // Bakary has seen her stop once he sees what she selected after it.
    await ami.page.locator('[data-label="Eau"] .factor-label').click();
    await expect.poll(() => bako.page.locator('[data-label="Eau"]').evaluate((f) => getComputedStyle(f).outlineStyle)).toBe('solid');
    await ami.page.getByTestId('lead').click();
    await expect.poll(() => notice.textContent()).toContain('Aminata mène l’atelier');

    expect([...ami.errors, ...bako.errors]).toEqual([]);
    await ami.context.close();
    await bako.context.close();
  });
});
