/**
 * The image export a user waits for, and what it weighs. Times a generated 300-factor,
 * 600-link map (laid out by the relay from a CSV) exported from the Export dialog to PNG at
 * pixel ratio 2 with title and legend, in Chromium, from the click to the download: one
 * warm-up run (it loads html-to-image and the fonts), then timed runs. Then measures the files
 * a report needs, for the Mali fixture (30 factors) and the 300-factor map: PNG ×1, ×2 and ×4,
 * SVG, an A4 sheet and the A1 poster, with title and legend; one export each (a size does not
 * vary between runs). Needs a built app: TRAME_DIST_DIR if set, else one is built into
 * .tmp/dist-bench-export. Run alone with `npx tsx bench/export.bench.ts`, or call run() from
 * the bench runner (`npm run bench -- export`). Prints one JSON line per figure, then a table.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { launchChromium, userContext } from '../test/e2e/browser';
import { generateLinksCsv } from './io.bench';
import type { Figure, Section } from './lib/report';
import { root, startServer } from './lib/servers';
import { summarize } from './lib/stats';

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

const QUICK = process.env.BENCH_QUICK === '1';
const FACTORS = QUICK ? 60 : 300;
const LINKS = QUICK ? 120 : 600;
const RUNS = QUICK ? 2 : 5;
const PIXEL_RATIO = 2;
/** A progress bar keeps a user waiting this long; past it they click again. */
const TARGET_MS = 10_000;
const round = (x: number) => Math.round(x * 10) / 10;

async function distDir(): Promise<string> {
  if (process.env.TRAME_DIST_DIR) return process.env.TRAME_DIST_DIR;
  const outDir = join(root, '.tmp/dist-bench-export');
  const { build } = await import('vite');
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return outDir;
}

/** One export as a report needs it: the map's own size at a pixel ratio, or a sheet. */
interface SizeCase {
  readonly label: string;
  readonly format: 'png' | 'svg';
  readonly pageSize: 'map' | 'a4-landscape' | 'poster-landscape';
  readonly ratio?: 1 | 2 | 4;
  /** What a report can carry: e-mail caps attachments at 20–25 MB, a sheet in a report far lower. */
  readonly targetMB: number;
}

const SIZE_CASES: readonly SizeCase[] = [
  { label: 'PNG ×1', format: 'png', pageSize: 'map', ratio: 1, targetMB: 10 },
  { label: 'PNG ×2', format: 'png', pageSize: 'map', ratio: 2, targetMB: 10 },
  { label: 'PNG ×4', format: 'png', pageSize: 'map', ratio: 4, targetMB: 25 },
  { label: 'SVG', format: 'svg', pageSize: 'map', targetMB: 10 },
  { label: 'A4 landscape PNG, 200 DPI', format: 'png', pageSize: 'a4-landscape', targetMB: 10 },
  { label: 'A1 poster PNG, 150 DPI', format: 'png', pageSize: 'poster-landscape', targetMB: 25 },
];

const MB = 1024 * 1024;

/** Clicks "download" with the dialog's current choices; the file, and how long it took. */
async function download(page: Page): Promise<{ file: Buffer; ms: number }> {
  const waiting = page.waitForEvent('download', { timeout: 300_000 });
  const t0 = performance.now();
  await page.getByTestId('export-image').click();
  const d = await waiting;
  const ms = performance.now() - t0;
  const file = readFileSync(await d.path());
  // The dialog is usable again when the status says the file is ready.
  await page.getByTestId('export-image').and(page.locator(':enabled')).waitFor();
  return { file, ms };
}

/** PNG: pixels from IHDR. SVG: the root's stated width and height (px, or mm on a sheet). */
function imageSize(file: Buffer, format: 'png' | 'svg'): string {
  if (format === 'png') return `${file.readUInt32BE(16)}×${file.readUInt32BE(20)} px`;
  const head = file.subarray(0, 400).toString('utf8');
  const w = /width="([^"]+)"/.exec(head)?.[1] ?? '?';
  const h = /height="([^"]+)"/.exec(head)?.[1] ?? '?';
  return `${w}×${h}`;
}

async function openExport(page: Page): Promise<void> {
  await page.getByTestId('open-export').click();
  await page.getByTestId('export-with-title').check();
  await page.getByTestId('export-with-legend').check();
}

async function choose(page: Page, c: SizeCase): Promise<void> {
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByLabel(c.format === 'png' ? /^PNG/ : /^SVG/).check();
  await page.getByTestId('export-page-size').selectOption(c.pageSize);
  if (c.ratio) await page.getByTestId('export-ratio').selectOption(String(c.ratio));
}

/** Every size case on the map open in `page`, as figures of one export each. */
async function sizes(page: Page, mapLabel: string): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const c of SIZE_CASES) {
    await choose(page, c);
    const { file, ms } = await download(page);
    const mb = Math.round((file.length / MB) * 100) / 100;
    const pixels = imageSize(file, c.format);
    figures.push({
      name: `${mapLabel}: ${c.label}`, unit: 'MB', median: mb, n: 1, target: `≤ ${c.targetMB} MB`, pass: mb <= c.targetMB,
      note: `${pixels}, ${file.length} bytes, ${Math.round(ms)} ms click → download`,
    });
    process.stderr.write(`  ${mapLabel} ${c.label}: ${mb} MB, ${pixels}\n`);
  }
  return figures;
}

async function openMapPage(browser: Awaited<ReturnType<typeof launchChromium>>, url: string, factors: number): Promise<Page> {
  const context = await userContext(browser, { viewport: { width: 1366, height: 768 } });
  context.setDefaultTimeout(120_000);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="factor"]').length === n, factors, { timeout: 120_000 });
  return page;
}

async function postCsv(serverUrl: string, csv: string): Promise<{ editUrl: string; factors: number }> {
  const r = await fetch(`${serverUrl}/api/maps`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv });
  if (r.status !== 201) throw new Error(`POST /api/maps answered ${r.status}: ${await r.text()}`);
  const map = (await r.json()) as { id: string; editUrl: string; viewToken: string };
  // A few generated factors get no link, so a generated CSV names slightly fewer than asked.
  const json = await (await fetch(`${serverUrl}/api/maps/${map.id}/export.json?token=${map.viewToken}`)).json() as { factors: unknown[] };
  return { editUrl: map.editUrl, factors: json.factors.length };
}

export async function run(): Promise<(BenchResult | Section)[]> {
  const dist = await distDir();
  const server = await startServer('trame', { env: { DIST_DIR: dist } });
  const browser = await launchChromium();
  try {
    const big = await postCsv(server.url, generateLinksCsv(FACTORS, LINKS, 42));
    const factorCount = big.factors;
    const page = await openMapPage(browser, `${server.url}${big.editUrl}`, factorCount);
    await openExport(page);
    await page.getByTestId('export-dialog').getByLabel(/^PNG/).check();
    await page.getByTestId('export-ratio').selectOption(String(PIXEL_RATIO));

    const times: number[] = [];
    let bytes = 0;
    let size = '';
    for (let i = 0; i <= RUNS; i++) {
      const { file, ms } = await download(page);
      bytes = file.length;
      size = `${file.readUInt32BE(16)}×${file.readUInt32BE(20)}`;
      if (i > 0) times.push(ms);
    }
    const bigSizes = await sizes(page, `${factorCount}-factor / ${LINKS}-link map`);
    await page.context().close();

    const mali = await postCsv(server.url, readFileSync(join(root, 'test/fixtures/mali-centre-links.csv'), 'utf8'));
    const maliPage = await openMapPage(browser, `${server.url}${mali.editUrl}`, mali.factors);
    await openExport(maliPage);
    const maliSizes = await sizes(maliPage, `Mali fixture (${mali.factors} factors)`);
    await maliPage.context().close();

    const s = summarize(times);
    const timing: BenchResult = {
      name: `PNG ×${PIXEL_RATIO} of a ${factorCount}-factor / ${LINKS}-link map (Chromium, click → download)`,
      unit: 'ms',
      median: round(s.median),
      p25: round(s.p25),
      p75: round(s.p75),
      min: round(s.min),
      max: round(s.max),
      runs: times.length,
      target: TARGET_MS,
      pass: s.median <= TARGET_MS,
      detail: {
        factors: factorCount, links: LINKS, pixels: size, pngMB: round(bytes / MB),
        load: loadavg().map((l) => l.toFixed(2)).join(' / '),
      },
    };
    const weights: Section = {
      title: 'export sizes',
      figures: [...maliSizes, ...bigSizes],
      notes: [
        'One export of each, with title and legend, white background, from the Export dialog in Chromium (1366×768 window); MB = 2^20 bytes.',
        'PNG ×N is the map at its own size (one map unit per CSS pixel) times N, lowered when a side would pass 16,384 px or the picture 100 megapixels (image.ts fittingRatio); a sheet is its size at its DPI whatever the map, the map scaled to fit inside 10 mm margins.',
        'Targets: e-mail caps attachments at 20–25 MB; a figure in a report, a screen image or a sheet should stay under 10 MB.',
      ],
    };
    return [timing, weights];
  } finally {
    await browser.close();
    await server.stop();
  }
}

function markdown(results: readonly (BenchResult | Section)[]): string {
  const rows: string[] = [];
  for (const r of results) {
    if ('figures' in r) for (const f of r.figures) rows.push(`| ${f.name} | ${f.median} ${f.unit} | | ${f.target ?? ''} | ${f.pass ? 'yes' : 'NO'} | ${f.note ?? ''} |`);
    else rows.push(`| ${r.name} | ${r.median} ms | ${r.p25}–${r.p75} ms | ≤ ${r.target} ms | ${r.pass ? 'yes' : 'NO'} | ${r.detail.pixels} px, ${r.detail.pngMB} MB |`);
  }
  return ['| bench | median | p25–p75 | target | met | note |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void run().then((results) => {
    for (const r of results) console.log(JSON.stringify(r));
    console.log(`\n${markdown(results)}`);
    process.exit(0);
  });
}
