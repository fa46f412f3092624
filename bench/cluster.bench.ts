/**
 * Several relays on PostgreSQL (issue 17): `npm run bench -- cluster`.
 *
 *   A→B: clients of each map split over two relay processes on one PostgreSQL; the delay from
 *        an edit through relay A to a client of relay B (the PostgreSQL fan-out: commit,
 *        NOTIFY, read by sequence).
 *   PG vs SQLite: one relay on PostgreSQL against one relay on SQLite at the same load,
 *        alternated ABBA, every update stored before it is relayed on both.
 *
 * PostgreSQL is the test harness's server (Debian's package, a temporary folder) started with
 * production durability: fsync and full-page writes on, synchronous_commit on (each commit
 * is flushed to the WAL on disk before the relay acknowledges it).
 */
import { closeSync, fdatasyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startPostgres, type PostgresServer } from '../test/helpers/postgres';
import { runRawLoad } from './lib/raw-load';
import { ratio, type Figure, type Section } from './lib/report';
import { cpuSeconds, openRoom, startServer, type ServerProcess } from './lib/servers';
import { fmt, median, sleep, summarize } from './lib/stats';

const QUICK = process.env.BENCH_QUICK === '1';
const LOAD = QUICK ? { clients: 40, maps: 4 } : { clients: 200, maps: 20 };
const EDITS_PER_SECOND = 1;
const WARMUP_MS = QUICK ? 1000 : 3000;
const MEASURE_MS = QUICK ? 3000 : 15_000;
const ORDER: ('pg' | 'sqlite')[] = QUICK ? ['pg', 'sqlite'] : ['pg', 'sqlite', 'sqlite', 'pg'];
/** Generator processes, as in bench/relay-load.ts. */
const GENERATORS = 2;

interface Run {
  label: string;
  p50: number;
  p99: number;
  crossP50: number;
  crossP99: number;
  samples: number;
  crossSamples: number;
  lost: number;
  relayCpuPct: number;
  loadCpuPct: number;
  reconnects: number;
}

/** The load on `relays` (one or two), every map's clients spread over them. */
async function measure(label: string, relays: ServerProcess[]): Promise<Run> {
  const rooms = [];
  for (let i = 0; i < LOAD.maps; i++) rooms.push(await openRoom(relays[i % relays.length]!, `Grappe ${i}`));
  let cpu0 = 0;
  let cpu = 0;
  const total = () => relays.reduce((s, r) => s + cpuSeconds(r.pid), 0);
  const result = await runRawLoad({
    wsUrls: relays.map((r) => r.wsUrl), rooms, clients: LOAD.clients, editsPerSecond: EDITS_PER_SECOND,
    warmupMs: WARMUP_MS, measureMs: MEASURE_MS, generators: GENERATORS,
    onMeasureStart: () => (cpu0 = total()),
    onMeasureEnd: () => (cpu = total() - cpu0),
  });
  const all = summarize(result.latencies);
  const cross = result.crossLatencies.length > 0 ? summarize(result.crossLatencies) : null;
  return {
    label, p50: all.median, p99: all.p99, samples: all.n,
    crossP50: cross?.median ?? Number.NaN, crossP99: cross?.p99 ?? Number.NaN, crossSamples: cross?.n ?? 0,
    lost: result.lost,
    relayCpuPct: (cpu / result.windowSeconds) * 100,
    loadCpuPct: (result.loadCpuSeconds / result.windowSeconds) * 100,
    reconnects: result.reconnects,
  };
}

/**
 * What one flushed 8 KiB write costs on the disk PostgreSQL's folder is on (what a commit
 * waits for with synchronous_commit on), idle, as pg_test_fsync does it: the median is what
 * a commit usually pays, the tail is what the edit-to-peer p99 meets.
 */
function fsyncLatency(dir: string, ms = QUICK ? 500 : 3000): { p50: number; p99: number; max: number; n: number } {
  const file = join(dir, 'bench-fsync');
  const fd = openSync(file, 'w');
  const block = Buffer.alloc(8192, 7);
  const times: number[] = [];
  try {
    const end = performance.now() + ms;
    while (performance.now() < end) {
      const t = performance.now();
      writeSync(fd, block, 0, block.length, 0);
      fdatasyncSync(fd);
      times.push(performance.now() - t);
    }
  } finally {
    closeSync(fd);
    rmSync(file, { force: true });
  }
  const s = summarize(times);
  return { p50: s.median, p99: s.p99, max: Math.max(...times), n: s.n };
}

async function withRelays<T>(n: number, env: Record<string, string>, fn: (relays: ServerProcess[]) => Promise<T>): Promise<T> {
  const relays: ServerProcess[] = [];
  try {
    // A minute to start: the relays, PostgreSQL and the generator share two cores.
    for (let i = 0; i < n; i++) relays.push(await startServer('trame', { env, startTimeoutMs: 60_000 }));
    return await fn(relays);
  } finally {
    await Promise.all(relays.map((r) => r.stop()));
  }
}

function table(runs: Run[]): string {
  const head = '| run | p50 ms | p99 ms | samples | A→B p50 ms | A→B p99 ms | A→B samples | lost | relays CPU % | load CPU % | reconnects |';
  const rows = runs.map((r) => `| ${r.label} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${r.samples} | ${r.crossSamples ? fmt(r.crossP50) : '–'} | ${r.crossSamples ? fmt(r.crossP99) : '–'} | ${r.crossSamples || '–'} | ${r.lost} | ${fmt(r.relayCpuPct)} | ${fmt(r.loadCpuPct)} | ${r.reconnects} |`);
  return ['Every run, in the order run:', '', head, `|${' --- |'.repeat(11)}`, ...rows].join('\n');
}

export async function run(): Promise<Section[]> {
  let pg: PostgresServer | null = null;
  const runs: Run[] = [];
  try {
    pg = await startPostgres({ durable: true });
    const server = pg;
    process.stderr.write(`  cluster: A→B, ${LOAD.clients} clients over 2 relays and ${LOAD.maps} maps…\n`);
    const twoRelays = await withRelays(2, { DATABASE_URL: await server.createDatabase('bench') },
      (relays) => measure('2 relays on PostgreSQL', relays));
    runs.push(twoRelays);
    const single: Run[] = [];
    for (const kind of ORDER) {
      await sleep(1000);
      process.stderr.write(`  cluster: one relay on ${kind}…\n`);
      const env: Record<string, string> = kind === 'pg' ? { DATABASE_URL: await server.createDatabase('bench') } : {};
      const r = await withRelays(1, env, (relays) => measure(`1 relay on ${kind === 'pg' ? 'PostgreSQL' : 'SQLite'}`, relays));
      single.push(r);
      runs.push(r);
    }
    const fsync = fsyncLatency(server.dataDir);
    // Diagnosis: the same load on a PostgreSQL that does not flush (fsync off), to tell the
    // disk's flush tail from the relay's own PostgreSQL path. Never how the relay is run.
    let noFsync: Run | null = null;
    const loose = await startPostgres({ durable: false });
    try {
      await sleep(1000);
      process.stderr.write('  cluster: one relay on pg without fsync (diagnosis)…\n');
      noFsync = await withRelays(1, { DATABASE_URL: await loose.createDatabase('bench') },
        (relays) => measure('1 relay on PostgreSQL, fsync off (diagnosis)', relays));
      runs.push(noFsync);
    } finally {
      await loose.stop();
    }
    const side = (prefix: string) => single.filter((r) => r.label.endsWith(prefix)).map((r) => r.p99);
    const pgP99 = median(side('PostgreSQL'));
    const sqliteP99 = median(side('SQLite'));
    const spread = (xs: number[]) => ({ low: Math.min(...xs), high: Math.max(...xs), kind: 'min–max' as const });
    const p99Ratio = ratio(pgP99, sqliteP99);
    const figures: Figure[] = [
      {
        name: `edit through relay A to a client of relay B, p99 (${LOAD.clients} clients, 2 relays, ${LOAD.maps} maps)`,
        unit: 'ms', median: twoRelays.crossP99, n: twoRelays.crossSamples,
        target: '≤ 100 ms', pass: twoRelays.crossP99 <= 100,
        note: `p50 ${fmt(twoRelays.crossP50)} ms`,
      },
      {
        name: `one relay on PostgreSQL vs SQLite, edit-to-peer p99 (${LOAD.clients} clients, ${LOAD.maps} maps)`,
        unit: 'ms', median: pgP99, spread: spread(side('PostgreSQL')), n: side('PostgreSQL').length,
        reference: { median: sqliteP99, spread: spread(side('SQLite')) }, ratio: p99Ratio,
        target: '≤ 1.5× SQLite', pass: p99Ratio !== undefined && p99Ratio <= 1.5,
      },
      {
        name: 'diagnosis: one relay on PostgreSQL with fsync off vs SQLite, edit-to-peer p99',
        unit: 'ms', median: noFsync.p99, n: 1, reference: { median: sqliteP99 }, ratio: ratio(noFsync.p99, sqliteP99),
        note: 'not a way to run the relay: shows how much of the gap is the disk flushing each commit',
      },
      {
        name: 'flushed 8 KiB write on PostgreSQL\'s disk (write + fdatasync, idle), p99',
        unit: 'ms', median: fsync.p99, n: fsync.n,
        note: `p50 ${fmt(fsync.p50)} ms, max ${fmt(fsync.max)} ms`,
      },
      {
        name: 'updates lost (every edit at every other client of its map)', unit: 'receptions',
        median: runs.reduce((s, r) => s + r.lost, 0), target: '0', pass: runs.every((r) => r.lost === 0),
      },
    ];
    return [{
      title: 'Several relays on PostgreSQL',
      figures,
      extra: table(runs),
      notes: [
        `Load: the relay bench's cheap generator (bench/lib/raw-load-client.ts, ${GENERATORS} processes): ${LOAD.clients} raw WebSocket clients over ${LOAD.maps} maps, each encoding a rename of its own factor ${EDITS_PER_SECOND} time a second with the send time inside the edit; every other client of the map finds it in the raw frame and records when. With two relays, the clients of every map alternate between them, and "A→B" counts only receptions at a client of the other relay than the author's. ${WARMUP_MS / 1000} s warm-up, ${MEASURE_MS / 1000} s measured.`,
        'PostgreSQL 15 from Debian on the same 2 cores, started by test/helpers/postgres.ts with production durability (fsync on, synchronous_commit on). SQLite runs as the relay ships (WAL, synchronous=NORMAL: no fsync per commit), so the PostgreSQL side is the more durable of the two.',
        'A commit with synchronous_commit on waits for the disk to flush the WAL. The flushed-write figure is the disk alone; the fsync-off run is the same relay and PostgreSQL without that wait. The gap between the durable PostgreSQL run and SQLite is the flush tail of the disk, which SQLite (synchronous=NORMAL, flushing at checkpoints only) does not pay per commit.',
        `Single-relay runs alternate ${ORDER.join(', ')}, each a fresh relay and (for PostgreSQL) a fresh database; the ratio is of the medians of the p99s.`,
        'The generator, the relays and PostgreSQL share the 2 cores: latencies include the generator\'s own event-loop delay (its CPU is in the table). The figures are an upper bound on what the relays add.',
      ],
    }];
  } finally {
    await pg?.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run().then((s) => console.log(JSON.stringify(s, null, 2)), (e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
