import { readFileSync } from 'node:fs';
import { appEnv } from './harness';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import * as Y from 'yjs';
import { addFactor, addLink, type Polarity } from '../../src/model';
import { combineCsv, exportJson, importIntoDoc, parseFactorsCsv, parseLinksCsv, type TrameJson } from '../../src/model/io';
// Registers the views, votes and groups sections of the JSON format.
import { layoutMap } from '../../src/model/layout';
import { connectClient, createMap, destroyAll, startRelay, waitFor, whenSynced, type CreatedMap, type Relay } from '../helpers/relay';
import { userContext } from './browser';

/** The relay serving the app: dist/ (npm test builds it) or TRAME_DIST_DIR while developing. */
export function startAppRelay(): Promise<Relay> {
  return startRelay({ env: appEnv() });
}

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../fixtures');

/** Writes into a relay map through a real client, as another participant would. */
export async function writeToMap(relay: Relay, map: CreatedMap, write: (doc: Y.Doc) => void): Promise<void> {
  const provider = connectClient(relay, map.id, map.editToken);
  await whenSynced(provider);
  write(provider.doc);
  // A second client holding everything the first wrote proves the relay has it.
  const check = connectClient(relay, map.id, map.editToken);
  await whenSynced(check);
  const target = Y.encodeStateVector(provider.doc).toString();
  await waitFor(() => Y.encodeStateVector(check.doc).toString() === target, 'the relay to hold the write');
  destroyAll(provider, check);
}

/** A map of the Mali fixture (30 factors, 55 links, 116 loops), laid out. */
export async function maliMap(relay: Relay): Promise<CreatedMap> {
  const map = await createMap(relay, 'Mali centre');
  const factors = parseFactorsCsv(readFileSync(join(fixtures, 'mali-centre-factors.csv'), 'utf8'));
  const links = parseLinksCsv(readFileSync(join(fixtures, 'mali-centre-links.csv'), 'utf8'));
  if (!factors.ok || !links.ok) throw new Error('fixtures do not parse');
  const parsed = combineCsv(factors.map, links.map);
  if (!parsed.ok) throw new Error('fixtures do not combine');
  await writeToMap(relay, map, (doc) => {
    const result = importIntoDoc(doc, parsed.map, { mode: 'new', layout: (f, l) => layoutMap(f, l) });
    if (!result.ok) throw new Error('fixtures do not import');
  });
  return map;
}

/** A small map: factors in a row, linked into one loop a → b → c → a. Returns the ids. */
export async function loopMap(relay: Relay, labels: string[], polarity: Polarity = '+'): Promise<{ map: CreatedMap; ids: string[] }> {
  const map = await createMap(relay, 'Boucle');
  const ids: string[] = [];
  await writeToMap(relay, map, (doc) => {
    labels.forEach((label, i) => ids.push(addFactor(doc, { label, x: 40 + (i % 3) * 320, y: 60 + Math.floor(i / 3) * 220 })));
    ids.forEach((id, i) => addLink(doc, { source: id, target: ids[(i + 1) % ids.length] as string, polarity }));
  });
  return { map, ids };
}

export async function openMap(
  browser: Browser, relay: Relay, map: CreatedMap, name: string, view = false, viewport?: { width: number; height: number },
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await userContext(browser, { name, ...(viewport ? { viewport } : {}) });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${relay.url}${view ? map.viewUrl : map.editUrl}`);
  await page.locator('[data-testid="sync-status"][data-status="online"]').waitFor();
  return { context, page, errors };
}

/** The viewport transform React Flow applies: x, y, zoom. */
export async function viewportOf(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  return page.locator('.react-flow__viewport').evaluate((el) => {
    const m = new DOMMatrixReadOnly(getComputedStyle(el).transform);
    return { x: m.e, y: m.f, zoom: m.a };
  });
}

/** The map's Trame JSON as the model exports it, from a fresh client synced with the relay. */
export async function exportedJson(relay: Relay, map: CreatedMap): Promise<TrameJson> {
  const provider = connectClient(relay, map.id, map.viewToken);
  await whenSynced(provider);
  try {
    return exportJson(provider.doc);
  } finally {
    destroyAll(provider);
  }
}
