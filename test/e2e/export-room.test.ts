import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, openRound, placeDot } from '../../src/model';
import type { Relay } from '../helpers/relay';
import { launchChromium } from './browser';
import { exportedJson, maliMap, openMap, startAppRelay, writeToMap } from './workshop-helpers';

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

describe('report images that read', () => {
  it('in the exported SVG no badge covers a label: the most-voted factor with a vote badge and two action groups', async () => {
    const map = await maliMap(relay);
    const { factors } = await exportedJson(relay, map);
    const id = (label: string) => factors.find((f) => f.label === label)!.id;
    await writeToMap(relay, map, (doc) => {
      const round = openRound(doc, { title: 'Priorités', dotsPerPerson: 3, openedBy: 'Awa' });
      for (const voter of ['awa', 'moussa', 'fatou']) placeDot(doc, round, voter, { kind: 'factor', id: id('Insécurité') });
      placeDot(doc, round, 'awa', { kind: 'factor', id: id('Vols de bétail') });
      createGroup(doc, { name: 'Comité de sécurité', origin: { kind: 'factor', id: id('Insécurité') } });
      createGroup(doc, { name: 'Femmes médiatrices', origin: { kind: 'factor', id: id('Insécurité') } });
    });
    const { context, page, errors } = await openMap(browser, relay, map, 'Awa');
    await expect.poll(() => page.locator('[data-testid="factor"]').count()).toBe(30);
    await expect.poll(() => page.locator('[data-label="Insécurité"] .badge-chip').count()).toBe(2);
    expect(await page.locator('[data-label="Insécurité"] .badge-chip.group').textContent()).toBe('2 groupes');

    await page.getByTestId('open-export').click();
    await page.getByTestId('export-dialog').getByLabel(/^SVG/).check();
    await page.getByTestId('export-with-legend').check();
    const waiting = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('export-image').click();
    const svg = readFileSync(await (await waiting).path(), 'utf8');

    // The SVG drawn on its own, as a report's reader sees it: every badge against every label.
    const viewer = await context.newPage();
    await viewer.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
    const found = await viewer.evaluate(() => {
      const rect = (e: Element) => e.getBoundingClientRect();
      const badges = [...document.querySelectorAll('.badge-chip')].map((b) => ({ text: b.textContent ?? '', r: rect(b) }));
      const labels = [...document.querySelectorAll('.factor-label')].map((l) => ({ text: l.textContent ?? '', r: rect(l) }));
      const hits: string[] = [];
      for (const b of badges) {
        for (const l of labels) {
          if (b.r.left < l.r.right && l.r.left < b.r.right && b.r.top < l.r.bottom && l.r.top < b.r.bottom) hits.push(`${b.text} over ${l.text}`);
        }
      }
      const legend = document.querySelector('[data-part="legend"]')?.textContent ?? '';
      return { badges: badges.length, labels: labels.length, hits, legend };
    });
    // The vote's dots, and one chip for the two groups (both names in its title), on Insécurité; a vote on Vols de bétail.
    expect(found.badges).toBe(3);
    expect(found.labels).toBe(30);
    expect(found.hits).toEqual([]);
    // The legend explains what the map shows: its polarities, dots, groups (in French).
    for (const expected of ['Même sens', 'Sens opposé', 'Points de vote', 'Groupe d’action']) expect(found.legend, expected).toContain(expected);
    expect(errors).toEqual([]);
    await context.close();
  });
});
