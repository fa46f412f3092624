import { describe, expect, it } from 'vitest';
import { userContext } from './browser';
import { appHarness } from './harness';

const app = appHarness();

const MAP_FILE = JSON.stringify({
  format: 'trame', schemaVersion: 1, meta: { title: 'Clé USB de Mopti' },
  factors: [{ id: 'fa', label: 'Sécheresse', x: 0, y: 0 }, { id: 'fb', label: 'Exode', x: 400, y: 0 }],
  links: [{ id: 'la', source: 'fa', target: 'fb', polarity: '+' }],
});

describe('the home page', () => {
  it('loads without the map page’s code, then opens a .trame.json file as a new map on the relay', async () => {
    const context = await userContext(app.browser);
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => { if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname); });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${app.relay.url}/`);
    const button = page.getByText('Ouvrir un fichier de carte', { exact: true });
    await expect.poll(() => button.count()).toBe(1);
    expect(scripts.some((s) => s.includes('MapPage'))).toBe(false);

    await page.getByTestId('home-open-map-file').setInputFiles({ name: 'mopti.trame.json', mimeType: 'application/json', buffer: Buffer.from(MAP_FILE) });
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/m\/[\w-]+$/);
    await expect.poll(() => page.locator('[data-testid="factor"]').count()).toBe(2);
    expect(await page.locator('[data-label="Exode"]').count()).toBe(1);
    expect(await page.getByRole('textbox', { name: 'Titre de la carte' }).inputValue()).toBe('Clé USB de Mopti');
    // On the relay, with an edit link: the map is there for the others too.
    expect(new URL(page.url()).hash).toMatch(/^#edit=/);
    const id = new URL(page.url()).pathname.split('/')[2]!;
    const token = new URL(page.url()).hash.slice('#edit='.length);
    const saved = await (await fetch(`${app.relay.url}/api/maps/${id}/export.json?token=${token}`)).json() as { factors: unknown[] };
    expect(saved.factors).toHaveLength(2);
    // Back home, the map is listed.
    await page.goto(`${app.relay.url}/`);
    await expect.poll(() => page.getByRole('link', { name: 'Clé USB de Mopti' }).count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says in French why a file cannot be opened, and creates nothing', async () => {
    const context = await userContext(app.browser);
    const page = await context.newPage();
    await page.goto(`${app.relay.url}/`);
    await page.getByTestId('home-open-map-file').setInputFiles({ name: 'notes.trame.json', mimeType: 'application/json', buffer: Buffer.from('{ pas du json') });
    const problems = page.getByTestId('home-open-problems');
    await expect.poll(() => problems.count()).toBe(1);
    expect(await problems.textContent()).toContain('Impossible de créer la carte');
    expect(new URL(page.url()).pathname).toBe('/');
    await context.close();
  });
});
