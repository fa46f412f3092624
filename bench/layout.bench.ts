/**
 * Layout quality and speed (issue 12), ours against Graphviz on the same graphs in the same
 * run: the Mali fixture, the Podor (Senegal River valley) fixture, and generated maps of 100,
 * 300 and 1,000 factors. Every layout, ours or Graphviz's, is measured the same way
 * (src/model/layout/quality.ts): boxes sized from their labels as the canvas draws them, links
 * as straight lines between box centres, the zoom at which React Flow's "Fit view" shows the
 * whole map on a 1920 × 1080 screen and the label size on screen it gives. "Before" is the
 * layered layout Trame used until now (dagre up to 100 factors / 200 links, else the quick
 * layered pass, wrapped into bands). Run alone: `npx tsx bench/layout.bench.ts`.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseImportFiles } from '../src/model/io';
import { estimateFactorSize, layoutMap, measureLayout, type LayoutQuality } from '../src/model/layout';
import { ENGINES, graphviz, graphvizInWorker, type Engine } from './lib/graphviz';
import { generatedMap } from './lib/maps';
import type { Figure, Section } from './lib/report';
import { fmt, summarize } from './lib/stats';

const QUICK = process.env.BENCH_QUICK === '1';
/** The gap our layout keeps; Graphviz gets the same (nodesep for dot, sep for the others). */
const GAP = 24;
const GRAPHVIZ_TIMEOUT_MS = QUICK ? 20_000 : 90_000;

interface BenchMap {
  readonly name: string;
  readonly factors: readonly { id: string; label: string }[];
  readonly links: readonly { source: string; target: string }[];
  /** The quality targets apply (the two real maps). */
  readonly real: boolean;
  readonly runs: number;
}

function fixtureMap(name: string, file: string): BenchMap {
  const data = readFileSync(fileURLToPath(new URL(`../test/fixtures/${file}`, import.meta.url)));
  const parsed = parseImportFiles([{ name: file, data }]);
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return {
    name, real: true, runs: QUICK ? 2 : 5,
    factors: parsed.map.factors.map((f) => ({ id: f.key, label: f.label })), links: parsed.map.links,
  };
}

function maps(): BenchMap[] {
  const sizes = QUICK ? [100] : [100, 300, 1000];
  return [
    fixtureMap('Mali (centre)', 'mali-centre-links.csv'),
    fixtureMap('Podor (Senegal River)', 'senegal-podor-links.csv'),
    ...sizes.map((n) => ({ ...generatedMap(n), real: false, runs: n >= 1000 || QUICK ? 1 : 3 })),
  ];
}

interface Row {
  readonly engine: string;
  readonly quality?: LayoutQuality;
  readonly ms?: number;
  /** CPU time of the same runs (median): what the layout costs, whatever else the machine runs. */
  readonly cpuMs?: number;
  readonly error?: string;
}

function quality(m: BenchMap, pos: ReadonlyMap<string, { x: number; y: number }>): LayoutQuality {
  return measureLayout(m.factors.map((f) => ({ id: f.id, ...pos.get(f.id)!, ...estimateFactorSize(f.label) })), m.links);
}

function ours(m: BenchMap): Row {
  const times: number[] = [];
  const cpu: number[] = [];
  let pos = new Map<string, { x: number; y: number }>();
  for (let r = 0; r < m.runs; r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    pos = layoutMap(m.factors, m.links);
    const c = process.cpuUsage(c0);
    times.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { engine: 'Trame (loops)', quality: quality(m, pos), ms: summarize(times).median, cpuMs: summarize(cpu).median };
}

function before(m: BenchMap): Row {
  const linked = new Set(m.links.flatMap((l) => [l.source, l.target])).size;
  const engine = linked <= 100 && m.links.length <= 200 ? 'dagre' : 'layered';
  const t0 = performance.now();
  const pos = layoutMap(m.factors, m.links, { engine });
  return { engine: `Trame before (${engine})`, quality: quality(m, pos), ms: performance.now() - t0 };
}

async function reference(m: BenchMap, engine: Engine): Promise<Row> {
  const boxes = m.factors.map((f) => ({ id: f.id, ...estimateFactorSize(f.label) }));
  const r = await graphvizInWorker(engine, boxes, m.links, GAP, GRAPHVIZ_TIMEOUT_MS);
  if (!r.ok) return { engine: `Graphviz ${engine}`, error: r.error };
  return { engine: `Graphviz ${engine}`, quality: quality(m, r.positions), ms: r.ms };
}

function table(results: { map: BenchMap; rows: Row[] }[]): string {
  const head = ['map', 'layout', 'crossings', 'links through boxes', 'overlaps', 'fitted zoom', 'label px on 1920×1080', 'time (ms)'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`];
  for (const { map, rows } of results) {
    for (const r of rows) {
      const q = r.quality;
      const cells = q
        ? [String(q.crossings), String(q.linksThroughBoxes), String(q.overlaps), fmt(q.fittedZoom), fmt(q.labelPx), r.ms === undefined ? '' : fmt(r.ms)]
        : [r.error ?? '', '', '', '', '', ''];
      lines.push(`| ${map.name} (${map.factors.length} / ${map.links.length}) | ${r.engine} | ${cells.join(' | ')} |`);
    }
  }
  return lines.join('\n');
}

export async function run(): Promise<Section> {
  await graphviz();
  const results: { map: BenchMap; rows: Row[] }[] = [];
  for (const m of maps()) {
    process.stderr.write(`  layout: ${m.name}\n`);
    const rows: Row[] = [ours(m), before(m)];
    for (const e of ENGINES) rows.push(await reference(m, e));
    results.push({ map: m, rows });
  }

  const figures: Figure[] = [];
  for (const { map, rows } of results) {
    const mine = rows[0]!.quality!;
    const gv = rows.filter((r) => r.engine.startsWith('Graphviz') && r.quality);
    const best = (f: (q: LayoutQuality) => number) => Math.min(...gv.map((r) => f(r.quality!)));
    const bestName = (f: (q: LayoutQuality) => number) => gv.find((r) => f(r.quality!) === best(f))?.engine.replace('Graphviz ', '') ?? '';
    const tag = `${map.name}`;
    if (gv.length > 0) {
      const c = best((q) => q.crossings);
      figures.push({
        name: `${tag}: crossings`, unit: 'pairs', median: mine.crossings, reference: { median: c },
        ratio: c > 0 ? mine.crossings / c : undefined, note: `reference: best Graphviz engine (${bestName((q) => q.crossings)})`,
        ...(map.real ? { target: '≤ best Graphviz', pass: mine.crossings <= c } : {}),
      });
      const t = best((q) => q.linksThroughBoxes);
      figures.push({
        name: `${tag}: links through boxes`, unit: 'links', median: mine.linksThroughBoxes, reference: { median: t },
        note: `reference: best Graphviz engine (${bestName((q) => q.linksThroughBoxes)})`,
        ...(map.real ? { target: '0', pass: mine.linksThroughBoxes === 0 } : {}),
      });
      const px = -best((q) => -q.labelPx);
      figures.push({
        name: `${tag}: label size fitted on 1920×1080`, unit: 'px', median: mine.labelPx, reference: { median: px },
        ratio: mine.labelPx / px, note: `reference: best Graphviz engine (${bestName((q) => -q.labelPx)}); before: ${fmt(rows[1]!.quality!.labelPx)} px`,
        ...(map.real ? { target: '≥ 10', pass: mine.labelPx >= 10 } : {}),
      });
    }
    figures.push({ name: `${tag}: overlapping boxes`, unit: 'pairs', median: mine.overlaps, target: '0', pass: mine.overlaps === 0 });
    const sfdp = rows.find((r) => r.engine === 'Graphviz sfdp');
    const time = rows[0]!.ms!;
    const cpuNote = `CPU time ${fmt(rows[0]!.cpuMs ?? Number.NaN)} ms (the machine's load stretches wall time, not this)`;
    const limit = map.factors.length >= 1000 ? 5000 : map.factors.length >= 300 ? 1000 : undefined;
    figures.push({
      name: `${tag}: time to lay out`, unit: 'ms', median: time,
      note: cpuNote,
      ...(sfdp?.ms !== undefined ? { reference: { median: sfdp.ms }, ratio: time / sfdp.ms, note: `reference: Graphviz sfdp (WebAssembly); ${cpuNote}` } : {}),
      ...(limit ? { target: `≤ ${limit}`, pass: time <= limit } : {}),
    });
  }
  return {
    title: 'Layout: ours against Graphviz dot, neato, fdp and sfdp',
    figures,
    extra: table(results),
    notes: [
      'Crossings: pairs of links whose straight lines between box centres cross (links sharing a factor never count; A→B and B→A are one line). Links through boxes: a link whose line enters a box it does not end at. Boxes are sized from their labels the way the canvas draws them (DejaVu Sans 15 px, 120–240 px wide, wrapped; src/model/layout/label-size.ts, checked against Chromium).',
      'Fitted zoom: the zoom of React Flow\'s "Fit view" (padding 0.1) for the whole map on 1920×1080, before its zoom limits; label px = 15 px × that zoom.',
      `Graphviz 16 (@viz-js/viz, WebAssembly) gets the same boxes (fixedsize) and the same ${GAP}-px gap; neato, fdp and sfdp with overlap=false (its prism overlap removal), dot top to bottom. Each engine runs in a worker thread, stopped after ${GRAPHVIZ_TIMEOUT_MS / 1000} s. Its times are WebAssembly's, somewhat slower than a native build.`,
      'Time: median of several runs of layoutMap for the fixtures (the first run includes JIT warm-up); one run for 1,000 factors. Wall time, with the CPU time of the same runs in the note: on this shared 2-core machine the load (see the header) stretches the first, hardly the second. In the app the layout runs in a Web Worker (src/features/import/layout.worker.ts, for "Ranger" and imports), on the relay in a worker thread (issue 14).',
      'Generated maps: themes of ten factors, 80 % of links inside a theme, three links per factor, directions at random (bench/lib/maps.ts).',
    ],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { sectionMarkdown } = await import('./lib/report');
  process.stdout.write(`${sectionMarkdown(await run())}\n`);
  process.exit(0);
}
