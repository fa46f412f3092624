import type { Page } from 'playwright-core';
import type { RenderCounts } from './react-renders';

/**
 * What bench/browser.bench.ts does in the page: find where to press, move the mouse with the
 * button down while recording frame times, zoom, and note when a map is fully drawn.
 */
export interface Phases {
  /** ms since navigation start */
  firstFactor: number;
  allFactors: number;
  /** Every factor measured and shown (React Flow keeps a box hidden until it has its size). */
  factorsVisible: number;
  /** Links drawn in the frame every factor was first shown. */
  linksWithFactors: number;
  allLinks: number;
}

/** A point of the pane no factor or link covers, to start a pan from. */
export async function emptyPanePoint(page: Page): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane');
    const box = pane?.getBoundingClientRect();
    if (!box) return null;
    for (let gy = 0.3; gy < 0.9; gy += 0.05) {
      for (let gx = 0.3; gx < 0.9; gx += 0.03) {
        const x = box.left + box.width * gx;
        const y = box.top + box.height * gy;
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return null;
  });
  if (!p) throw new Error('no empty point on the pane to pan from');
  return p;
}

/** The centre of the label of a factor near the middle of the view, to drag it by. */
export async function factorPoint(page: Page): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(() => {
    const w = innerWidth;
    const h = innerHeight;
    let best: { x: number; y: number; d: number } | null = null;
    // The body, not the label: the overview of a large map hides labels, and its body still drags.
    for (const el of document.querySelectorAll('.factor-body')) {
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      const d = Math.hypot(x - w / 2, y - h / 2);
      const hit = document.elementFromPoint(x, y);
      if (r.width > 0 && (!best || d < best.d) && hit && el.contains(hit)) best = { x, y, d };
    }
    return best;
  });
  if (!p) throw new Error('no visible factor to drag');
  return p;
}

/** Moves the mouse with the button down along a path; frames are recorded in the page. */
export async function gesture(page: Page, from: { x: number; y: number }, steps: number, count: boolean): Promise<{ frames: number[]; renders: RenderCounts }> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const path = (i: number) => ({ x: from.x + Math.sin(i / 12) * 160, y: from.y + Math.sin(i / 19) * 90 });
  // A few moves first (the drag threshold, the first re-render, priming the render counter);
  // frames and renders are counted after them.
  await page.evaluate((c) => {
    (window as unknown as { __trameCount: boolean }).__trameCount = c;
  }, count);
  for (let i = 1; i <= 3; i++) await page.mouse.move(path(i).x, path(i).y);
  await page.evaluate(() => {
    const w = window as unknown as { __trameRenders: RenderCounts; __frames: number[]; __rec: boolean };
    w.__trameRenders = { commits: 0, canvasRenders: 0, factorRenders: 0, linkRenders: 0, links: [], factors: [] };
    w.__frames = [];
    w.__rec = true;
    let last = performance.now();
    const tick = (t: number) => {
      w.__frames.push(t - last);
      last = t;
      if (w.__rec) requestAnimationFrame(tick);
    };
    requestAnimationFrame((t) => {
      last = t;
      requestAnimationFrame(tick);
    });
  });
  for (let i = 4; i < steps + 4; i++) await page.mouse.move(path(i).x, path(i).y);
  const out = await page.evaluate(() => {
    const w = window as unknown as { __trameCount: boolean; __trameRenders: RenderCounts; __frames: number[]; __rec: boolean };
    w.__rec = false;
    w.__trameCount = false;
    return { frames: w.__frames, renders: w.__trameRenders };
  });
  await page.mouse.up();
  return out;
}

/** Records in the page when the first factor, every factor and every link are on screen. */
export function watchPhases([n, l]: readonly [number, number]): void {
  const w = window as unknown as { __phases: Partial<Phases> & { done?: boolean } };
  w.__phases = {};
  const tick = () => {
    const p = w.__phases;
    const f = document.querySelectorAll('[data-testid="factor"]').length;
    const now = performance.now();
    if (f > 0 && p.firstFactor === undefined) p.firstFactor = now;
    if (f >= n && p.allFactors === undefined) p.allFactors = now;
    // A link is drawn once it has its polarity marker (full detail) or is on the overview's canvas.
    const overview = Number((document.querySelector('[data-testid="overview-links"]') as HTMLElement | null)?.dataset.drawn ?? 0);
    const links = document.querySelectorAll('[data-testid="link-polarity"]').length + overview;
    if (p.allFactors !== undefined && p.factorsVisible === undefined) {
      let shown = 0;
      for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node')) if (el.style.visibility !== 'hidden') shown++;
      if (shown >= n) {
        p.factorsVisible = now;
        p.linksWithFactors = links;
      }
    }
    if (p.factorsVisible !== undefined && links >= l) {
      p.allLinks = now;
      p.done = true;
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

export async function zoomTo(page: Page, target: number): Promise<number> {
  const scale = () => page.evaluate(() => {
    const t = (document.querySelector('.react-flow__viewport') as HTMLElement | null)?.style.transform ?? '';
    return Number(/scale\(([\d.]+)\)/.exec(t)?.[1] ?? 1);
  });
  const box = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 60 && (await scale()) < target; i++) {
    await page.mouse.wheel(0, -200);
    await page.waitForTimeout(60);
  }
  await page.waitForTimeout(500);
  return scale();
}
