import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Relay } from '../helpers/relay';
import { launchChromium } from './browser';
import { openRound } from '../../src/model';
import { loopMap, openMap, startAppRelay, writeToMap } from './workshop-helpers';

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

describe('participants', () => {
  it('a participant on a phone is told a vote has opened, with a large "Voter" button; the facilitator is not', async () => {
    const { map } = await loopMap(relay, ['Sécheresse', 'Pression foncière', 'Conflits']);
    const awa = await openMap(browser, relay, map, 'Awa');
    const bako = await openMap(browser, relay, map, 'Bako', false, { width: 390, height: 844 });
    await expect.poll(() => bako.page.locator('[data-testid="factor"]').count()).toBe(3);
    expect(await bako.page.getByTestId('vote-notice').count()).toBe(0);

    await awa.page.getByTestId('open-workshop-voting').click();
    await awa.page.getByTestId('open-round').click();
    await expect.poll(() => awa.page.getByTestId('voting-mode').isChecked()).toBe(true);

    const notice = bako.page.getByTestId('vote-notice');
    // Named by the name Awa shows to others, with the dots each person has.
    await expect.poll(() => notice.getByTestId('vote-notice-lead').textContent()).toBe('Awa a ouvert un vote · 3 gommettes');
    expect(await notice.textContent()).toMatch(/Sur quoi agir en priorité \?Voter/);
    await expect.poll(() => notice.isVisible()).toBe(true);
    const go = await notice.getByTestId('vote-notice-go').boundingBox();
    // A finger-sized target: at least 44 CSS pixels high.
    expect(go!.height).toBeGreaterThanOrEqual(44);
    await notice.getByTestId('vote-notice-go').click();
    await expect.poll(() => bako.page.getByTestId('panel-workshop-voting').isVisible()).toBe(true);
    await expect.poll(() => bako.page.getByTestId('voting-mode').isChecked()).toBe(true);
    await expect.poll(() => notice.count()).toBe(0);
    // The one who opened it gets no notice.
    expect(await awa.page.getByTestId('vote-notice').count()).toBe(0);
    expect(awa.errors).toEqual([]);
    expect(bako.errors).toEqual([]);
    await awa.context.close();
    await bako.context.close();
  });

  it('a vote whose opener is not here says only that a vote is open; one that records a name says it', async () => {
    const { map } = await loopMap(relay, ['Sécheresse', 'Conflits']);
    const bako = await openMap(browser, relay, map, 'Bako');
    await expect.poll(() => bako.page.locator('[data-testid="factor"]').count()).toBe(2);
    const notice = bako.page.getByTestId('vote-notice');
    const lead = notice.getByTestId('vote-notice-lead');

    // Opened from a device that is not connected: no name to give.
    await writeToMap(relay, map, (doc) => void openRound(doc, { title: 'Que faire d’abord ?', dotsPerPerson: 2, openedBy: '0123456789abcdef' }));
    await expect.poll(() => lead.textContent()).toBe('Un vote est ouvert · 2 gommettes');
    expect(await notice.getAttribute('data-opener')).toBe('');
    expect(await notice.locator('strong').textContent()).toBe('Que faire d’abord ?');
    await notice.getByRole('button', { name: 'Plus tard' }).click();
    await expect.poll(() => notice.count()).toBe(0);

    // Written by another tool with a person's name as its opener; one dot, in the singular.
    await writeToMap(relay, map, (doc) => void openRound(doc, { title: 'Un seul choix', dotsPerPerson: 1, openedBy: 'Fatou Diarra' }));
    await expect.poll(() => lead.textContent()).toBe('Fatou Diarra a ouvert un vote · 1 gommette');
    expect(bako.errors).toEqual([]);
    await bako.context.close();
  });

  it('on a 390 px phone the toolbar keeps every action in reach: "⋯" opens it onto rows, all inside the screen', async () => {
    const { map } = await loopMap(relay, ['Eau', 'Bétail']);
    const { context, page, errors } = await openMap(browser, relay, map, 'Bako', false, { width: 390, height: 844 });
    await expect.poll(() => page.locator('[data-testid="factor"]').count()).toBe(2);
    const outside = () => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.toolbar button, .toolbar select, .toolbar a, .toolbar input')]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width === 0 || r.left < 0 || r.right > window.innerWidth || r.bottom > window.innerHeight;
      })
      .map((e) => e.getAttribute('aria-label') ?? e.textContent ?? e.tagName));
    // Closed: one row, the rest beyond the edge; the "⋯" button itself is in view.
    expect((await outside()).length).toBeGreaterThan(0);
    const more = page.getByTestId('toolbar-more');
    expect(await more.isVisible()).toBe(true);
    expect((await more.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await more.click();
    await expect.poll(() => more.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(outside).toEqual([]);
    // And they work: add a factor, then undo it, from the opened bar.
    await page.getByRole('button', { name: 'Ajouter un facteur' }).click();
    await expect.poll(() => page.locator('[data-testid="factor"]').count()).toBe(3);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Annuler', exact: true }).click();
    await expect.poll(() => page.locator('[data-testid="factor"]').count()).toBe(2);
    await more.click();
    await expect.poll(() => more.getAttribute('aria-expanded')).toBe('false');
    expect(errors).toEqual([]);
    await context.close();
  });
});
