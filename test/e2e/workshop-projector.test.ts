import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFactor, addLink, addView, createGroup, openRound, placeDot } from '../../src/model';
import type { Relay } from '../helpers/relay';
import { launchChromium } from './browser';
import { exportedJson, loopMap, maliMap, openMap, startAppRelay, viewportOf, writeToMap } from './workshop-helpers';
import { roomSees } from './room-sees';

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

const projectorOn = (page: Page) => page.evaluate(() => document.documentElement.classList.contains('trame-projector'));
const visibleFactors = (page: Page) =>
  page.locator('[data-testid="factor"]').evaluateAll((els) => els.filter((e) => e.getBoundingClientRect().width > 0).map((e) => e.getAttribute('data-label')).sort());

/** Smallest label size on screen: computed font size times the map's zoom. */
async function smallestLabelPx(page: Page): Promise<{ css: number; screen: number }> {
  const sizes = await page.locator('.factor-label').evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
  const { zoom } = await viewportOf(page);
  const css = Math.min(...sizes);
  return { css, screen: css * zoom };
}

/**
 * Every badge chip on screen, checked as a reader's eye would: what is drawn topmost at its
 * centre and at its four corners (2 px in) must be the chip, and it must lie on no other
 * factor's box. Chips take no pointer events (a press goes to the box), so for the hit test
 * alone they are made to take them: elementFromPoint skips what takes none.
 */
function chipsReadable(page: Page): Promise<{ chips: string[]; hidden: string[]; onBoxes: string[] }> {
  return page.evaluate(() => {
    const probe = document.createElement('style');
    probe.textContent = '.badges, .badge-chip { pointer-events: auto !important; }';
    document.head.appendChild(probe);
    try {
      const chips = [...document.querySelectorAll<HTMLElement>('.badge-chip')].filter((c) => c.getBoundingClientRect().width > 0);
      const boxes = [...document.querySelectorAll<HTMLElement>('[data-testid="factor"]')].filter((f) => f.getBoundingClientRect().width > 0);
      const hidden: string[] = [];
      const onBoxes: string[] = [];
      const names: string[] = [];
      for (const chip of chips) {
        const owner = chip.closest<HTMLElement>('[data-testid="factor"]')!;
        const name = `${chip.textContent} (${owner.dataset.label})`;
        names.push(name);
        const r = chip.getBoundingClientRect();
        const points = [[r.left + r.width / 2, r.top + r.height / 2], [r.left + 2, r.top + 2], [r.right - 2, r.top + 2], [r.left + 2, r.bottom - 2], [r.right - 2, r.bottom - 2]];
        for (const [x, y] of points) {
          // The chip, or the clear band that holds it (a rounded chip's corner is the band's).
          const top = document.elementFromPoint(x!, y!);
          if (!top || !(chip.contains(top) || top === chip.parentElement)) {
            hidden.push(`${name} under ${top ? `${top.tagName.toLowerCase()}.${[...top.classList].join('.')} ${top.closest<HTMLElement>('[data-testid="factor"]')?.dataset.label ?? ''}` : 'nothing'}`);
            break;
          }
        }
        for (const box of boxes) {
          if (box === owner) continue;
          const b = box.getBoundingClientRect();
          if (r.left < b.right && b.left < r.right && r.top < b.bottom && b.top < r.bottom) onBoxes.push(`${name} on ${box.dataset.label}`);
        }
      }
      return { chips: names.sort(), hidden, onBoxes };
    } finally {
      probe.remove();
    }
  });
}

describe('projector mode', () => {
  it('shows the whole Mali map at 1920×1080: 30 of 30 factors inside the window, none covered, none overlapping, labels ≥ 14 px', async () => {
    const map = await maliMap(relay);
    const { context, page, errors } = await openMap(browser, relay, map, 'Awa', false, { width: 1920, height: 1080 });
    await expect.poll(() => page.locator('[data-testid="factor"]').count()).toBe(30);
    await page.getByTestId('projector').click();
    await expect.poll(() => projectorOn(page)).toBe(true);
    for (const chrome of ['.toolbar', '.panel-rail', '.react-flow__minimap', '.react-flow__controls', '[data-testid="offline-ready"]']) {
      await expect.poll(() => page.locator(chrome).first().isVisible().catch(() => false), { message: chrome }).toBe(false);
    }
    // The camera settles after its move: poll until every factor is inside.
    await expect.poll(async () => (await roomSees(page)).inside, { timeout: 15_000 }).toBe(30);
    // Every factor is inside before the move ends (it comes from further out, labels smaller):
    // the label size is read once the camera has arrived, however slowly a loaded machine draws.
    await expect.poll(async () => (await roomSees(page)).smallestLabelPx, { timeout: 15_000 }).toBeGreaterThanOrEqual(14);
    const seen = await roomSees(page);
    expect(seen).toMatchObject({ total: 30, inside: 30, uncovered: 30, overlapping: [] });
    expect(seen.smallestLabelPx).toBeGreaterThanOrEqual(14);
    // Everything is shown: no "part of the map" note.
    expect(await page.getByTestId('projector-partial').count()).toBe(0);

    // Zoomed in, the room sees a fragment and is told so; "Tout afficher" frames it all again.
    await page.mouse.move(960, 540);
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -300);
    await expect.poll(() => page.getByTestId('projector-partial').textContent()).toMatch(/^Partie de la carte : \d+ facteurs sur 30/);
    await page.getByTestId('projector-partial').getByRole('button', { name: 'Tout afficher' }).click();
    await expect.poll(async () => (await roomSees(page)).inside, { timeout: 15_000 }).toBe(30);
    await expect.poll(() => page.getByTestId('projector-partial').count()).toBe(0);

    await page.keyboard.press('Escape');
    await expect.poll(() => projectorOn(page)).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('badges stay readable on the Mali map, on the canvas and projected: no chip under a neighbouring box or over one', async () => {
    const map = await maliMap(relay);
    const { factors } = await exportedJson(relay, map);
    const id = (label: string) => factors.find((f) => f.label === label)!.id;
    // The room's case: the most-voted factor with its vote and two action groups, in the dense
    // left of the layout (under "Trafics illicites").
    await writeToMap(relay, map, (doc) => {
      const round = openRound(doc, { title: 'Priorités', dotsPerPerson: 3, openedBy: 'Awa' });
      for (const voter of ['awa', 'moussa', 'fatou']) placeDot(doc, round, voter, { kind: 'factor', id: id('Insécurité') });
      placeDot(doc, round, 'awa', { kind: 'factor', id: id('Vols de bétail') });
      createGroup(doc, { name: 'Comité de sécurité', origin: { kind: 'factor', id: id('Insécurité') } });
      createGroup(doc, { name: 'Femmes médiatrices', origin: { kind: 'factor', id: id('Insécurité') } });
    });
    const { context, page, errors } = await openMap(browser, relay, map, 'Awa', false, { width: 1920, height: 1080 });
    await expect.poll(() => page.locator('[data-testid="factor"]').count()).toBe(30);
    await expect.poll(() => page.locator('.badge-chip').count()).toBe(3);
    const chips = ['2 groupes (Insécurité)', '● 1 (Vols de bétail)', '● 3 (Insécurité)'];
    await expect.poll(async () => (await roomSees(page)).uncovered, { timeout: 15_000 }).toBe(30);
    await expect.poll(() => chipsReadable(page), { timeout: 15_000 }).toEqual({ chips, hidden: [], onBoxes: [] });

    await page.getByTestId('projector').click();
    await expect.poll(() => projectorOn(page)).toBe(true);
    await expect.poll(async () => (await roomSees(page)).inside, { timeout: 15_000 }).toBe(30);
    await expect.poll(async () => (await roomSees(page)).smallestLabelPx, { timeout: 15_000 }).toBeGreaterThanOrEqual(14);
    // Chips 20 px tall, boxes at projector size: placed again once the boxes have grown.
    await expect.poll(() => chipsReadable(page), { timeout: 15_000 }).toEqual({ chips, hidden: [], onBoxes: [] });
    // And no chip hides a factor: every box is still uncovered at its corners.
    expect(await roomSees(page)).toMatchObject({ total: 30, inside: 30, uncovered: 30, overlapping: [] });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('F5 hides the editing chrome and makes labels at least 24 px on screen; Esc and the exit button leave it', async () => {
    const { map } = await loopMap(relay, ['Sécheresse', 'Pression foncière', 'Conflits agriculteurs-éleveurs']);
    const { context, page, errors } = await openMap(browser, relay, map, 'Awa');
    await expect.poll(() => page.locator('[data-testid="factor"]').count()).toBe(3);
    expect(await page.locator('.toolbar').isVisible()).toBe(true);
    expect(await page.locator('.react-flow__minimap').isVisible()).toBe(true);
    expect((await smallestLabelPx(page)).css).toBeLessThan(24);

    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('F5');
    await expect.poll(() => projectorOn(page)).toBe(true);
    for (const chrome of ['.toolbar', '.react-flow__minimap', '.react-flow__controls']) {
      await expect.poll(() => page.locator(chrome).isVisible(), { message: chrome }).toBe(false);
    }
    await expect.poll(async () => (await smallestLabelPx(page)).css).toBeGreaterThanOrEqual(24);
    await expect.poll(async () => (await smallestLabelPx(page)).screen).toBeGreaterThanOrEqual(24);
    // The map stays live: a factor another person adds appears on the projector.
    await writeToMap(relay, map, (doc) => void addFactor(doc, { label: 'Marché de bétail', x: 400, y: 400 }));
    await expect.poll(() => page.locator('[data-label="Marché de bétail"]').count()).toBe(1);

    await page.keyboard.press('Escape');
    await expect.poll(() => projectorOn(page)).toBe(false);
    await expect.poll(() => page.locator('.toolbar').isVisible()).toBe(true);

    await page.getByTestId('projector').click();
    await expect.poll(() => projectorOn(page)).toBe(true);
    await page.getByTestId('projector-exit').click();
    await expect.poll(() => projectorOn(page)).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('works from a view link', async () => {
    const { map } = await loopMap(relay, ['Eau', 'Bétail']);
    const { context, page, errors } = await openMap(browser, relay, map, 'Projecteur', true);
    await expect.poll(() => page.locator('[data-testid="factor"]').count()).toBe(2);
    await page.keyboard.press('F5');
    await expect.poll(() => projectorOn(page)).toBe(true);
    await expect.poll(() => page.locator('.toolbar').isVisible()).toBe(false);
    await expect.poll(async () => (await smallestLabelPx(page)).screen).toBeGreaterThanOrEqual(24);
    await page.keyboard.press('F5');
    await expect.poll(() => projectorOn(page)).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('step-by-step reveal', () => {
  it('saved views step with the arrow keys in projector mode, showing their factors and highlighting their loop', async () => {
    const { map, ids } = await loopMap(relay, ['Sécheresse', 'Pression foncière', 'Conflits']);
    await writeToMap(relay, map, (doc) => {
      const aid = addFactor(doc, { label: 'Aide humanitaire', x: 360, y: 420 });
      addLink(doc, { source: aid, target: ids[0] as string, polarity: '-' });
    });
    const { context, page, errors } = await openMap(browser, relay, map, 'Awa');
    await expect.poll(() => page.locator('[data-testid="factor"]').count()).toBe(4);

    await page.getByTestId('open-workshop-views').click();
    const panel = page.getByTestId('panel-workshop-views');
    // Step 1: two factors, selected on the map.
    await page.locator('[data-label="Sécheresse"] .factor-label').click();
    await page.locator('[data-label="Pression foncière"] .factor-label').click({ modifiers: ['Control'] });
    await expect.poll(() => panel.getByTestId('view-only-selection').isChecked()).toBe(true);
    await panel.getByTestId('view-title').fill('Le climat');
    await panel.getByTestId('save-view').click();
    await expect.poll(() => panel.getByTestId('view-row').count()).toBe(1);
    // Step 2: every factor, the loop highlighted.
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await panel.getByTestId('view-title').fill('La boucle');
    await panel.locator('select').selectOption({ index: 1 });
    await panel.getByTestId('save-view').click();
    await expect.poll(() => panel.getByTestId('view-row').count()).toBe(2);

    await page.keyboard.press('F5');
    await expect.poll(() => projectorOn(page)).toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('projector-step-title').textContent()).toBe('Le climat');
    await expect.poll(() => visibleFactors(page)).toEqual(['Pression foncière', 'Sécheresse']);

    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('projector-step-title').textContent()).toBe('La boucle');
    await expect.poll(() => visibleFactors(page)).toEqual(['Aide humanitaire', 'Conflits', 'Pression foncière', 'Sécheresse']);
    // The loop is emphasised: the factor outside it is dimmed, those in it are not.
    await expect.poll(() => page.locator('.react-flow__node.dimmed').count()).toBe(1);
    expect(await page.locator('.react-flow__node.dimmed [data-label="Aide humanitaire"]').count()).toBe(1);

    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => visibleFactors(page)).toEqual(['Pression foncière', 'Sécheresse']);
    await page.keyboard.press('Escape');
    await expect.poll(() => projectorOn(page)).toBe(false);
    // Leaving ends the step: everything is shown again, nothing left to end in the panel.
    await expect.poll(async () => (await visibleFactors(page)).length).toBe(4);
    await expect.poll(() => page.getByTestId('show-all').isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
  it('leaving projector mode in the middle of a step, by Échap or ×, ends the step and frames the whole map', async () => {
    const map = await maliMap(relay);
    const { factors } = await exportedJson(relay, map);
    const three = ['Insécurité', 'Vols de bétail', 'Justice coutumière'];
    await writeToMap(relay, map, (doc) => {
      addView(doc, { title: 'Trois facteurs', factors: three.map((l) => factors.find((f) => f.label === l)!.id) });
    });
    const { context, page, errors } = await openMap(browser, relay, map, 'Awa', false, { width: 1920, height: 1080 });
    await expect.poll(() => page.locator('[data-testid="factor"]').count()).toBe(30);
    await page.getByTestId('open-workshop-views').click();
    const panel = page.getByTestId('panel-workshop-views');
    await expect.poll(() => panel.getByTestId('view-row').count()).toBe(1);

    for (const leave of ['Échap', '×'] as const) {
      await page.getByTestId('projector').click();
      await expect.poll(() => projectorOn(page)).toBe(true);
      await page.keyboard.press('PageDown');
      await expect.poll(() => page.getByTestId('projector-step-title').textContent()).toBe('Trois facteurs');
      await expect.poll(async () => (await roomSees(page)).total, { message: leave }).toBe(3);
      await expect.poll(async () => (await roomSees(page)).uncovered, { timeout: 15_000, message: leave }).toBe(3);

      if (leave === 'Échap') await page.keyboard.press('Escape');
      else await page.getByTestId('projector-exit').click();
      await expect.poll(() => projectorOn(page), { message: leave }).toBe(false);
      // The whole map, framed beside the panel and clear of the minimap: no "Tout montrer" needed.
      await expect.poll(async () => (await roomSees(page)).total, { message: leave }).toBe(30);
      await expect.poll(async () => (await roomSees(page)).uncovered, { timeout: 15_000, message: leave }).toBe(30);
      expect(await page.getByTestId('show-all').isDisabled(), leave).toBe(true);
      expect(await panel.locator('[aria-current="step"]').count(), leave).toBe(0);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('pictograms and the shortcuts help', () => {
  it('O opens the pictogram picker for the selected factor; the pictogram shows on the factor after a reload', async () => {
    const { map } = await loopMap(relay, ['Vols de bétail', 'Pauvreté des ménages']);
    const { context, page, errors } = await openMap(browser, relay, map, 'Awa');
    await page.locator('[data-label="Vols de bétail"] .factor-label').click();
    await page.keyboard.press('o');
    const picker = page.getByTestId('icon-picker');
    await expect.poll(() => picker.isVisible()).toBe(true);
    expect(await picker.locator('svg[data-icon]').count()).toBeGreaterThanOrEqual(32);
    await picker.getByTestId('icon-cattle').click();
    await expect.poll(() => picker.count()).toBe(0);
    await expect.poll(() => page.locator('[data-label="Vols de bétail"] svg[data-icon="cattle"]').count()).toBe(1);
    expect(await page.locator('[data-label="Pauvreté des ménages"] svg[data-icon]').count()).toBe(0);

    await page.reload();
    await expect.poll(() => page.locator('[data-label="Vols de bétail"] svg[data-icon="cattle"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('? lists the canvas, panel and workshop shortcuts, in the user language', async () => {
    const { map } = await loopMap(relay, ['Eau', 'Bétail']);
    const { context, page, errors } = await openMap(browser, relay, map, 'Awa');
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('?');
    const help = page.getByTestId('shortcuts-help');
    await expect.poll(() => help.isVisible()).toBe(true);
    const text = (await help.textContent()) ?? '';
    for (const expected of ['Ctrl+Z', 'Ctrl+Shift+Z', 'F2', 'F5', 'PageDown', 'Nouveau facteur', '« Vues »', '« Vote »', '« Groupes d’action »']) {
      expect(text, expected).toContain(expected);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => help.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
