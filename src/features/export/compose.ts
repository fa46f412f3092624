/**
 * The page an exported image is: an optional title above the map, an optional legend below.
 * Built as SVG elements through the DOM (textContent), so a title or a theme name such as
 * `<img onerror=…>` is serialised as escaped text, never as markup.
 */
import type { ThemePattern } from '../../model';

const SVG_NS = 'http://www.w3.org/2000/svg';
const FONT = "'Trame Sans', sans-serif";
export const PAGE_MARGIN = 32;
const TITLE_SIZE = 26;
const TITLE_LINE = 34;
const TITLE_MAX_LINES = 3;
const LEGEND_SIZE = 14;
const LEGEND_ROW = 28;
const ITEM_GAP = 22;
/** A legend needs this much room even under a small map. */
const MIN_LEGEND_WIDTH = 520;
const SLOT_ID = 'trame-map-slot';

export interface LegendEntry {
  readonly colour: string;
  readonly label: string;
  /** Drawn as a link with its polarity sign; without it, a theme's swatch. */
  readonly sign?: string;
  /**
   * Another sample than a swatch: links of three strengths, a link with its delay bars, or a
   * badge chip with `chip` in it, as the map draws them.
   */
  readonly sample?: 'strength' | 'delay' | 'chip';
  readonly chip?: string;
  /** A theme's swatch drawn with this pattern (another theme has its colour), as on the boxes. */
  readonly pattern?: ThemePattern;
}

export interface LegendGroup {
  readonly heading: string;
  readonly entries: readonly LegendEntry[];
}

export interface PageRequest {
  /** The map as html-to-image's SVG, and its size in CSS pixels. */
  readonly mapSvg: string;
  readonly mapWidth: number;
  readonly mapHeight: number;
  readonly title?: string;
  readonly legend?: readonly LegendGroup[];
  readonly background: 'white' | 'transparent';
  /** @font-face rules with the fonts inlined, for text outside the map. */
  readonly fontCss: string;
  /** Width of a text in the given CSS font, as the browser will draw it. */
  readonly measure: (text: string, font: string) => number;
}

export interface Page {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

function text(x: number, y: number, value: string, size: number, weight: number, fill = '#1d2733'): SVGTextElement {
  const t = el('text', { x, y, 'font-family': FONT, 'font-size': size, 'font-weight': weight, fill });
  t.textContent = value;
  return t;
}

/** Greedy word wrap; a word longer than the line is cut with an ellipsis. */
function wrap(value: string, width: number, font: string, measure: PageRequest['measure']): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of value.trim().split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (measure(next, font) <= width || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  const kept = lines.slice(0, TITLE_MAX_LINES);
  return kept.map((l, i) => {
    let out = l;
    const cut = i === kept.length - 1 && lines.length > kept.length;
    if (!cut && measure(out, font) <= width) return out;
    while (out.length > 1 && measure(`${out}…`, font) > width) out = out.slice(0, -1);
    return `${out}…`;
  });
}

/** A link in the legend: a stroke, an arrowhead and the sign in a ring, as on the canvas. */
function linkSample(x: number, mid: number, e: LegendEntry): SVGGElement {
  const g = el('g', {});
  g.append(
    el('line', { x1: x, y1: mid, x2: x + 34, y2: mid, stroke: e.colour, 'stroke-width': 2.5 }),
    el('path', { d: `M ${x + 34} ${mid - 5} L ${x + 42} ${mid} L ${x + 34} ${mid + 5} Z`, fill: e.colour }),
    el('circle', { cx: x + 17, cy: mid, r: 9, fill: '#fff', stroke: e.colour, 'stroke-width': 1.5 }),
  );
  const sign = text(x + 17, mid, e.sign ?? '', 13, 700, e.colour);
  sign.setAttribute('text-anchor', 'middle');
  sign.setAttribute('dominant-baseline', 'central');
  g.append(sign);
  return g;
}

/** Links of strength 1, 2 and 3, as the canvas draws them thicker. */
function strengthSample(x: number, mid: number, e: LegendEntry): SVGGElement {
  const g = el('g', {});
  [1.5, 3.5, 6].forEach((w, i) => g.append(el('line', { x1: x + i * 15, y1: mid + 6, x2: x + i * 15 + 11, y2: mid - 6, stroke: e.colour, 'stroke-width': w, 'stroke-linecap': 'round' })));
  return g;
}

/** A link crossed by the two short bars that mark a delay. */
function delaySample(x: number, mid: number, e: LegendEntry): SVGGElement {
  const g = el('g', {});
  g.append(el('line', { x1: x, y1: mid, x2: x + 42, y2: mid, stroke: e.colour, 'stroke-width': 2.5 }));
  for (const dx of [18, 24]) g.append(el('line', { x1: x + dx, y1: mid - 7, x2: x + dx, y2: mid + 7, stroke: e.colour, 'stroke-width': 2.5 }));
  return g;
}

/** The strokes of a pattern in one 8 × 8 tile, as themes/pattern.ts draws it in CSS. */
const PATTERN_TILE: Record<Exclude<ThemePattern, 'solid'>, readonly string[]> = {
  diagonal: ['M-2 2 L2 -2 M0 8 L8 0 M6 10 L10 6'],
  backslash: ['M-2 6 L2 10 M0 0 L8 8 M6 -2 L10 2'],
  horizontal: ['M0 1 H8'],
  vertical: ['M1 0 V8'],
  crosshatch: ['M-2 2 L2 -2 M0 8 L8 0 M6 10 L10 6', 'M-2 6 L2 10 M0 0 L8 8 M6 -2 L10 2'],
  grid: ['M0 1 H8', 'M1 0 V8'],
  dots: [],
};

/** A theme's swatch with its pattern: the pattern's tile (defined here, once per swatch) on white, framed in the colour. */
function patternSwatch(x: number, mid: number, e: LegendEntry, id: string): SVGGElement {
  const g = el('g', { 'data-pattern': e.pattern ?? 'solid' });
  const pattern = el('pattern', { id, width: 8, height: 8, patternUnits: 'userSpaceOnUse', x, y: mid - 8 });
  pattern.append(el('rect', { x: 0, y: 0, width: 8, height: 8, fill: '#ffffff' }));
  if (e.pattern === 'dots') pattern.append(el('circle', { cx: 4, cy: 4, r: 2, fill: e.colour }));
  else for (const d of PATTERN_TILE[e.pattern as Exclude<ThemePattern, 'solid'>]) pattern.append(el('path', { d, stroke: e.colour, 'stroke-width': 2 }));
  g.append(pattern, el('rect', { x, y: mid - 8, width: 16, height: 16, rx: 3, fill: `url(#${id})`, stroke: e.colour, 'stroke-width': 2 }));
  return g;
}

const CHIP_SIZE = 12;

function chipSample(x: number, mid: number, e: LegendEntry, width: number): SVGGElement {
  const g = el('g', {});
  g.append(el('rect', { x, y: mid - 9, width, height: 18, rx: 9, fill: e.colour }));
  const label = text(x + width / 2, mid, e.chip ?? '', CHIP_SIZE, 700, '#fff');
  label.setAttribute('text-anchor', 'middle');
  label.setAttribute('dominant-baseline', 'central');
  g.append(label);
  return g;
}

/** Lays the groups out in rows that wrap at `width`; returns the rows' group and height. */
function legendRows(groups: readonly LegendGroup[], left: number, top: number, width: number, measure: PageRequest['measure']) {
  const g = el('g', { 'data-part': 'legend' });
  const regular = `400 ${LEGEND_SIZE}px ${FONT}`;
  const bold = `700 ${LEGEND_SIZE}px ${FONT}`;
  let y = top;
  let patterns = 0;
  for (const group of groups) {
    if (group.entries.length === 0) continue;
    let x = left;
    const mid = () => y + LEGEND_ROW / 2;
    g.append(text(x, mid() + 5, group.heading, LEGEND_SIZE, 700));
    const indent = left + measure(group.heading, bold) + ITEM_GAP;
    x = indent;
    for (const e of group.entries) {
      const chipWidth = e.sample === 'chip' ? 14 + measure(e.chip ?? '', `700 ${CHIP_SIZE}px ${FONT}`) : 0;
      const sample = e.sample === 'chip' ? chipWidth : e.sign !== undefined || e.sample ? 42 : 16;
      const w = sample + 8 + measure(e.label, regular);
      if (x > indent && x + w > left + width) {
        x = indent;
        y += LEGEND_ROW;
      }
      if (e.sample === 'strength') g.append(strengthSample(x, mid(), e));
      else if (e.sample === 'delay') g.append(delaySample(x, mid(), e));
      else if (e.sample === 'chip') g.append(chipSample(x, mid(), e, chipWidth));
      else if (e.sign !== undefined) g.append(linkSample(x, mid(), e));
      else if (e.pattern && e.pattern !== 'solid') g.append(patternSwatch(x, mid(), e, `trame-legend-pattern-${patterns++}`));
      else g.append(el('rect', { x, y: mid() - 8, width: 16, height: 16, rx: 3, fill: e.colour, stroke: '#37474f', 'stroke-width': 0.5 }));
      g.append(text(x + sample + 8, mid() + 5, e.label, LEGEND_SIZE, 400));
      x += w + ITEM_GAP;
    }
    y += LEGEND_ROW + 6;
  }
  return { g, height: y - top };
}

/** The map's own SVG, moved to its place on the page. */
function placeMap(mapSvg: string, x: number, y: number): string {
  if (!mapSvg.startsWith('<svg')) throw new Error('unexpected map image');
  return `<svg x="${x}" y="${y}"${mapSvg.slice(4)}`;
}

export function composePage(req: PageRequest): Page {
  const { mapWidth, mapHeight, measure } = req;
  const groups = (req.legend ?? []).filter((g) => g.entries.length > 0);
  const width = Math.ceil(Math.max(mapWidth, groups.length > 0 ? MIN_LEGEND_WIDTH : 0) + 2 * PAGE_MARGIN);
  const inner = width - 2 * PAGE_MARGIN;
  // XMLSerializer writes the xmlns of a detached root itself.
  const svg = el('svg', {});
  const style = el('style', {});
  style.textContent = req.fontCss;
  const defs = el('defs', {});
  defs.append(style);
  svg.append(defs);
  const background = el('rect', { x: 0, y: 0, width: '100%', height: '100%', fill: '#ffffff' });
  if (req.background === 'white') svg.append(background);

  let y = PAGE_MARGIN;
  const title = req.title?.trim();
  if (title) {
    const font = `700 ${TITLE_SIZE}px ${FONT}`;
    const g = el('g', { 'data-part': 'title' });
    for (const line of wrap(title, inner, font, measure)) {
      g.append(text(PAGE_MARGIN, y + TITLE_SIZE, line, TITLE_SIZE, 700));
      y += TITLE_LINE;
    }
    svg.append(g);
    y += 12;
  }
  const mapX = PAGE_MARGIN + (inner - mapWidth) / 2;
  const mapY = y;
  svg.append(el('g', { id: SLOT_ID }));
  y += mapHeight;
  if (groups.length > 0) {
    y += 16;
    const legend = legendRows(groups, PAGE_MARGIN, y, inner, measure);
    svg.append(legend.g);
    y += legend.height;
  }
  const height = Math.ceil(y + PAGE_MARGIN);
  for (const [k, v] of Object.entries({ width, height, viewBox: `0 0 ${width} ${height}` })) svg.setAttribute(k, String(v));
  const outer = new XMLSerializer().serializeToString(svg);
  const slot = `<g id="${SLOT_ID}"/>`;
  const at = outer.indexOf(slot);
  if (at < 0) throw new Error('map slot lost');
  return {
    svg: outer.slice(0, at) + placeMap(req.mapSvg, mapX, mapY) + outer.slice(at + slot.length),
    width,
    height,
  };
}
