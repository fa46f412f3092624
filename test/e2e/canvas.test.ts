import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { userContext } from './browser';
import { appHarness } from './harness';

const app = appHarness();

const factors = (page: Page) => page.locator('[data-testid="factor"]');

async function addFactorByDoubleClick(page: Page, x: number, y: number, label: string) {
  await page.mouse.dblclick(x, y);
  const editor = page.getByRole('textbox', { name: /Nom du facteur/ });
  await editor.fill(label);
  await editor.press('Enter');
  await expect.poll(() => page.locator(`[data-label="${label}"]`).count()).toBe(1);
}

/** Drags from the rim of one factor (which starts a link) onto the other. */
async function drawLink(page: Page, from: string, to: string) {
  const a = (await page.locator(`[data-label="${from}"] .factor-handle.source`).boundingBox())!;
  const b = (await page.locator(`[data-label="${to}"]`).boundingBox())!;
  await page.mouse.move(a.x + a.width - 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width + 40, a.y + a.height / 2, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 10 });
  await page.mouse.up();
}

describe('the canvas', () => {
  it('creates, links, re-polarises, renames and undoes, and the map survives a reload', async () => {
    const context = await userContext(app.browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${app.relay.url}/m/e2ecanvas${Date.now()}`);
    await expect.poll(() => page.getByText('La carte est vide').count()).toBe(1);

    await addFactorByDoubleClick(page, 300, 300, 'Sécheresse');
    await addFactorByDoubleClick(page, 800, 450, 'Pression foncière');
    expect(await factors(page).count()).toBe(2);

    await drawLink(page, 'Sécheresse', 'Pression foncière');
    const marker = page.locator('[data-testid="link-polarity"]');
    await expect.poll(() => marker.count()).toBe(1);
    expect(await marker.getAttribute('data-polarity')).toBe('+');

    // The first click selects the link; only the selected link's marker changes its polarity.
    await marker.click();
    await expect.poll(() => page.locator('.react-flow__edge.selected').count()).toBe(1);
    expect(await marker.getAttribute('data-polarity')).toBe('+');
    await marker.click();
    await expect.poll(() => marker.getAttribute('data-polarity')).toBe('-');
    await marker.click();
    await expect.poll(() => marker.getAttribute('data-polarity')).toBe('?');

    await page.locator('[data-label="Sécheresse"] .factor-label').dblclick();
    const editor = page.getByRole('textbox', { name: /Nom du facteur/ });
    await editor.fill('Sécheresses répétées');
    await editor.press('Enter');
    await expect.poll(() => page.locator('[data-label="Sécheresses répétées"]').count()).toBe(1);

    // Undo the rename, then the last polarity change: one step each.
    await page.locator('.react-flow__pane').click({ position: { x: 50, y: 600 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('[data-label="Sécheresse"]').count()).toBe(1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => marker.getAttribute('data-polarity')).toBe('-');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => marker.getAttribute('data-polarity')).toBe('?');

    // The inspector sets strength and delay on the selected link.
    const onPath = await page.locator('.react-flow__edge-interaction').first().evaluate((el) => {
      const path = el as SVGPathElement;
      const p = path.getPointAtLength(path.getTotalLength() * 0.3);
      const m = path.getScreenCTM()!;
      return { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
    });
    await page.mouse.click(onPath.x, onPath.y);
    await page.keyboard.press('i');
    await page.getByTestId('link-strength').selectOption('3');
    await page.getByLabel('L’effet arrive avec un délai').check();
    await expect.poll(() => page.locator('.link-delay').count()).toBe(2);
    const width = await page.locator('.react-flow__edge-path').first().evaluate((e) => getComputedStyle(e).strokeWidth);
    expect(parseFloat(width)).toBeGreaterThan(4);

    await page.reload();
    await expect.poll(() => factors(page).count()).toBe(2);
    expect(await page.locator('[data-label="Sécheresse"]').count()).toBe(1);
    await expect.poll(() => marker.getAttribute('data-polarity')).toBe('?');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('speaks English when the browser prefers it, and the switch changes language', async () => {
    const context = await app.browser.newContext({ locale: 'en-GB' });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await page.goto(`${app.relay.url}/m/e2elang${Date.now()}`);
    // First visit: the name dialog, in English.
    await page.getByRole('textbox', { name: 'Your name' }).fill('Sam');
    await page.getByRole('button', { name: 'OK' }).click();
    await expect.poll(() => page.getByText('The map is empty').count()).toBe(1);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
    await expect.poll(() => page.getByText('La carte est vide').count()).toBe(1);
    await context.close();
  });
});
