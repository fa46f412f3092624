import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createMap } from '../helpers/relay';
import { userContext } from './browser';
import { appHarness } from './harness';

const app = appHarness();

async function open(url: string, name: string, color: string): Promise<Page> {
  const context = await userContext(app.browser, { name, color });
  const page = await context.newPage();
  await page.goto(url);
  await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-status')).toBe('online');
  return page;
}

describe('presence', () => {
  it('shows who is here, their pointer, and a factor they drag before they drop it', async () => {
    const map = await createMap(app.relay, 'Présence');
    const awa = await open(`${app.relay.url}${map.editUrl}`, 'Awa', '#d32f2f');
    const moussa = await open(`${app.relay.url}${map.editUrl}`, 'Moussa', '#303f9f');

    await expect.poll(() => awa.getByTestId('peer-avatar').getAttribute('title')).toContain('Moussa');
    await expect.poll(() => moussa.getByTestId('peer-avatar').getAttribute('title')).toContain('Awa');

    await awa.mouse.dblclick(400, 300);
    const editor = awa.getByRole('textbox', { name: /Nom du facteur/ });
    await editor.fill('Marché fermé');
    await editor.press('Enter');
    const mine = awa.locator('[data-label="Marché fermé"]');
    const theirs = moussa.locator('[data-label="Marché fermé"]');
    await expect.poll(() => theirs.count()).toBe(1);

    await awa.mouse.move(600, 500, { steps: 4 });
    await expect.poll(() => moussa.getByTestId('peer-cursor').count()).toBe(1);

    // Drag without dropping: the peer sees the factor move, the document is not written yet.
    const before = (await theirs.boundingBox())!;
    const box = (await mine.locator('.factor-label').boundingBox())!;
    await awa.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await awa.mouse.down();
    await awa.mouse.move(box.x + 150, box.y + 120, { steps: 12 });
    await expect.poll(async () => ((await theirs.boundingBox())?.x ?? 0) - before.x).toBeGreaterThan(80);
    await awa.mouse.up();
    await expect.poll(async () => Math.round(((await theirs.boundingBox())?.y ?? 0) - before.y)).toBeGreaterThan(80);

    await awa.context().close();
    await expect.poll(() => moussa.getByTestId('peer-avatar').count(), { timeout: 45_000 }).toBe(0);
    await moussa.context().close();
  });
});
