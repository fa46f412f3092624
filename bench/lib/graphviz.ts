/**
 * Graphviz, the reference the layout bench compares against (issue 12): dot, neato, fdp and
 * sfdp lay out the same graph with the same box sizes, and the bench measures their drawings
 * exactly as it measures ours.
 *
 * It is @viz-js/viz, Graphviz compiled to WebAssembly, a devDependency: a fresh clone benches
 * after `npm install` with no system package, and every machine runs the same Graphviz (16.x;
 * Debian's graphviz package is 2.43, five years older, without the newer sfdp and prism
 * overlap removal). WebAssembly runs somewhat slower than a native build, so time ratios
 * flatter us a little; quality figures are unaffected.
 */
import { Worker } from 'node:worker_threads';
import { instance, type Viz } from '@viz-js/viz';

export const ENGINES = ['dot', 'neato', 'fdp', 'sfdp'] as const;
export type Engine = (typeof ENGINES)[number];

export interface GvFactor {
  readonly id: string;
  readonly width: number;
  readonly height: number;
}

let viz: Promise<Viz> | null = null;

export function graphviz(): Promise<Viz> {
  viz ??= instance();
  return viz;
}

/** Points are pixels here: Graphviz's 72 points to the inch, our boxes in CSS pixels. */
const PT = 72;

export function dotSource(engine: Engine, factors: readonly GvFactor[], links: readonly { source: string; target: string }[], gapPx: number): string {
  const index = new Map(factors.map((f, i) => [f.id, i]));
  const lines = ['digraph G {'];
  if (engine === 'dot') lines.push(`  graph [nodesep=${(gapPx / PT).toFixed(3)}];`);
  // overlap=false: Graphviz's own overlap removal (prism), sep: the same gap we keep.
  else lines.push(`  graph [overlap=false, sep="+${gapPx / 2}", start=1];`);
  lines.push('  node [shape=box, fixedsize=true, label=""];');
  factors.forEach((f, i) => lines.push(`  n${i} [width=${(f.width / PT).toFixed(4)}, height=${(f.height / PT).toFixed(4)}];`));
  const seen = new Set<string>();
  for (const l of links) {
    const a = index.get(l.source);
    const b = index.get(l.target);
    if (a === undefined || b === undefined || a === b || seen.has(`${a}>${b}`)) continue;
    seen.add(`${a}>${b}`);
    lines.push(`  n${a} -> n${b};`);
  }
  lines.push('}');
  return lines.join('\n');
}

/** Top-left corners, in pixels, y pointing down like the canvas. */
export function parsePlain(plain: string, factors: readonly GvFactor[]): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  let height = 0;
  for (const line of plain.split('\n')) {
    const t = line.trim().split(/\s+/);
    if (t[0] === 'graph') height = Number(t[3]) * PT;
    if (t[0] !== 'node') continue;
    const f = factors[Number(t[1]!.slice(1))]!;
    const cx = Number(t[2]) * PT;
    const cy = height - Number(t[3]) * PT;
    out.set(f.id, { x: cx - f.width / 2, y: cy - f.height / 2 });
  }
  return out;
}

export async function graphvizLayout(
  engine: Engine, factors: readonly GvFactor[], links: readonly { source: string; target: string }[], gapPx: number,
): Promise<Map<string, { x: number; y: number }>> {
  const v = await graphviz();
  const result = v.render(dotSource(engine, factors, links, gapPx), { engine, format: 'plain' });
  if (result.status !== 'success') throw new Error(`graphviz ${engine}: ${result.errors.map((e) => e.message).join('; ')}`);
  return parsePlain(result.output, factors);
}

export type TimedLayout =
  | { ok: true; positions: Map<string, { x: number; y: number }>; ms: number }
  | { ok: false; error: string };

/**
 * The same, in a worker thread stopped after `timeoutMs`. The time is Graphviz's render call
 * alone (the WebAssembly module is set up before the clock starts), as ours is layoutMap alone.
 */
export function graphvizInWorker(
  engine: Engine, factors: readonly GvFactor[], links: readonly { source: string; target: string }[], gapPx: number, timeoutMs: number,
): Promise<TimedLayout> {
  const source = dotSource(engine, factors, links, gapPx);
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./graphviz-worker.mjs', import.meta.url), { workerData: { engine, source } });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ ok: false, error: `did not finish in ${Math.round(timeoutMs / 1000)} s` });
    }, timeoutMs);
    worker.once('message', (m: { ok: true; plain: string; ms: number } | { ok: false; error: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(m.ok ? { ok: true, positions: parsePlain(m.plain, factors), ms: m.ms } : { ok: false, error: m.error });
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      resolve({ ok: false, error: e.message });
    });
  });
}
