import { appendFileSync, cpSync, readFileSync, rmSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addFactor, readSnapshot } from '../../src/model';
import {
  connectClient, createMap, destroyAll, makeTempDir, startRelay, waitFor, whenSynced, type Relay,
} from '../helpers/relay';
import { launchChromium, userContext } from './browser';

const distEnv = (): Record<string, string> => (process.env.TRAME_DIST_DIR ? { DIST_DIR: process.env.TRAME_DIST_DIR } : {});
const labels = (doc: Y.Doc) => readSnapshot(doc, () => undefined).factors.map((f) => f.label).sort();
/** The machine running the tests may be busy: waits are generous, never timed assertions. */
const PATIENT = { timeout: 20_000 };
const shownLabels = (page: Page) =>
  page.locator('[data-testid="factor"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-label') ?? '').sort());
const status = (page: Page) => page.getByTestId('sync-status').getAttribute('data-status');

let browser: Browser;
const relays: Relay[] = [];
const dirs: string[] = [];
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await Promise.all(relays.map((r) => r.kill('SIGTERM')));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function start(dataDir: string, port?: number, env: Record<string, string> = {}): Promise<Relay> {
  const relay = await startRelay({ dataDir, env: { ...distEnv(), ...env }, ...(port ? { port } : {}) });
  relays.push(relay);
  return relay;
}

async function addFactorFromToolbar(page: Page, label: string) {
  await page.getByRole('button', { name: 'Ajouter un facteur' }).click();
  const editor = page.getByRole('textbox', { name: 'Nom du facteur' });
  await editor.fill(label);
  await editor.press('Enter');
  await expect.poll(() => page.locator(`[data-label="${label}"]`).count(), PATIENT).toBe(1);
}

/** What the relay has stored, seen by a fresh client. */
async function relayLabels(relay: Relay, mapId: string, token: string, expected: string[]) {
  const client = connectClient(relay, mapId, token);
  try {
    await whenSynced(client);
    await waitFor(() => expected.every((l) => labels(client.doc).includes(l)), `relay has ${expected.join(', ')}`);
    return labels(client.doc);
  } finally {
    destroyAll(client);
  }
}

describe('working offline', () => {
  it('a map seen once opens, edits and later syncs with the relay stopped', async () => {
    const dataDir = makeTempDir();
    dirs.push(dataDir);
    const relay = await start(dataDir);
    const map = await createMap(relay, 'Atelier sans réseau');
    // localhost, not 127.0.0.1: service workers need a secure context, and localhost is one.
    const origin = `http://localhost:${relay.port}`;
    const context = await userContext(browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${origin}${map.editUrl}`);
    await expect.poll(() => status(page), PATIENT).toBe('online');
    await addFactorFromToolbar(page, 'Sécheresse');
    await relayLabels(relay, map.id, map.editToken, ['Sécheresse']);
    // Installed means precached: from here the app no longer needs the relay to open.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

    await relay.kill('SIGTERM');
    await page.reload();
    await expect.poll(() => page.locator('[data-label="Sécheresse"]').count(), PATIENT).toBe(1);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await expect.poll(() => status(page), PATIENT).toBe('offline');
    await addFactorFromToolbar(page, 'Pâturages perdus');

    const back = await start(dataDir, relay.port);
    await expect.poll(() => status(page), PATIENT).toBe('online');
    expect(await relayLabels(back, map.id, map.editToken, ['Pâturages perdus'])).toEqual(['Pâturages perdus', 'Sécheresse']);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a new version of the app', () => {
  it('is offered, never forced: the page reloads only when asked', async () => {
    const dataDir = makeTempDir();
    const nextDist = makeTempDir('trame-dist-');
    dirs.push(dataDir, nextDist);
    const relay = await start(dataDir);
    const map = await createMap(relay, 'Atelier en cours');
    const context = await userContext(browser);
    const page = await context.newPage();
    await page.goto(`http://localhost:${relay.port}${map.editUrl}`);
    await expect.poll(() => status(page), PATIENT).toBe('online');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // A page the current version serves, as on any visit after the first.
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), PATIENT).toBe(true);
    await expect.poll(() => status(page), PATIENT).toBe('online');
    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

    // The same app with a changed service worker: to the browser, a new version.
    cpSync(process.env.TRAME_DIST_DIR ?? resolve(import.meta.dirname, '../../dist'), nextDist, { recursive: true });
    appendFileSync(join(nextDist, 'sw.js'), '\n// next version\n');
    await relay.kill('SIGTERM');
    const next = await start(dataDir, relay.port, { DIST_DIR: nextDist });
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));

    const prompt = page.getByTestId('update-prompt');
    await expect.poll(() => prompt.count(), PATIENT).toBe(1);
    expect(await page.evaluate(() => 'stillTheSamePage' in window)).toBe(true);
    await prompt.getByRole('button', { name: 'Recharger' }).click();
    await expect.poll(() => page.evaluate(() => 'stillTheSamePage' in window).catch(() => true), PATIENT).toBe(false);
    await expect.poll(() => status(page), PATIENT).toBe('online');
    expect(await page.getByTestId('update-prompt').count()).toBe(0);
    await next.kill('SIGTERM');
    await context.close();
  });
});

describe('a map file, with no server at all', () => {
  it('is saved from a map opened offline, and opened back on a map kept on this device', async () => {
    const dataDir = makeTempDir();
    dirs.push(dataDir);
    const relay = await start(dataDir);
    const map = await createMap(relay, 'Atelier de Ségou');
    const origin = `http://localhost:${relay.port}`;
    const context = await userContext(browser);
    const page = await context.newPage();
    await page.goto(`${origin}${map.editUrl}`);
    await expect.poll(() => status(page), PATIENT).toBe('online');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await relay.kill('SIGTERM');

    await page.reload();
    await expect.poll(() => status(page), PATIENT).toBe('offline');
    await addFactorFromToolbar(page, 'Accès à l’eau');
    await addFactorFromToolbar(page, 'Transhumance');
    await page.getByTestId('open-export').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-map-file').click()]);
    const saved = readFileSync((await download.path())!);

    // Home, then a new map: with no relay it is kept on this device; the file goes into it.
    await page.goto(`${origin}/`);
    await page.getByRole('button', { name: 'Nouvelle carte' }).click();
    await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-status'), PATIENT).toBe('local');
    expect(new URL(page.url()).pathname).not.toBe(`/m/${map.id}`);
    await page.getByTestId('open-import').click();
    await page.getByTestId('import-file').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: saved });
    await expect.poll(() => shownLabels(page), PATIENT).toEqual(['Accès à l’eau', 'Transhumance']);
    await context.close();
  });
});

const lanIp = Object.values(networkInterfaces()).flat().find((a) => a?.family === 'IPv4' && !a.internal)?.address;

describe('in the hall, on a phone', () => {
  it('a long press edits a factor\'s label, and shared links point to the local network', async () => {
    const dataDir = makeTempDir();
    dirs.push(dataDir);
    // Listening on every address, as npm start does, so the relay knows its LAN address.
    const relay = await start(dataDir, undefined, { HOST: '0.0.0.0' });
    const map = await createMap(relay, 'Atelier de Mopti');
    const seed = connectClient(relay, map.id, map.editToken);
    await whenSynced(seed);
    addFactor(seed.doc, { label: 'Conflits', x: 0, y: 0 });
    await relayLabels(relay, map.id, map.editToken, ['Conflits']);
    destroyAll(seed);

    const context = await browser.newContext({
      viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'fr-FR',
    });
    context.setDefaultTimeout(10_000);
    await context.addInitScript(() => localStorage.setItem('trame.user', JSON.stringify({ id: 'u-fatou', name: 'Fatou', color: '#00796b' })));
    const page = await context.newPage();
    await page.goto(`http://localhost:${relay.port}${map.editUrl}`);
    const label = page.locator('[data-label="Conflits"] .factor-label');
    await expect.poll(() => label.count(), PATIENT).toBe(1);

    // A finger held still on the factor, then lifted (CDP touch events, as a phone sends them).
    const box = (await label.boundingBox())!;
    const touch = await context.newCDPSession(page);
    const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await touch.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at] });
    await expect.poll(() => page.locator('.factor-body[data-pressing]').count(), PATIENT).toBe(1);
    await touch.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    const editor = page.getByRole('textbox', { name: 'Nom du facteur' });
    await editor.fill('Conflits agriculteurs-éleveurs');
    await editor.press('Enter');
    await relayLabels(relay, map.id, map.editToken, ['Conflits agriculteurs-éleveurs']);

    await page.getByTestId('share').click();
    const editLink = page.getByRole('textbox', { name: 'Lien de modification' });
    if (lanIp) {
      await expect.poll(() => editLink.inputValue(), PATIENT).toBe(`http://${lanIp}:${relay.port}${map.editUrl}`);
    } else {
      await expect.poll(() => page.getByText(/les téléphones ne peuvent pas les ouvrir/).count(), PATIENT).toBe(1);
    }
    await context.close();
  });
});

