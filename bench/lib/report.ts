import { cpus, freemem, loadavg, release, totalmem } from 'node:os';
import { fmt } from './stats';

/**
 * What a bench hands back to bench/run.ts, which turns it into docs/benchmarks.md.
 *
 * A figure is a median with its spread. A comparison carries the other side measured in the
 * same run (`reference`) and the ratio of the medians: absolute times drift on a shared
 * machine, the ratio of two sides measured together much less.
 */
export interface Spread {
  readonly low: number;
  readonly high: number;
  /** What low–high is: the interquartile range or the extremes. */
  readonly kind: 'p25–p75' | 'min–max';
}

export interface Figure {
  readonly name: string;
  readonly unit: string;
  readonly median: number;
  readonly spread?: Spread;
  /** Samples or runs behind the median. */
  readonly n?: number;
  readonly reference?: { readonly median: number; readonly spread?: Spread };
  /** ours / reference; below 1 means ours is smaller (faster, lighter). */
  readonly ratio?: number;
  /** e.g. "≤ 50 ms" */
  readonly target?: string;
  readonly pass?: boolean;
  readonly note?: string;
}

export interface Section {
  readonly title: string;
  readonly figures: readonly Figure[];
  /** Method and caveats, one paragraph or bullet each. */
  readonly notes?: readonly string[];
  /** Extra markdown (a per-run table). */
  readonly extra?: string;
}

export function ratio(ours: number, reference: number): number | undefined {
  return reference > 0 && Number.isFinite(ours) ? ours / reference : undefined;
}

type Loose = Record<string, unknown>;
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Turns one result of another bench (e.g. analysis.bench.ts's BenchResult) into a figure. */
function looseFigure(r: Loose): Figure {
  const median = num(r.median) ?? Number.NaN;
  const p25 = num(r.p25);
  const p75 = num(r.p75);
  const min = num(r.min);
  const max = num(r.max);
  const spread: Spread | undefined = p25 !== undefined && p75 !== undefined
    ? { low: p25, high: p75, kind: 'p25–p75' }
    : min !== undefined && max !== undefined ? { low: min, high: max, kind: 'min–max' } : undefined;
  const target = typeof r.target === 'number' ? `≤ ${r.target}` : typeof r.target === 'string' ? r.target : undefined;
  const detail = r.detail && typeof r.detail === 'object'
    ? Object.entries(r.detail as Loose).map(([k, v]) => `${k}=${String(v)}`).join(', ')
    : undefined;
  return {
    name: String(r.name ?? 'unnamed'),
    unit: String(r.unit ?? ''),
    median,
    spread,
    n: num(r.runs) ?? num(r.n),
    target,
    pass: typeof r.pass === 'boolean' ? r.pass : undefined,
    note: typeof r.note === 'string' ? r.note : detail,
  };
}

const isSection = (x: unknown): x is Section =>
  typeof x === 'object' && x !== null && Array.isArray((x as Loose).figures) && typeof (x as Loose).title === 'string';

/** Accepts what a bench's run() returned: a Section, Sections, or a list of plain results. */
export function toSections(name: string, out: unknown): Section[] {
  if (isSection(out)) return [out];
  if (Array.isArray(out)) {
    const sections = out.filter(isSection);
    const loose = out.filter((x): x is Loose => !isSection(x) && typeof x === 'object' && x !== null);
    if (loose.length > 0) sections.push({ title: name, figures: loose.map(looseFigure) });
    return sections;
  }
  return [{ title: name, figures: [], notes: ['run() returned nothing the runner understands.'] }];
}

function cell(median: number, spread?: Spread): [string, string] {
  return [fmt(median), spread ? `${fmt(spread.low)}–${fmt(spread.high)} (${spread.kind})` : ''];
}

export function sectionMarkdown(s: Section): string {
  const lines = [`### ${s.title}`, ''];
  if (s.figures.length > 0) {
    const withRef = s.figures.some((f) => f.reference);
    const head = withRef
      ? ['figure', 'unit', 'ours: median', 'spread', 'reference: median', 'spread', 'ours / ref', 'target', 'met', 'n', 'note']
      : ['figure', 'unit', 'median', 'spread', 'target', 'met', 'n', 'note'];
    lines.push(`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`);
    for (const f of s.figures) {
      const [m, sp] = cell(f.median, f.spread);
      const ref = f.reference ? cell(f.reference.median, f.reference.spread) : ['', ''];
      const met = f.pass === undefined ? '' : f.pass ? 'yes' : '**no**';
      const cols = withRef
        ? [f.name, f.unit, m, sp, ...ref, f.ratio === undefined ? '' : fmt(f.ratio), f.target ?? '', met]
        : [f.name, f.unit, m, sp, f.target ?? '', met];
      cols.push(f.n === undefined ? '' : String(f.n), (f.note ?? '').replace(/\|/g, '\\|'));
      lines.push(`| ${cols.join(' | ')} |`);
    }
    lines.push('');
  }
  if (s.extra) lines.push(s.extra, '');
  for (const n of s.notes ?? []) lines.push(`- ${n}`);
  if (s.notes?.length) lines.push('');
  return lines.join('\n');
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  kernel: string;
  load: string;
}

export function machine(): Machine {
  const c = cpus();
  return {
    cpu: c[0]?.model.trim() ?? 'unknown',
    cores: c.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    kernel: `${process.platform} ${release()}`,
    load: `${loadavg().map((l) => l.toFixed(2)).join(' ')} (1/5/15 min), ${Math.round(freemem() / 2 ** 20)} MiB free`,
  };
}

export function machineLine(m: Machine): string {
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, ${m.kernel}`;
}
