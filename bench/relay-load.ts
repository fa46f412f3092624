/**
 * The relay under load, side by side with the reference y-websocket server
 * (@y/websocket-server 0.1.1), plus memory per idle map and the first load of a map with a
 * long history. `npm run bench -- relay`, or `npx tsx bench/relay-load.ts` alone;
 * BENCH_QUICK=1 for a smoke run.
 */
import { pathToFileURL } from 'node:url';
import type { Pauses } from '../server/http/loop-pauses';
import { attack } from '../test/torture/hostile-frames';
import { historyLoad } from './lib/history';
import { idleMemory, type IdleMemory } from './lib/idle-memory';
import { floodFigures } from './lib/flood';
import { startHealthzProbe } from './lib/healthz-probe-run';
import { runRawLoad } from './lib/raw-load';
import { ratio, sectionMarkdown, type Figure, type Section } from './lib/report';
import { cpuSeconds, memoryMiB, openRoom, startServer, type ServerKind } from './lib/servers';
import { fmt, median, sleep, summarize } from './lib/stats';

const QUICK = process.env.BENCH_QUICK === '1';

interface Scenario {
  name: string;
  clients: number;
  rooms: number;
  editsPerSecond: number;
  targetP99: number;
}

const SCENARIOS: Scenario[] = QUICK
  ? [{ name: '100 clients, 10 maps, 1 edit/s', clients: 100, rooms: 10, editsPerSecond: 1, targetP99: 100 }]
  : [{ name: '500 clients, 20 maps, 1 edit/s', clients: 500, rooms: 20, editsPerSecond: 1, targetP99: 100 }];
/** ABBA: a drift of the machine over the runs weighs on both sides alike. */
const ORDER: ServerKind[] = (process.env.BENCH_RELAY_ORDER?.split(',') as ServerKind[] | undefined)
  ?? (QUICK ? ['trame', 'reference'] : ['trame', 'reference', 'reference', 'trame']);
const WARMUP_MS = QUICK ? 1000 : 3000;
/** BENCH_RELAY_MEASURE_MS shortens the window while working on the relay (one side, say). */
const MEASURE_MS = Number(process.env.BENCH_RELAY_MEASURE_MS ?? (QUICK ? 3000 : 15_000));
/** Generator processes: two keep each one's event loop far from busy at 500 clients. */
const GENERATORS = 2;
const IDLE_MAPS = QUICK ? 30 : 200;
const HISTORY = QUICK ? { factors: 300, moves: 10, samples: 2 } : { factors: 300, moves: 200, samples: 5 };

interface Run {
  kind: ServerKind;
  p50: number;
  p95: number;
  p99: number;
  samples: number;
  lost: number;
  relayCpuPct: number;
  relayRssMiB: number;
  rssPerClientKiB: number;
  loadCpuPct: number;
  editsPerSec: number;
  reconnects: number;
  /** The relay's own pauses over the window (trame only: GET /debug/pauses). */
  pauses: Pauses | null;
}

async function runScenario(kind: ServerKind, s: Scenario): Promise<Run> {
  // TRAME_DEBUG=1: /debug/pauses tells what the relay's event loop went through meanwhile.
  const server = await startServer(kind, kind === 'trame' ? { env: { TRAME_DEBUG: '1' } } : {});
  const pausesNow = async (): Promise<Pauses | null> => {
    if (kind !== 'trame') return null;
    // An older relay (BENCH_TRAME_MAIN) may not have the route: it answers the app's page.
    const r = await fetch(`${server.url}/debug/pauses`);
    const text = await r.text();
    return r.ok && text.startsWith('{') ? JSON.parse(text) as Pauses : null;
  };
  try {
    const rooms: { room: string; token: string | null }[] = [];
    for (let i = 0; i < s.rooms; i++) rooms.push(await openRoom(server, `Charge ${i}`));
    const rssBefore = memoryMiB(server.pid).rss;
    let cpu0 = 0;
    let rssMax = 0;
    let cpu = 0;
    let sampler: NodeJS.Timeout | undefined;
    let pausesAtEnd: Promise<Pauses | null> = Promise.resolve(null);
    const r = await runRawLoad({
      wsUrls: [server.wsUrl], rooms, clients: s.clients, editsPerSecond: s.editsPerSecond,
      warmupMs: WARMUP_MS, measureMs: MEASURE_MS, generators: GENERATORS,
      onMeasureStart: () => {
        cpu0 = cpuSeconds(server.pid);
        void pausesNow();
        sampler = setInterval(() => (rssMax = Math.max(rssMax, memoryMiB(server.pid).rss)), 500);
      },
      onMeasureEnd: () => {
        cpu = cpuSeconds(server.pid) - cpu0;
        rssMax = Math.max(rssMax, memoryMiB(server.pid).rss);
        clearInterval(sampler);
        pausesAtEnd = pausesNow();
      },
    });
    const lat = summarize(r.latencies);
    return {
      kind, p50: lat.median, p95: lat.p95, p99: lat.p99, samples: lat.n,
      lost: r.lost,
      relayCpuPct: (cpu / r.windowSeconds) * 100,
      relayRssMiB: rssMax,
      rssPerClientKiB: ((rssMax - rssBefore) * 1024) / s.clients,
      loadCpuPct: (r.loadCpuSeconds / r.windowSeconds) * 100,
      editsPerSec: r.edits / ((WARMUP_MS + MEASURE_MS) / 1000),
      reconnects: r.reconnects,
      pauses: await pausesAtEnd,
    };
  } finally {
    await server.stop();
  }
}

function compare(name: string, unit: string, runs: Run[], pick: (r: Run) => number, extra: Partial<Figure> = {}): Figure {
  const ours = runs.filter((r) => r.kind === 'trame').map(pick);
  const ref = runs.filter((r) => r.kind === 'reference').map(pick);
  const spread = (xs: number[]) => ({ low: Math.min(...xs), high: Math.max(...xs), kind: 'min–max' as const });
  return {
    name, unit, median: median(ours), spread: spread(ours), n: ours.length,
    reference: { median: median(ref), spread: spread(ref) },
    ratio: ratio(median(ours), median(ref)),
    ...extra,
  };
}

function runTable(runs: { scenario: string; run: Run }[]): string {
  const head = '| scenario | server | p50 ms | p95 ms | p99 ms | samples | lost | relay CPU % | relay RSS MiB | RSS KiB / client | generator CPU % | edits/s | reconnects | relay loop delay p99 / max ms | GC pauses: total / longest ms |';
  const rows = runs.map(({ scenario, run: r }) => {
    const p = r.pauses;
    const loop = p ? `${fmt(p.loopP99Ms)} / ${fmt(p.loopMaxMs)}` : '–';
    const gc = p ? `${fmt(p.gcTotalMs)} / ${fmt(p.gcMaxMs)} (${p.gcCount})` : '–';
    return `| ${scenario} | ${r.kind} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${r.samples} | ${r.lost} | ${fmt(r.relayCpuPct)} | ${fmt(r.relayRssMiB)} | ${fmt(r.rssPerClientKiB)} | ${fmt(r.loadCpuPct)} | ${fmt(r.editsPerSec)} | ${r.reconnects} | ${loop} | ${gc} |`;
  });
  return ['Every run, in the order run:', '', head, `|${' --- |'.repeat(15)}`, ...rows].join('\n');
}

async function loadSection(): Promise<Section> {
  const figures: Figure[] = [];
  const all: { scenario: string; run: Run }[] = [];
  for (const s of SCENARIOS) {
    const runs: Run[] = [];
    for (const kind of ORDER) {
      process.stderr.write(`  relay-load: ${s.name} on ${kind}…\n`);
      const r = await runScenario(kind, s);
      runs.push(r);
      all.push({ scenario: s.name, run: r });
      await sleep(1000);
    }
    const ours = runs.filter((r) => r.kind === 'trame');
    const p99 = compare(`${s.name}: edit-to-peer p99`, 'ms', runs, (r) => r.p99);
    const rss = compare(`${s.name}: relay RSS per client`, 'KiB', runs, (r) => r.rssPerClientKiB);
    figures.push(
      compare(`${s.name}: edit-to-peer p50`, 'ms', runs, (r) => r.p50),
      compare(`${s.name}: edit-to-peer p95`, 'ms', runs, (r) => r.p95),
      { ...p99, target: `≤ ${s.targetP99} ms, ≤ reference`, pass: p99.median <= s.targetP99 && (p99.ratio ?? 2) <= 1 },
      compare(`${s.name}: updates lost`, 'receptions', runs, (r) => r.lost, {
        target: '0', pass: ours.every((r) => r.lost === 0),
      }),
      compare(`${s.name}: relay CPU`, '% of a core', runs, (r) => r.relayCpuPct),
      compare(`${s.name}: relay RSS`, 'MiB', runs, (r) => r.relayRssMiB),
      { ...rss, target: '≤ 1.2 × reference', pass: (rss.ratio ?? 2) <= 1.2 },
      compare(`${s.name}: load generator CPU (${GENERATORS} processes)`, '% of a core', runs, (r) => r.loadCpuPct),
    );
  }
  return {
    title: 'Relay under load (trame vs @y/websocket-server 0.1.1)',
    figures,
    extra: runTable(all),
    notes: [
      `The load generator (bench/lib/raw-load-client.ts, ${GENERATORS} processes) speaks the wire format itself: each client is one raw WebSocket; as a sender it keeps a private Y.Doc holding only its own factor and encodes its own rename (the send time in the label) ${SCENARIOS[0]!.editsPerSecond} time(s) a second; as a receiver it finds the label's marker in the raw frame and never decodes Yjs. Latency is measured over edits sent in a ${MEASURE_MS / 1000} s window after ${WARMUP_MS / 1000} s of warm-up, by wall clock with sub-millisecond resolution across the generator processes.`,
      'Its CPU use is "load generator CPU" (all processes, over the window); it shares the 2 cores with the relay, so its own delays are part of every latency, on both sides alike.',
      `Runs alternate ${ORDER.join(', ')} (each a fresh server process); a figure is the median over that server's runs with the min–max across them; "ours / ref" is the ratio of the medians.`,
      '"updates lost" counts receptions that never happened (every edit must reach every other client of its map).',
      'Not like for like on durability: trame writes every update to SQLite (WAL) before relaying it and checks tokens; the reference server keeps documents in memory only and has no access control.',
      'Relay CPU is user + system time from /proc/<pid>/stat over the window; RSS is the largest VmRSS sampled every 0.5 s in the window; RSS per client is that minus the RSS before the clients connected (maps created), divided by the clients.',
      '"relay loop delay" and "GC pauses" are the relay\'s own account of the window (GET /debug/pauses, TRAME_DEBUG=1): how late its event loop ran ready callbacks (monitorEventLoopDelay), and the garbage collector\'s pauses (count in brackets). A latency tail with a quiet loop is the machine (the relay waiting for a core), one with a long loop delay is the relay\'s own work.',
      'Where the tail came from, and what was done: (1) SQLite\'s automatic checkpoint (copying the WAL into the database file, with an fsync) ran inside whichever group commit crossed 1,000 pages, holding the event loop: a probe committing 3 rows every 4 ms for 10 s on this disk saw commits of up to 50 ms, 8 over 5 ms; with the checkpoint in a thread of its own (server/store/checkpoint-worker.ts) up to 26 ms, 2 over 5 ms (the rest is the disk). (2) ws writes every frame with its own system call: 25 peers × 25 edits a second per map is 12,500 writes a second, most of the relay\'s CPU; the frames a peer is sent in one event-loop turn now leave in one write, which matters most when the relay is behind (more per turn). (3) Compaction (every 500 updates of a map, about once a second over 20 maps at this load) replays in a worker thread; only reading and replacing rows stays on the loop. (4) Sync answers of maps over 256 KiB are built in a worker (not exercised by this load: its maps stay small). (5) GC: see the column.',
      'On this shared 2-core machine other work runs beside the bench (look at the load averages in the heading): the servers run in a session of their own (the kernel\'s autogroup scheduling gives each session a share of the CPU), both kinds alike, so neither splits its share with the generators; under heavy load absolute figures move a lot from run to run, the ratio of the same run much less.',
    ],
  };
}

async function memorySection(): Promise<Section> {
  const runs: IdleMemory[] = [];
  for (const kind of ORDER) {
    process.stderr.write(`  relay-load: idle memory on ${kind}…\n`);
    runs.push(await idleMemory(kind, IDLE_MAPS));
  }
  const side = (k: ServerKind) => runs.filter((r) => r.kind === k).map((r) => r.kibPerMap);
  const ours = side('trame');
  const ref = side('reference');
  const spread = (xs: number[]) => ({ low: Math.min(...xs), high: Math.max(...xs), kind: 'min–max' as const });
  process.stderr.write('  relay-load: long history…\n');
  const h = await historyLoad(HISTORY.factors, HISTORY.moves, HISTORY.samples);
  const cold = summarize(h.coldMs);
  const warm = summarize(h.warmMs);
  return {
    title: 'Relay memory and loading',
    figures: [
      {
        name: `memory per idle open map (${IDLE_MAPS} maps, one client each)`, unit: 'KiB',
        median: median(ours), spread: spread(ours), n: ours.length,
        reference: { median: median(ref), spread: spread(ref) }, ratio: ratio(median(ours), median(ref)),
        note: runs.map((r) => `${r.kind} ${fmt(r.rssBeforeMiB)}→${fmt(r.rssAfterMiB)} MiB`).join('; '),
      },
      {
        name: `heap still held per map after its ${IDLE_MAPS} rooms closed (every client left)`, unit: 'KiB',
        median: median(runs.filter((r) => r.closedHeapKiBPerMap !== null).map((r) => r.closedHeapKiBPerMap!)),
        n: runs.filter((r) => r.closedHeapKiBPerMap !== null).length,
        target: '≈ 0 (maps leave memory)',
        note: 'heap after a full GC (--expose-gc), minus before the maps were opened, per map; what a relay keeps for a map no one has open',
      },
      {
        name: `first sync of a ${h.factors}-factor map with ${h.movesPerFactor} moves each, after a relay restart (from SQLite)`,
        unit: 'ms', median: cold.median, spread: { low: cold.min, high: cold.max, kind: 'min–max' }, n: cold.n,
        note: `log at restart: ${h.logRows} rows, ${fmt(h.logBytes / 1024)} KiB; document ${fmt(h.docBytes / 1024)} KiB`,
      },
      {
        name: 'same map, room already in memory', unit: 'ms', median: warm.median,
        spread: { low: warm.min, high: warm.max, kind: 'min–max' }, n: warm.n,
        note: `cold / warm = ${fmt(cold.median / warm.median)}`,
      },
      {
        name: `writing that history through the relay (${h.factors * h.movesPerFactor} single-move updates)`,
        unit: 's', median: h.writeSeconds, n: 1,
        note: `${fmt((h.factors * h.movesPerFactor) / h.writeSeconds)} updates/s stored, compacted and relayed`,
      },
    ],
    notes: [
      'Memory per map: resident memory after the clients connected, each wrote a 30-factor, 55-link map and went idle, minus before, divided by the number of maps. RSS moves with garbage collection, so read it to ±20 %.',
      'The reference server keeps no history on disk, so the loading figures are trame alone; the warm first sync is the comparison that isolates the cost of reading and replaying SQLite. Time starts when the client is created (the relay is already listening) and ends when every factor is in its document.',
    ],
  };
}

/** The hostile-input torture test's attack, timed: how long /healthz takes meanwhile. */
async function hostileSection(): Promise<Section> {
  const frames = QUICK ? 500 : 4000;
  process.stderr.write('  relay-load: hostile frames…\n');
  const server = await startServer('trame');
  try {
    const { room, token } = await openRoom(server, 'Hostile');
    const probe = await startHealthzProbe(server.url);
    const stats = await attack(server, {
      mapId: room, token: token!, frames, hugeFrames: 1, concurrency: 8, seed: 20_260_101,
    });
    const p = await probe.stop();
    const h = summarize(p.latencies);
    const max = Math.max(...p.latencies);
    const own = stats.healthz;
    return {
      title: 'Relay under hostile input',
      figures: [{
        name: `/healthz while ${stats.framesSent} hostile frames arrive over ${stats.connections} connections`,
        unit: 'ms', median: h.median, n: h.n,
        target: 'max ≤ 100 ms', pass: p.failed === 0 && max <= 100,
        note: `p99 ${fmt(h.p99)} ms, **max ${fmt(max)} ms**, ${p.failed} unanswered; ${fmt(stats.framesSent / stats.seconds)} frames/s; closes ${Object.entries(stats.closeCodes).map(([c, n]) => `${c}×${n}`).join(' ')}; polled from the attacker's own process: p99 ${fmt(own.p99Ms)} ms, max ${fmt(own.maxMs)} ms`,
      }],
      notes: [
        'The attack of test/torture/hostile.test.ts (fixed seed): valid sync and awareness messages with flipped bytes, truncated, extended, with wrong types or lying lengths, random bytes, text frames, presence over 256 KiB and one frame over 32 MiB, 8 connections at a time from many loopback addresses. /healthz is polled every 50 ms meanwhile from a process of its own (bench/lib/healthz-probe.ts): the attacker builds and masks a 33 MiB frame, which stalls its own event loop, so its own polls (in the note) count that stall too. The test asserts every poll is answered within a second; the figure here is the real one.',
      ],
    };
  } finally {
    await server.stop();
  }
}

/** Issue 14's flood: /healthz and another map's edits while a view link floods a large map. */
async function floodSection(): Promise<Section> {
  const factors = QUICK ? 800 : 3300;
  const seconds = QUICK ? 4 : 15;
  const perFlood = 200;
  const clients = 10;
  process.stderr.write('  relay-load: flood of sync step 1…\n');
  const f = await floodFigures({ factors, perFlood, measureMs: seconds * 1000, clients });
  const mib = fmt(f.mapBytes / 1024 / 1024);
  return {
    title: 'Relay under a flood of sync step 1',
    figures: [
      {
        name: `/healthz while a view link sends ${perFlood} sync step 1 a second on a ${mib} MiB map`, unit: 'ms',
        median: f.healthz.median, n: f.healthz.n, target: 'p99 ≤ 250 ms', pass: f.healthz.failed === 0 && f.healthz.p99 <= 250,
        note: `p99 ${fmt(f.healthz.p99)} ms, max ${fmt(f.healthz.max)} ms, ${f.healthz.failed} unanswered`,
      },
      {
        name: `edit to peer on another map meanwhile (${clients} raw clients, 2 edits/s each)`, unit: 'ms',
        median: f.edits.median, n: f.edits.n, target: 'p99 ≤ 250 ms', pass: f.edits.p99 <= 250 && f.lost === 0,
        note: `p99 ${fmt(f.edits.p99)} ms, max ${fmt(f.edits.max)} ms, ${f.lost} receptions lost`,
      },
      {
        name: 'sync answers the attacker got for its step 1s', unit: 'answers', median: f.answers, n: 1,
        note: `${f.stepsSent} step 1 sent over ${seconds} s; ${f.attackerClose === null ? 'never closed' : `closed with ${f.attackerClose}`}`,
      },
    ],
    notes: [
      `The attack of issue 14: a map of ${factors} factors with long notes (${mib} MiB of state) created by POST /api/maps, one WebSocket with its view token sending ${perFlood} sync step 1 at once every second (half with an empty state vector, half naming a made-up client) for ${seconds} s, while ${clients} clients of bench/lib/raw-load-client.ts edit another map and /healthz is polled every 50 ms. Before the relay's per-connection budget, /healthz stalled 8.5 s and the other map's edits were p99 8.5 s late.`,
    ],
  };
}

/** `BENCH_RELAY_PART=load` (or `flood`, `hostile`) runs only that section (while working on the relay's tail). */
export async function run(): Promise<Section[]> {
  if (process.env.BENCH_RELAY_PART === 'load') return [await loadSection()];
  if (process.env.BENCH_RELAY_PART === 'flood') return [await floodSection()];
  if (process.env.BENCH_RELAY_PART === 'hostile') return [await hostileSection()];
  return [await loadSection(), await floodSection(), await memorySection(), await hostileSection()];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void run().then((sections) => {
    for (const s of sections) console.log(sectionMarkdown(s));
  });
}
