/**
 * Times analyse() (loops with default bounds, degrees, betweenness, loop counts) on generated
 * maps of workshop-like structure. Run alone with `npx tsx bench/analysis.bench.ts`, or call
 * run() from the bench runner. Prints one JSON line per figure, then a markdown table.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  analyse, DEFAULT_MAX_LOOP_LENGTH, DEFAULT_MAX_LOOPS, type AnalysisInput, type AnalysisLink,
} from '../src/model/analysis';
import type { Polarity } from '../src/model';

export interface BenchResult {
  name: string;
  unit: 'ms';
  median: number;
  min: number;
  max: number;
  runs: number;
  /** The figure the median should stay under. */
  target: number;
  pass: boolean;
  detail: Record<string, number | boolean | string>;
}

/** mulberry32: small, fast, and the same maps on every machine. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Factors on a ring of themes: most links go to a factor a few places away either side, as a
 * workshop links a factor to its neighbours in a cluster; one in eight reaches anywhere. Local
 * links in both directions make plenty of short loops, the long ones make long loops.
 */
export function generateMap(factorCount: number, linkCount: number, seed: number): AnalysisInput {
  const random = seeded(seed);
  const id = (i: number) => `f${String(i).padStart(5, '0')}`;
  const factors = Array.from({ length: factorCount }, (_, i) => ({ id: id(i), label: `Facteur ${i}` }));
  const links: AnalysisLink[] = [];
  const seen = new Set<number>();
  while (links.length < linkCount) {
    const s = Math.floor(random() * factorCount);
    const t = random() < 0.875
      ? (s + factorCount + Math.round((random() - 0.5) * 12)) % factorCount
      : Math.floor(random() * factorCount);
    if (s === t || seen.has(s * factorCount + t)) continue;
    seen.add(s * factorCount + t);
    const r = random();
    const polarity: Polarity = r < 0.7 ? '+' : r < 0.95 ? '-' : '?';
    links.push({ id: `l${links.length}`, source: id(s), target: id(t), polarity });
  }
  return { factors, links };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

const round = (x: number) => Math.round(x * 10) / 10;

function benchOne(factorCount: number, linkCount: number, runs: number, target: number): BenchResult {
  const map = generateMap(factorCount, linkCount, 42);
  const first = analyse(map);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    analyse(map);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const med = median(times);
  return {
    name: `analyse ${factorCount} factors / ${linkCount} links`,
    unit: 'ms',
    median: round(med),
    min: round(Math.min(...times)),
    max: round(Math.max(...times)),
    runs,
    target,
    pass: med <= target,
    detail: {
      // CPU time of this process: on a shared, loaded machine the wall clock mostly measures
      // waiting for a core.
      cpuMedianMs: round(median(cpu)),
      loops: first.loops.length,
      loopsTruncated: first.loopsTruncated,
      longestLoop: first.loops.reduce((m, l) => Math.max(m, l.factors.length), 0),
      maxLength: DEFAULT_MAX_LOOP_LENGTH,
      maxCount: DEFAULT_MAX_LOOPS,
    },
  };
}

export async function run(): Promise<BenchResult[]> {
  return [
    benchOne(300, 900, 15, 100),
    benchOne(1_000, 3_000, 7, 1_000),
  ];
}

function markdown(results: readonly BenchResult[]): string {
  const rows = results.map((r) => `| ${r.name} | ${r.median} | ${r.min}–${r.max} | ${r.detail.cpuMedianMs} | ${r.runs} | ≤ ${r.target} | ${r.pass ? 'yes' : 'NO'} | ${r.detail.loops}${r.detail.loopsTruncated ? ' (truncated)' : ''} |`);
  return [
    '| bench | median ms | min–max ms | CPU median ms | runs | target ms | met | loops |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void run().then((results) => {
    for (const r of results) console.log(JSON.stringify(r));
    console.log(`\n${markdown(results)}`);
  });
}
