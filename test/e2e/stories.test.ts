import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addFactor, addLink } from '../../src/model';
import {
  connectClient, createMap, destroyAll, waitFor, whenSynced, type CreatedMap,
} from '../helpers/relay';
import { userContext } from './browser';
import { appHarness } from './harness';

const app = appHarness();

interface Seeded {
  map: CreatedMap;
  factors: { drought: string; land: string; conflict: string };
  links: { droughtLand: string; landConflict: string };
}

/** Three factors in a chain, written through a real client as another participant would. */
async function seedMap(): Promise<Seeded> {
  const map = await createMap(app.relay, 'Récits');
  const provider = connectClient(app.relay, map.id, map.editToken);
  await whenSynced(provider);
  const doc = provider.doc;
  const drought = addFactor(doc, { label: 'Sécheresse', x: 0, y: 0 });
  const land = addFactor(doc, { label: 'Pression foncière', x: 420, y: 0 });
  const conflict = addFactor(doc, { label: 'Conflits', x: 420, y: 320 });
  const droughtLand = addLink(doc, { source: drought, target: land });
  const landConflict = addLink(doc, { source: land, target: conflict });
  const check = connectClient(app.relay, map.id, map.editToken);
  await whenSynced(check);
  const target = Y.encodeStateVector(doc).toString();
  await waitFor(() => Y.encodeStateVector(check.doc).toString() === target, 'the relay to hold the seed');
  destroyAll(provider, check);
  return { map, factors: { drought, land, conflict }, links: { droughtLand, landConflict } };
}

async function open(url: string): Promise<{ page: Page; errors: string[] }> {
  const context = await userContext(app.browser, { viewport: { width: 1400, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.locator('[data-testid="sync-status"][data-status="online"]').waitFor();
  await expect.poll(() => page.getByTestId('factor').count()).toBe(3);
  return { page, errors };
}

const edge = (page: Page, id: string) => page.locator(`.react-flow__edge[data-id="${id}"]`);
const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const dimmed = (l: ReturnType<Page['locator']>) => l.evaluate((el) => el.classList.contains('dimmed'));

/** Clicks a link on its path, away from the polarity marker (which would flip the polarity). */
async function clickLink(page: Page, id: string) {
  const p = await edge(page, id).locator('.react-flow__edge-interaction').evaluate((el) => {
    const path = el as SVGPathElement;
    const at = path.getPointAtLength(path.getTotalLength() * 0.3);
    const m = path.getScreenCTM()!;
    return { x: at.x * m.a + at.y * m.c + m.e, y: at.x * m.b + at.y * m.d + m.f };
  });
  await page.mouse.click(p.x, p.y);
}

describe('stories as evidence', () => {
  it('adds a story, cites it on a link and a factor, filters and traces by it, and refuses a bad CSV whole', async () => {
    const { map, factors, links } = await seedMap();
    const { page, errors } = await open(`${app.relay.url}${map.editUrl}`);
    await page.locator('.react-flow__pane').click({ position: { x: 30, y: 700 } });
    await page.keyboard.press('s');
    const panel = page.getByTestId('panel-stories');
    await panel.waitFor();

    // A story, added in the form that reminds to use codes, never names.
    await page.getByTestId('story-add').click();
    await expect.poll(() => page.getByTestId('story-privacy').textContent()).toContain('jamais de vrais noms');
    await page.getByTestId('story-code').fill('R-001');
    await page.getByTestId('story-summary').fill('Le puits du village s’est tari, les éleveurs sont venus sur nos champs.');
    await page.getByTestId('story-place').fill('Mopti');
    await page.getByTestId('story-tags').fill('eau, foncier');
    await page.getByTestId('story-save').click();
    const rows = page.getByTestId('story-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-code')).toBe('R-001');

    // Search ignores accents and case.
    await page.getByTestId('story-search').fill('ELEVEURS');
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByTestId('story-search').fill('Ségou');
    await expect.poll(() => rows.count()).toBe(0);
    await page.getByTestId('story-search').fill('');

    // Cite it on the drought → land link with the picker of the selected link.
    await clickLink(page, links.droughtLand);
    await expect.poll(() => panel.locator('[data-testid="element-stories"][data-kind="link"]').count()).toBe(1);
    await page.getByTestId('story-picker-search').fill('puits');
    await page.locator('[data-testid="story-pick"][data-code="R-001"]').click();
    await expect.poll(() => panel.getByTestId('cited-story').count()).toBe(1);
    const linkBadge = edge(page, links.droughtLand).getByTestId('link-badge-story').locator('text');
    await expect.poll(() => linkBadge.textContent()).toBe('1');
    expect(await edge(page, links.landConflict).getByTestId('link-badge-story').count()).toBe(0);

    // And on the conflict factor by dragging the story onto it.
    await rows.first().dragTo(node(page, factors.conflict).locator('.factor-label'));
    await expect.poll(() => node(page, factors.conflict).getByTestId('badge-story').textContent()).toBe('1');
    await expect.poll(() => page.getByTestId('stories-notice').textContent()).toContain('Conflits');
    await expect.poll(() => rows.first().getByTestId('story-cited').textContent()).toContain('1 facteur(s) et 1 lien(s)');

    // Only links supported by at least one story: the uncited one is dimmed.
    await page.getByTestId('evidence-at-least').check();
    await expect.poll(() => dimmed(edge(page, links.landConflict))).toBe(true);
    expect(await dimmed(edge(page, links.droughtLand))).toBe(false);
    await page.getByTestId('evidence-uncited').check();
    await expect.poll(() => dimmed(edge(page, links.droughtLand))).toBe(true);
    expect(await dimmed(edge(page, links.landConflict))).toBe(false);
    await page.getByTestId('evidence-all').check();
    await expect.poll(() => dimmed(edge(page, links.droughtLand))).toBe(false);

    // Tracing the story highlights the link and the factor it supports; the rest is dimmed.
    await rows.first().getByTestId('story-trace').click();
    await expect.poll(() => dimmed(edge(page, links.landConflict))).toBe(true);
    expect(await dimmed(edge(page, links.droughtLand))).toBe(false);
    expect(await dimmed(node(page, factors.conflict))).toBe(false);
    expect(await page.getByTestId('stories-bar').textContent()).toContain('R-001');
    await page.getByTestId('stories-stop').click();
    await expect.poll(() => dimmed(edge(page, links.landConflict))).toBe(false);

    // A CSV with a line lacking its code is refused, naming the line; nothing is added.
    await panel.locator('.story-import summary').click();
    const csv = 'code,summary,place,date,group,language,tags\n'
      + 'R-010,Le marché a fermé,Mopti,2023-05-01,E1,fr,marché\n'
      + ',Sans code,Ségou,,,,\n'
      + 'R-011,Encore un,,,,,\n';
    await page.getByTestId('story-import-file').setInputFiles({ name: 'recits.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => page.getByTestId('story-import-error').textContent()).toContain('ligne 3');
    expect(await page.getByTestId('story-import-error').textContent()).toContain('le code manque');
    expect(await rows.count()).toBe(1);

    await page.screenshot({ path: '/tmp/stories-e2e.png' });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lets a view-link user read and trace the stories, not change them', async () => {
    const { map, factors } = await seedMap();
    const editor = await open(`${app.relay.url}${map.editUrl}`);
    await editor.page.keyboard.press('s');
    await editor.page.getByTestId('story-add').click();
    await editor.page.getByTestId('story-code').fill('R-100');
    await editor.page.getByTestId('story-save').click();
    await node(editor.page, factors.conflict).locator('.factor-label').click();
    await editor.page.locator('[data-testid="story-pick"][data-code="R-100"]').click();
    await expect.poll(() => editor.page.getByTestId('cited-story').count()).toBe(1);

    const viewer = await open(`${app.relay.url}${map.viewUrl}`);
    await viewer.page.getByTestId('open-stories').click();
    const rows = viewer.page.getByTestId('story-row');
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => node(viewer.page, factors.conflict).getByTestId('badge-story').textContent()).toBe('1');
    expect(await viewer.page.getByTestId('story-add').count()).toBe(0);
    expect(await rows.first().getByTestId('story-edit').count()).toBe(0);
    expect(await rows.first().getAttribute('draggable')).toBe('false');
    await rows.first().getByTestId('story-trace').click();
    await expect.poll(() => dimmed(node(viewer.page, factors.drought))).toBe(true);
    expect(await dimmed(node(viewer.page, factors.conflict))).toBe(false);
    expect(viewer.errors).toEqual([]);
    await viewer.page.context().close();
    await editor.page.context().close();
  });
});
