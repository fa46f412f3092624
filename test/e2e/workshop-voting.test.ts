import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Relay } from '../helpers/relay';
import { launchChromium } from './browser';
import { exportedJson, loopMap, openMap, startAppRelay } from './workshop-helpers';

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

const badge = (page: Page, label: string) => page.locator(`[data-label="${label}"] [data-testid="badge-vote"]`);
const addDotButton = (page: Page, label: string) =>
  page.locator(`[data-testid="vote-target"][data-label="${label}"] [data-testid="add-dot"]`);

interface RoundJson {
  title: string;
  status: string;
  dots: unknown[];
  result?: { counts: { kind: string; id: string; count: number }[]; voters: number; dots: number };
}
interface GroupJson {
  name: string;
  members: string;
  origin?: { kind: string; id: string };
  actions: { text: string; owner: string; status: string; due: string }[];
}

describe('dot voting', () => {
  it('two participants place their dots, the counts show live, and the closed result is kept in the export', async () => {
    const { map, ids } = await loopMap(relay, ['Sécheresse', 'Pression foncière', 'Conflits']);
    const awa = await openMap(browser, relay, map, 'Awa');
    const bako = await openMap(browser, relay, map, 'Bakary');
    await expect.poll(() => awa.page.locator('[data-testid="factor"]').count()).toBe(3);

    await awa.page.getByTestId('open-workshop-voting').click();
    await awa.page.getByTestId('dots-per-person').fill('2');
    await awa.page.getByTestId('open-round').click();
    await expect.poll(() => awa.page.getByTestId('voting-mode').isChecked()).toBe(true);
    await expect.poll(() => awa.page.getByTestId('dots-left').getAttribute('data-left')).toBe('2');

    // Awa votes by clicking factors on the map.
    await awa.page.locator('[data-label="Conflits"] .factor-label').click();
    await expect.poll(() => awa.page.getByTestId('dots-left').getAttribute('data-left')).toBe('1');
    await awa.page.locator('[data-label="Sécheresse"] .factor-label').click();
    await expect.poll(() => awa.page.getByTestId('dots-left').getAttribute('data-left')).toBe('0');
    await awa.page.locator('[data-label="Conflits"] .factor-label').click();
    await expect.poll(() => awa.page.getByRole('alert').textContent()).toContain('toutes vos gommettes');

    // Bakary votes with the panel's buttons, and sees Awa's dots already.
    await bako.page.keyboard.press('d');
    await expect.poll(() => bako.page.getByTestId('dots-left').getAttribute('data-left')).toBe('2');
    await expect.poll(() => badge(bako.page, 'Conflits').textContent()).toBe('● 1');
    await addDotButton(bako.page, 'Conflits').click();
    await addDotButton(bako.page, 'Conflits').click();
    await expect.poll(() => bako.page.getByTestId('dots-left').getAttribute('data-left')).toBe('0');

    for (const page of [awa.page, bako.page]) {
      await expect.poll(() => badge(page, 'Conflits').textContent()).toBe('● 3');
      await expect.poll(() => badge(page, 'Sécheresse').textContent()).toBe('● 1');
      expect(await badge(page, 'Pression foncière').count()).toBe(0);
    }

    awa.page.once('dialog', (d) => void d.accept());
    await awa.page.getByTestId('close-round').click();
    await expect.poll(() => bako.page.getByTestId('round').getAttribute('data-status')).toBe('closed');
    const results = awa.page.getByTestId('vote-result');
    await expect.poll(() => results.count()).toBe(2);
    expect(await results.evaluateAll((els) => els.map((e) => [e.getAttribute('data-label'), e.getAttribute('data-count')])))
      .toEqual([['Conflits', '3'], ['Sécheresse', '1']]);

    const rounds = (await exportedJson(relay, map)).votes as RoundJson[];
    expect(rounds).toHaveLength(1);
    expect(rounds[0]?.status).toBe('closed');
    expect(rounds[0]?.result).toMatchObject({
      voters: 2, dots: 4,
      counts: [{ kind: 'factor', id: ids[2], count: 3 }, { kind: 'factor', id: ids[0], count: 1 }],
    });
    expect([...awa.errors, ...bako.errors]).toEqual([]);
    await awa.context.close();
    await bako.context.close();
  });
});

describe('action groups', () => {
  it('a group created from a factor shows on the map, survives a reload and is in the JSON export', async () => {
    const { map, ids } = await loopMap(relay, ['Sécheresse', 'Pression foncière', 'Conflits']);
    const { context, page, errors } = await openMap(browser, relay, map, 'Awa');
    await expect.poll(() => page.locator('[data-testid="factor"]').count()).toBe(3);

    await page.locator('[data-label="Pression foncière"] .factor-label').click();
    await page.keyboard.press('g');
    const panel = page.getByTestId('panel-workshop-groups');
    await expect.poll(() => panel.getByTestId('group-origin').inputValue()).toBe(`factor:${ids[1]}`);
    await panel.getByTestId('group-name').fill('GRA foncier');
    await panel.getByTestId('group-members').fill('Awa, Bakary, chef de village');
    await panel.getByTestId('create-group').click();
    const group = panel.locator('[data-testid="group"][data-name="GRA foncier"]');
    await expect.poll(() => group.count()).toBe(1);
    await group.getByTestId('action-text').fill('Cartographier les couloirs de transhumance');
    await group.getByTestId('action-owner').fill('Bakary');
    await group.getByTestId('action-due').fill('2025-03-15');
    await group.getByTestId('add-action').click();
    await expect.poll(() => group.getByTestId('group-action').count()).toBe(1);
    await expect.poll(() => page.locator('[data-label="Pression foncière"] [data-testid="badge-group"]').textContent()).toBe('GRA foncier');

    await page.reload();
    await expect.poll(() => page.locator('[data-label="Pression foncière"] [data-testid="badge-group"]').textContent()).toBe('GRA foncier');
    await page.getByTestId('open-workshop-groups').click();
    await expect.poll(() => page.locator('[data-testid="group"][data-name="GRA foncier"] [data-testid="group-action"]').count()).toBe(1);

    const groups = (await exportedJson(relay, map)).groups as GroupJson[];
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({
      name: 'GRA foncier',
      members: 'Awa, Bakary, chef de village',
      origin: { kind: 'factor', id: ids[1] },
      actions: [{ text: 'Cartographier les couloirs de transhumance', owner: 'Bakary', status: 'todo', due: '2025-03-15' }],
    });
    expect(errors).toEqual([]);
    await context.close();
  });
});
