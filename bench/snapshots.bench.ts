/**
 * Snapshots of a map (issue 19), on the relay over real HTTP: taking one of a 1,000-factor map
 * (the log read from SQLite, the state encoded in the snapshot thread, the row written),
 * listing 100, comparing two 1,000-factor states (relay route, and the model alone as the
 * browser runs it), the storage each takes, and whether other maps stall meanwhile: /healthz
 * is asked every few milliseconds while snapshots are taken, and its latency compared with
 * the same probe on an idle relay in the same run. Run alone with `npx tsx bench/snapshots.bench.ts`.
 */
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { mkdtempSync } from 'node:fs';
import * as Y from 'yjs';
import { createApp } from '../server/app';
import { hashToken, newMapId, newToken } from '../server/store/secrets';
import { SqliteMapStore } from '../server/store/sqlite-store';
import { addFactor, addLink, change, createMapDoc, factorsOf, putFactor, readSnapshot, removeFactors, renameFactor } from '../src/model';
import { compareMaps, mapStateOf } from '../src/model/compare';
import { viewTokenFor } from '../src/model/tokens';
import { generatedMap } from './lib/maps';
import { sectionMarkdown, type Figure, type Section, type Spread } from './lib/report';
import { sleep, summarize } from './lib/stats';

const QUICK = process.env.BENCH_QUICK === '1';
const N = QUICK ? 200 : 1000;
const SAMPLES = QUICK ? 4 : 15;
const quiet = () => undefined;
const log = { info: () => undefined, warn: () => undefined };

function spread(xs: number[]): Spread {
  const s = summarize(xs);
  return { low: s.p25, high: s.p75, kind: 'p25–p75' };
}
const med = (xs: number[]) => summarize(xs).median;

function bigDoc(n: number): Y.Doc {
  const g = generatedMap(n, 2);
  const doc = createMapDoc({ title: `Carte de ${n} facteurs`, language: 'fr' });
  const ids = new Map<string, string>();
  change(doc, () => {
    g.factors.forEach((f, i) => ids.set(f.id, putFactor(doc, { label: f.label, x: (i % 40) * 220, y: Math.floor(i / 40) * 120 })));
  });
  change(doc, () => {
    for (const l of g.links) {
      try {
        addLink(doc, { source: ids.get(l.source)!, target: ids.get(l.target)!, polarity: l.source < l.target ? '+' : '-' });
      } catch {
        // A duplicate pair from the generator.
      }
    }
  });
  return doc;
}

/** A later cycle: a tenth of the factors renamed, 5% removed, 5% added. */
function laterCycle(doc: Y.Doc): Y.Doc {
  const later = new Y.Doc();
  Y.applyUpdate(later, Y.encodeStateAsUpdate(doc));
  const ids = [...factorsOf(later).keys()];
  ids.slice(0, Math.round(ids.length / 10)).forEach((id, i) => renameFactor(later, id, `Renommé au cycle 2 (${i})`));
  removeFactors(later, ids.slice(-Math.round(ids.length / 20)));
  for (let i = 0; i < Math.round(ids.length / 20); i++) addFactor(later, { label: `Nouveau facteur ${i}`, x: i * 10, y: -200 });
  return later;
}

export async function run(): Promise<Section> {
  const dir = mkdtempSync(join(tmpdir(), 'trame-bench-snapshots-'));
  const store = new SqliteMapStore(dir);
  const app = createApp({ store, distDir: dir, log });
  await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', () => r()));
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  try {
    const doc = bigDoc(N);
    const shown = readSnapshot(doc, quiet);
    const id = newMapId();
    const token = newToken();
    await store.createMap({ id, editTokenHash: hashToken(token), viewTokenHash: hashToken(viewTokenFor(token)), createdAt: Date.now() },
      Y.encodeStateAsUpdate(doc));
    const api = (path: string, init?: RequestInit) => fetch(`${base}/api/maps/${id}${path}`, { ...init, headers: { ...init?.headers, authorization: `Bearer ${token}` } });
    const take = async (name: string) => {
      const r = await api('/snapshots', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name }) });
      if (r.status !== 201) throw new Error(`snapshot answered ${r.status}`);
      return (await r.json()) as { id: string; bytes: number };
    };

    // The probe other maps would feel: /healthz every 5 ms, its latency.
    const probe = async (until: () => boolean): Promise<number[]> => {
      const out: number[] = [];
      while (!until()) {
        const t = performance.now();
        await (await fetch(`${base}/healthz`)).text();
        out.push(performance.now() - t);
        await sleep(5);
      }
      return out;
    };
    let idleDone = false;
    const idleProbe = probe(() => idleDone);
    await sleep(QUICK ? 300 : 1500);
    idleDone = true;
    const idle = await idleProbe;

    await take('échauffement'); // starts the snapshot thread
    const times: number[] = [];
    let bytes = 0;
    let busyDone = false;
    const busyProbe = probe(() => busyDone);
    let first = '';
    for (let i = 0; i < SAMPLES; i++) {
      const t = performance.now();
      const s = await take(`Cycle ${i + 1}`);
      times.push(performance.now() - t);
      bytes = s.bytes;
      if (i === 0) first = s.id;
    }
    busyDone = true;
    const busy = await busyProbe;

    // The later cycle, as the relay would hold it; then its snapshot.
    const later = laterCycle(doc);
    const update = Y.encodeStateAsUpdate(later, Y.encodeStateVector(doc));
    await store.appendUpdate(id, update);
    const second = await take('Cycle 2');

    // 100 snapshots listed (the rest stored straight into the table: the route limits bursts).
    const state = Y.encodeStateAsUpdate(doc);
    const listed = (await (await api('/snapshots')).json()) as { snapshots: unknown[] };
    for (let i = listed.snapshots.length; i < 100; i++) {
      await store.snapshots.addSnapshot({
        id: newMapId(), mapId: id, name: `Atelier ${i}`, createdAt: Date.now(), author: 'Aminata', auto: null,
        factors: shown.factors.length, links: shown.links.length,
      }, state);
    }
    const lists: number[] = [];
    let count = 0;
    for (let i = 0; i < SAMPLES * 2; i++) {
      const t = performance.now();
      const body = (await (await api('/snapshots')).json()) as { snapshots: unknown[] };
      lists.push(performance.now() - t);
      count = body.snapshots.length;
    }

    const compares: number[] = [];
    let changes = '';
    for (let i = 0; i < SAMPLES; i++) {
      const t = performance.now();
      const r = await api(`/compare?from=${first}&to=${second.id}`);
      const body = (await r.json()) as { factors: { added: unknown[]; removed: unknown[]; changed: unknown[] } };
      compares.push(performance.now() - t);
      changes = `${body.factors.added.length} added, ${body.factors.removed.length} removed, ${body.factors.changed.length} changed`;
    }
    const models: number[] = [];
    const a = mapStateOf(doc);
    const b = mapStateOf(later);
    for (let i = 0; i < SAMPLES; i++) {
      const t = performance.now();
      compareMaps(a, b, { loops: { maxLength: 8, maxCount: 500 } });
      models.push(performance.now() - t);
    }

    const figures: Figure[] = [
      {
        name: `take a snapshot of a ${N}-factor map (POST, relay)`, unit: 'ms', median: med(times), spread: spread(times), n: times.length,
        target: '≤ 200 ms', pass: med(times) <= 200, note: `${shown.factors.length} factors, ${shown.links.length} links`,
      },
      {
        name: '/healthz while snapshots are taken (what other maps feel), p95', unit: 'ms', median: summarize(busy).p95, n: busy.length,
        reference: { median: summarize(idle).p95 }, ratio: summarize(idle).p95 > 0 ? summarize(busy).p95 / summarize(idle).p95 : undefined,
        note: `max ${summarize(busy).max.toFixed(1)} ms while snapshotting, ${summarize(idle).max.toFixed(1)} ms idle (reference: the same probe on the idle relay)`,
      },
      { name: `list ${count} snapshots (GET, relay)`, unit: 'ms', median: med(lists), spread: spread(lists), n: lists.length, target: '≤ 50 ms', pass: med(lists) <= 50 },
      {
        name: `compare two ${N}-factor states (GET /compare, relay)`, unit: 'ms', median: med(compares), spread: spread(compares), n: compares.length,
        target: '≤ 300 ms', pass: med(compares) <= 300, note: changes,
      },
      { name: `compare two ${N}-factor states (model, as in the browser, loops included)`, unit: 'ms', median: med(models), spread: spread(models), n: models.length, target: '≤ 300 ms', pass: med(models) <= 300 },
      { name: `storage per snapshot of a ${N}-factor map`, unit: 'KiB', median: bytes / 1024, note: `${bytes} bytes of Yjs state per row, plus name and counts` },
    ];
    return {
      title: 'snapshots',
      figures,
      notes: [
        'The relay runs in the bench process (createApp on a SQLite store in a temp folder) and is driven over real HTTP on loopback; snapshots are encoded in its snapshot thread, so the probe measures what the relay\'s own thread is left with.',
        `Generated map: ${N} factors laid on a grid, about two links each; the second state renames a tenth, removes 5% and adds 5%.`,
        'The first snapshot (not counted) rebuilds the map from its log in the snapshot thread; the measured ones bring the thread\'s copy up to date with the log, as when a facilitator saves the same map again. The relay\'s compare opens two stored states in the thread before comparing them; the model figure starts from two open documents.',
      ],
    };
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void run().then((s) => console.log(sectionMarkdown(s)));
}
