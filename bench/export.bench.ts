/**
 * Times the image export a user waits for: a generated 300-factor, 600-link map (laid out
 * by the relay from a CSV) exported from the Export dialog to PNG at pixel ratio 2 with
 * title and legend, in Chromium, from the click to the download. One warm-up run (it loads
 * html-to-image and the fonts), then timed runs. Needs a built app: TRAME_DIST_DIR if set,
 * else one is built into .tmp/dist-bench-export. Run alone with `npx tsx bench/export.bench.ts`,
 * or call run() from the bench runner. Prints one JSON line per figure, then a markdown table.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { launchChromium, userContext } from '../test/e2e/browser';
import { generateLinksCsv } from './io.bench';
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

export async function run(): Promise<BenchResult[]> {
  const dist = await distDir();
  const server = await startServer('trame', { env: { DIST_DIR: dist } });
  const browser = await launchChromium();
  try {
    const csv = generateLinksCsv(FACTORS, LINKS, 42);
    const r = await fetch(`${server.url}/api/maps`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv });
    if (r.status !== 201) throw new Error(`POST /api/maps answered ${r.status}: ${await r.text()}`);
    const map = (await r.json()) as { id: string; editUrl: string; viewToken: string };
    // A few generated factors get no link, so the CSV names slightly fewer than FACTORS.
    const json = await (await fetch(`${server.url}/api/maps/${map.id}/export.json?token=${map.viewToken}`)).json() as { factors: unknown[] };
    const factorCount = json.factors.length;

    const context = await userContext(browser, { viewport: { width: 1366, height: 768 } });
    context.setDefaultTimeout(120_000);
    const page = await context.newPage();
    await page.goto(`${server.url}${map.editUrl}`);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="factor"]').length === n, factorCount, { timeout: 120_000 });

    await page.getByTestId('open-export').click();
    await page.getByTestId('export-dialog').getByLabel(/^PNG/).check();
    await page.getByTestId('export-ratio').selectOption(String(PIXEL_RATIO));
    await page.getByTestId('export-with-title').check();
    await page.getByTestId('export-with-legend').check();

    const times: number[] = [];
    let bytes = 0;
    let size = '';
    for (let i = 0; i <= RUNS; i++) {
      const waiting = page.waitForEvent('download', { timeout: 300_000 });
      const t0 = performance.now();
      await page.getByTestId('export-image').click();
      const download = await waiting;
      const elapsed = performance.now() - t0;
      const file = readFileSync(await download.path());
      bytes = file.length;
      size = `${file.readUInt32BE(16)}×${file.readUInt32BE(20)}`;
      // The dialog is usable again when the status says the file is ready.
      await page.getByTestId('export-image').and(page.locator(':enabled')).waitFor();
      if (i > 0) times.push(elapsed);
    }
    await context.close();

    const s = summarize(times);
    return [{
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
        factors: factorCount, links: LINKS, pixels: size, pngMB: round(bytes / 1024 / 1024),
        load: loadavg().map((l) => l.toFixed(2)).join(' / '),
      },
    }];
  } finally {
    await browser.close();
    await server.stop();
  }
}

function markdown(results: readonly BenchResult[]): string {
  const rows = results.map((r) => `| ${r.name} | ${r.median} | ${r.p25}–${r.p75} | ${r.min}–${r.max} | ${r.runs} | ≤ ${r.target} | ${r.pass ? 'yes' : 'NO'} | ${r.detail.pixels} px, ${r.detail.pngMB} MB |`);
  return [
    '| bench | median ms | p25–p75 ms | min–max ms | runs | target ms | met | image |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void run().then((results) => {
    for (const r of results) console.log(JSON.stringify(r));
    console.log(`\n${markdown(results)}`);
    process.exit(0);
  });
}
