/**
 * `npm run bench`: runs every bench in bench/ (each `*.bench.ts`, and relay-load.ts) one after
 * the other and writes docs/benchmarks.md.
 *
 *   npm run bench                 everything (sized for 2 cores, about ten minutes)
 *   npm run bench -- relay        only benches whose name contains "relay" (others' sections
 *                                 in the document are kept as they were)
 *   BENCH_QUICK=1 npm run bench   smoke run: small sizes, short windows; written to
 *                                 .tmp/benchmarks-quick.md unless BENCH_OUT is set
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { installModel } from '../src/model';
import { machine, machineLine, sectionMarkdown, toSections, type Section } from './lib/report';
import { root } from './lib/servers';

const QUICK = process.env.BENCH_QUICK === '1';
const OUT = process.env.BENCH_OUT ?? join(root, QUICK ? '.tmp/benchmarks-quick.md' : 'docs/benchmarks.md');

function benchFiles(): { name: string; file: string }[] {
  return readdirSync(join(root, 'bench'))
    .filter((f) => f.endsWith('.bench.ts') || f === 'relay-load.ts')
    .sort()
    .map((f) => ({ name: f.replace(/\.bench\.ts$|\.ts$/, ''), file: join(root, 'bench', f) }));
}

const START = (name: string) => `<!-- bench:${name} -->`;
const END = (name: string) => `<!-- /bench:${name} -->`;

/** The sections of a previous document, by bench name, so a partial run keeps the others. */
function previousSections(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /<!-- bench:([\w-]+) -->\n([\s\S]*?)<!-- \/bench:\1 -->/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.set(m[1]!, m[2]!);
  return out;
}

const load = () => loadavg().map((l) => l.toFixed(2)).join(' / ');

async function runOne(name: string, file: string): Promise<{ body: string; failed: boolean }> {
  const started = new Date();
  const loadBefore = load();
  const t0 = performance.now();
  let sections: Section[];
  let failed = false;
  try {
    const mod = (await import(pathToFileURL(file).href)) as { run?: () => unknown };
    if (typeof mod.run !== 'function') throw new Error(`${file} exports no run()`);
    sections = toSections(name, await mod.run());
  } catch (e) {
    failed = true;
    const message = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
    process.stderr.write(`bench ${name} failed: ${message}\n`);
    sections = [{ title: name, figures: [], notes: [`**Failed**: ${message.split('\n')[0]}`] }];
  }
  const seconds = (performance.now() - t0) / 1000;
  const header = [
    `## ${name}`,
    '',
    `Measured ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC with \`${command()}\` in ${Math.round(seconds)} s on ${machineLine(machine())}; load average before ${loadBefore}, after ${load()}.`,
    '',
  ];
  return { body: [...header, ...sections.map(sectionMarkdown)].join('\n'), failed };
}

function command(): string {
  const args = process.argv.slice(2);
  return `${QUICK ? 'BENCH_QUICK=1 ' : ''}npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`;
}

function intro(): string {
  const m = machine();
  return [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/run.ts); do not edit by hand. Each section says when and how it was measured.',
    '',
    '## How to read this',
    '',
    '- Every figure is a **median with its spread**: p25–p75 (the middle half of the samples) or min–max (over runs), as the column says; *n* is the number of samples or runs behind it.',
    '- This machine is shared and has 2 cores: absolute times drift from one run to the next. A comparison (ours against the reference server, cold against warm) runs both sides **in the same run, alternating**, and reports the **ratio**, which drifts much less than either side.',
    '- A target is met when the median (or the stated percentile) is within it. Targets not met are in **bold**.',
    '- `npm run bench -- <name>` reruns one bench and replaces only its section; `BENCH_QUICK=1` is a smoke run written to .tmp/.',
    '',
    '## Machine (last run)',
    '',
    `- CPU: ${m.cpu}, ${m.cores} cores`,
    `- Memory: ${m.memoryGiB} GiB`,
    `- Node: ${m.node}; ${m.kernel}`,
    `- Load when the run started: ${m.load}`,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  // Wired once per run, as the relay and the tests do at their start: a bench run alone (io,
  // export) must not depend on an earlier bench having installed it.
  installModel();
  const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const all = benchFiles();
  const chosen = filters.length === 0 ? all : all.filter((b) => filters.some((f) => b.name.includes(f)));
  if (chosen.length === 0) {
    process.stderr.write(`No bench matches ${filters.join(', ')}; there are: ${all.map((b) => b.name).join(', ')}\n`);
    process.exit(2);
  }
  const previous = existsSync(OUT) ? previousSections(readFileSync(OUT, 'utf8')) : new Map<string, string>();
  const bodies = new Map(previous);
  let failures = 0;
  const head = intro();
  for (const b of chosen) {
    process.stderr.write(`bench ${b.name}…\n`);
    const { body, failed } = await runOne(b.name, b.file);
    if (failed) failures++;
    bodies.set(b.name, `${body}\n`);
    // Written after each bench, so an interrupted run keeps what it measured.
    const order = [...all.map((x) => x.name), ...[...bodies.keys()].filter((k) => !all.some((x) => x.name === k))];
    const parts = order.filter((n) => bodies.has(n)).map((n) => `${START(n)}\n${bodies.get(n)!}${END(n)}`);
    mkdirSync(dirname(OUT), { recursive: true });
    writeFileSync(OUT, `${head}\n${parts.join('\n\n')}\n`);
  }
  process.stderr.write(`wrote ${OUT}${failures ? ` (${failures} bench(es) failed)` : ''}\n`);
  // Benches leave no servers behind, but a stray socket must not keep the runner alive.
  process.exit(failures ? 1 : 0);
}

void main();
