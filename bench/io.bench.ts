/**
 * Times import and export: a generated 1,000-link CSV read, written into a new map and laid
 * out (what a user waits for after dropping a big file), JSON and GraphML export of a
 * 300-factor map, and the layout of the Mali fixture (bench/layout.bench.ts compares it with Graphviz). Run alone with `npx tsx bench/io.bench.ts`,
 * or call run() from the bench runner. Prints one JSON line per figure, then a markdown table.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { createMapDoc, type Polarity } from '../src/model';
import {
  exportGraphml, exportJsonText, importIntoDoc, parseImportFile, parseImportFiles, type ParsedMap,
} from '../src/model/io';
import { layoutMap } from '../src/model/layout';
import { seeded, summarize } from './lib/stats';

export interface BenchResult {
  name: string;
  unit: 'ms';
  median: number;
  p25: number;
  p75: number;
  min: number;
  max: number;
  runs: number;
  /** The figure the median should stay under. */
  target: number;
  pass: boolean;
  detail: Record<string, number | boolean | string>;
}

const round = (x: number) => Math.round(x * 10) / 10;

/**
 * A links CSV shaped like a big workshop map: most links go to a factor a few places away
 * (clusters), one in eight anywhere; labels with accents, notes with commas and quotes.
 */
export function generateLinksCsv(factorCount: number, linkCount: number, seed: number): string {
  const random = seeded(seed);
  const label = (i: number) => `Facteur ${i} — accès à l'eau, « pâturages »`;
  const rows = ['cause,effect,polarity,strength,delay,note'];
  const seen = new Set<number>();
  while (rows.length <= linkCount) {
    const s = Math.floor(random() * factorCount);
    const t = random() < 0.875
      ? (s + factorCount + Math.round((random() - 0.5) * 12)) % factorCount
      : Math.floor(random() * factorCount);
    if (s === t || seen.has(s * factorCount + t)) continue;
    seen.add(s * factorCount + t);
    const r = random();
    const polarity: Polarity = r < 0.7 ? '+' : r < 0.95 ? '-' : '?';
    const note = random() < 0.2 ? '"selon les anciens, ""depuis 2012"", surtout"' : '';
    rows.push(`"${label(s)}","${label(t)}",${polarity},${1 + Math.floor(random() * 3)},${random() < 0.1},${note}`);
  }
  return `${rows.join('\n')}\n`;
}

/**
 * Wall time is what the user waits; CPU time of this process is what the code costs, and
 * stays meaningful when other jobs share the two cores. Both are recorded.
 */
const cpu: number[] = [];

function time<T>(fn: () => T): [T, number] {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
  return [out, wall];
}

function result(name: string, times: number[], target: number, detail: BenchResult['detail'], cpuTimes: number[]): BenchResult {
  const s = summarize(times);
  return {
    name, unit: 'ms', median: round(s.median), p25: round(s.p25), p75: round(s.p75),
    min: round(s.min), max: round(s.max), runs: s.n, target, pass: s.median <= target,
    detail: { ...detail, cpuMedian: round(summarize(cpuTimes).median), loadAverage: round(loadavg()[0] ?? 0) },
  };
}

function benchCsvImport(runs: number): BenchResult {
  const bytes = new TextEncoder().encode(generateLinksCsv(400, 1_000, 42));
  const total: number[] = [];
  const totalCpu: number[] = [];
  const parse: number[] = [];
  const apply: number[] = [];
  let factors = 0;
  for (let i = 0; i < runs + 1; i++) {
    const [r, t] = time(() => {
      const [parsed, tParse] = time(() => parseImportFile('links.csv', bytes));
      if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
      const doc = createMapDoc();
      const [done, tApply] = time(() => importIntoDoc(doc, parsed.map, { mode: 'new', layout: layoutMap }));
      parse.push(tParse);
      apply.push(tApply);
      return done;
    });
    if (!r.ok) throw new Error('import refused');
    factors = r.factorIds.length;
    if (i === 0) {
      parse.length = 0;
      apply.length = 0;
      continue;
    }
    total.push(t);
    totalCpu.push(cpu[cpu.length - 1]!);
  }
  const layoutOnly = benchLayoutOnly(bytes);
  return result('import 1,000-link CSV (parse + apply + layout)', total, 1_000, {
    factors, links: 1_000, bytes: bytes.length,
    parseMedian: round(summarize(parse).median),
    applyWithLayoutMedian: round(summarize(apply).median),
    layoutOnlyMedian: round(layoutOnly),
  }, totalCpu);
}

function benchLayoutOnly(bytes: Uint8Array): number {
  const parsed = parseImportFile('links.csv', bytes) as { ok: true; map: ParsedMap };
  const factors = parsed.map.factors.map((f) => ({ id: f.key, label: f.label }));
  const times: number[] = [];
  for (let i = 0; i < 6; i++) times.push(time(() => layoutMap(factors, parsed.map.links))[1]);
  return summarize(times.slice(1)).median;
}

/** A 300-factor map with positions, themes, notes and 600 links, as a new map. */
function bigDoc(): Y.Doc {
  const bytes = new TextEncoder().encode(generateLinksCsv(300, 600, 7));
  const parsed = parseImportFile('links.csv', bytes);
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  const doc = createMapDoc({ title: 'Bench' });
  importIntoDoc(doc, parsed.map, { mode: 'new', layout: layoutMap });
  return doc;
}

function benchExport(name: string, runs: number, target: number, fn: (doc: Y.Doc) => string): BenchResult {
  const doc = bigDoc();
  const times: number[] = [];
  let size = 0;
  fn(doc);
  cpu.length = 0;
  for (let i = 0; i < runs; i++) {
    const [text, t] = time(() => fn(doc));
    size = text.length;
    times.push(t);
  }
  return result(name, times, target, { factors: 300, links: 600, chars: size }, [...cpu]);
}

function benchFixtureLayout(runs: number): BenchResult {
  const fixture = (n: string) => readFileSync(fileURLToPath(new URL(`../test/fixtures/${n}`, import.meta.url)));
  const parsed = parseImportFiles([
    { name: 'f.csv', data: fixture('mali-centre-factors.csv') },
    { name: 'l.csv', data: fixture('mali-centre-links.csv') },
  ]);
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  const factors = parsed.map.factors.map((f) => ({ id: f.key, label: f.label }));
  layoutMap(factors, parsed.map.links);
  const times: number[] = [];
  cpu.length = 0;
  for (let i = 0; i < runs; i++) times.push(time(() => layoutMap(factors, parsed.map.links))[1]);
  return result('layout Mali fixture (loops engine, 30 factors / 55 links)', times, 300, { engine: 'loops' }, [...cpu]);
}

export async function run(): Promise<BenchResult[]> {
  return [
    benchCsvImport(7),
    benchExport('JSON export, 300 factors / 600 links', 30, 50, exportJsonText),
    benchExport('GraphML export, 300 factors / 600 links', 30, 50, exportGraphml),
    benchFixtureLayout(9),
  ];
}

function markdown(results: readonly BenchResult[]): string {
  const rows = results.map((r) => `| ${r.name} | ${r.median} | ${r.p25}–${r.p75} | ${r.min}–${r.max} | ${r.detail.cpuMedian} | ${r.runs} | ≤ ${r.target} | ${r.pass ? 'yes' : 'NO'} |`);
  return [
    '| bench | median ms | p25–p75 ms | min–max ms | CPU median ms | runs | target ms | met |',
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
