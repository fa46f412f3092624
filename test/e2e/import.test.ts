import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createMap, type CreatedMap } from '../helpers/relay';
import { userContext } from './browser';
import { appHarness } from './harness';

const app = appHarness();

const fixtureDir = join(import.meta.dirname, '../fixtures');
const linksPath = join(fixtureDir, 'mali-centre-links.csv');
const factors = (page: Page) => page.locator('[data-testid="factor"]');
const links = (page: Page) => page.locator('[data-testid="link-polarity"]');

interface JsonMap {
  meta: { title?: string };
  factors: { id: string; label: string; x: number; y: number }[];
  links: { id: string; source: string; target: string }[];
}

async function mapJson(m: CreatedMap): Promise<JsonMap> {
  return (await (await fetch(`${app.relay.url}/api/maps/${m.id}/export.json?token=${m.viewToken}`)).json()) as JsonMap;
}

async function open(m: CreatedMap, locale = 'fr-FR') {
  const context = await userContext(app.browser, { locale });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${app.relay.url}${m.editUrl}`);
  await expect.poll(() => page.getByTestId('open-import').count()).toBe(1);
  return { context, page, errors };
}

/** A map with two linked factors, made over HTTP. */
async function twoFactorMap(): Promise<CreatedMap> {
  const body = JSON.stringify({
    format: 'trame', schemaVersion: 1, meta: { title: 'Deux facteurs' },
    factors: [{ id: 'fa', label: 'Sécheresse', x: 0, y: 0 }, { id: 'fb', label: 'Exode', x: 400, y: 0 }],
    links: [{ id: 'la', source: 'fa', target: 'fb', polarity: '+' }],
  });
  const r = await fetch(`${app.relay.url}/api/maps`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return (await r.json()) as CreatedMap;
}

describe('importing into an open map', () => {
  it('adds the fixture’s 30 factors and 55 links from the file picker, and one undo takes them all back', async () => {
    const m = await createMap(app.relay, 'Import');
    const { context, page, errors } = await open(m);
    await expect.poll(() => page.getByText('La carte est vide').count()).toBe(1);

    await page.getByTestId('open-import').click();
    await page.getByTestId('import-file').setInputFiles(linksPath);
    await expect.poll(() => factors(page).count()).toBe(30);
    await expect.poll(() => links(page).count()).toBe(55);
    await expect.poll(() => page.getByTestId('import-report').getAttribute('data-outcome')).toBe('done');
    expect(await page.getByTestId('import-report').textContent()).toContain('30 facteurs et 55 liens importés');
    // Laid out: no two factors on one spot.
    const spots = await factors(page).evaluateAll((els) => els.map((e) => {
      const r = e.getBoundingClientRect();
      return `${Math.round(r.x)},${Math.round(r.y)}`;
    }));
    expect(new Set(spots).size).toBe(30);
    await expect.poll(async () => (await mapJson(m)).factors.length).toBe(30);

    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => factors(page).count()).toBe(0);
    expect(await links(page).count()).toBe(0);
    await expect.poll(async () => (await mapJson(m)).factors.length).toBe(0);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => factors(page).count()).toBe(30);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps an automatic snapshot of the map as it stood before the import, on the relay', async () => {
    const m = await twoFactorMap();
    const { context, page, errors } = await open(m);
    await expect.poll(() => factors(page).count()).toBe(2);

    await page.getByTestId('open-import').click();
    await page.getByTestId('import-file').setInputFiles(linksPath);
    await expect.poll(() => page.getByTestId('import-report').getAttribute('data-outcome')).toBe('done');
    await expect.poll(async () => (await mapJson(m)).factors.length).toBeGreaterThan(2);
    // The report carries no "could not keep the state before the import" warning.
    expect(await page.getByTestId('import-report').textContent()).not.toContain('avant l’import');

    const r = await fetch(`${app.relay.url}/api/maps/${m.id}/snapshots?token=${m.viewToken}`);
    expect(r.status).toBe(200);
    const { snapshots } = (await r.json()) as { snapshots: { auto: string | null; factors: number; links: number }[] };
    const auto = snapshots.filter((s) => s.auto === 'import');
    expect(auto).toHaveLength(1);
    // Taken before the write: the two factors and one link the map had, not what it has now.
    expect(auto[0]).toMatchObject({ factors: 2, links: 1 });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses a bad file with a message naming its line, in the user’s language, and changes nothing', async () => {
    const m = await twoFactorMap();
    const before = await mapJson(m);
    const { context, page, errors } = await open(m);
    await expect.poll(() => factors(page).count()).toBe(2);

    await page.getByTestId('open-import').click();
    await page.getByTestId('import-file').setInputFiles({
      name: 'liens.csv', mimeType: 'text/csv',
      buffer: Buffer.from('cause,effect,polarity\nPluies,Récoltes,+\nRécoltes,Exode,peut-être\n'),
    });
    const report = page.getByTestId('import-report');
    await expect.poll(() => report.getAttribute('data-outcome')).toBe('failed');
    const text = await report.textContent();
    expect(text).toContain('la carte n’a pas changé');
    expect(text).toContain('ligne 3 : polarité inconnue « peut-être »');
    await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
    await expect.poll(() => report.textContent()).toContain("line 3: unknown polarity 'peut-être'");

    // A broken JSON map: located too.
    await page.getByTestId('open-import').click();
    await page.getByTestId('import-file').setInputFiles({
      name: 'carte.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "trame",\n  "factors": [\n}'),
    });
    await expect.poll(() => report.textContent()).toContain('broken JSON at line 3');
    expect(await factors(page).count()).toBe(2);

    // Barrier: a later edit reaches the relay, so a write from the imports would have too.
    const title = page.getByRole('textbox', { name: 'Map title' });
    await title.fill('Deux facteurs, après');
    await title.press('Enter');
    await expect.poll(async () => (await mapJson(m)).meta.title).toBe('Deux facteurs, après');
    const after = await mapJson(m);
    expect(after.factors).toEqual(before.factors);
    expect(after.links).toEqual(before.links);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('takes files dropped on the canvas: factors with their themes and links, reusing a factor of the same name', async () => {
    const m = await twoFactorMap();
    const { context, page } = await open(m);
    await expect.poll(() => factors(page).count()).toBe(2);
    const factorsCsv = 'label,theme,note\nSécheresse,Climat,\nPluies tardives,Climat,\n';
    const linksCsv = 'cause,effect,polarity\nPluies tardives,Sécheresse,+\nSécheresse,Migration,+\n';
    await page.getByTestId('import-drop-ready').waitFor({ state: 'attached' });
    await page.locator('.react-flow__pane').evaluate((pane, files) => {
      const dt = new DataTransfer();
      for (const f of files) dt.items.add(new File([f.text], f.name, { type: 'text/csv' }));
      pane.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      pane.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, [{ name: 'facteurs.csv', text: factorsCsv }, { name: 'liens.csv', text: linksCsv }]);
    // Sécheresse was already there: two new factors (Pluies tardives, Migration), two new links.
    await expect.poll(() => factors(page).count()).toBe(4);
    await expect.poll(() => links(page).count()).toBe(3);
    const report = await page.getByTestId('import-report').textContent();
    expect(report).toContain('2 facteurs et 2 liens importés');
    expect(report).toContain('1 facteurs existaient déjà');
    expect(await page.locator('[data-label="Pluies tardives"]').getAttribute('data-theme')).toBeTruthy();
    await context.close();
  });

  it('tidies up the whole map in one undo step', async () => {
    const m = await twoFactorMap();
    const { context, page } = await open(m);
    await expect.poll(() => factors(page).count()).toBe(2);
    await page.getByTestId('open-import').click();
    await page.getByTestId('import-file').setInputFiles(linksPath);
    await expect.poll(() => factors(page).count()).toBe(32);
    const positions = async () => (await mapJson(m)).factors.map((f) => `${f.id}@${f.x},${f.y}`).sort();
    await expect.poll(async () => (await positions()).length).toBe(32);
    const laidOut = await positions();

    await page.getByTestId('tidy-up').click();
    await expect.poll(async () => (await positions()).join()).not.toBe(laidOut.join());
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await positions()).join()).toBe(laidOut.join());
    await context.close();
  });

  it('opens a saved map file as a new map', async () => {
    const source = await twoFactorMap();
    const saved = await (await fetch(`${app.relay.url}/api/maps/${source.id}/export.json?token=${source.viewToken}`)).text();
    const m = await createMap(app.relay, 'Ailleurs');
    const { context, page } = await open(m);
    await page.getByTestId('open-import').click();
    await page.getByTestId('open-map-file').setInputFiles({ name: 'Deux facteurs.trame.json', mimeType: 'application/json', buffer: Buffer.from(saved) });
    await expect.poll(() => new URL(page.url()).pathname).not.toBe(`/m/${m.id}`);
    await expect.poll(() => factors(page).count()).toBe(2);
    expect(await page.locator('[data-label="Exode"]').count()).toBe(1);
    expect(await page.getByRole('textbox', { name: 'Titre de la carte' }).inputValue()).toBe('Deux facteurs');
    await context.close();
  });
});
