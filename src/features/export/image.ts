import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';
import { getFontEmbedCSS, toSvg } from 'html-to-image';
import { composePage, type LegendGroup } from './compose';
import { withLeanStyles } from './lean-style';
import { placeOnSheet, type PageSize } from './page-size';
import { CSS_DPI, withDensity } from './png';

/**
 * The whole map as an image, whatever part of it is on screen: React Flow's viewport element
 * is rendered by html-to-image with a transform that frames every factor (as in React Flow's
 * "download image" example), then set on a page with the title and the legend. Loaded on
 * demand with the export dialog, html-to-image with it.
 */
export type ImageStage = 'fonts' | 'drawing' | 'encoding';

export interface ImageRequest {
  /** `.react-flow__viewport` of the canvas. */
  readonly viewport: HTMLElement;
  /** React Flow's nodes, measured; hidden ones are left out of the bounds as they are of the drawing. */
  readonly nodes: readonly Node[];
  readonly format: 'png' | 'svg';
  /** 1 (screen) to 4 (poster); lowered when the picture would not fit in a canvas. */
  readonly pixelRatio: number;
  readonly background: 'white' | 'transparent';
  /** A sheet to fit the page on, at its DPI (pixelRatio is then unused); none: the map's own size. */
  readonly sheet?: PageSize;
  readonly title?: string;
  readonly legend?: readonly LegendGroup[];
  readonly onStage?: (stage: ImageStage) => void;
}

export interface ImageResult {
  readonly blob: Blob;
  /** CSS pixels; the PNG has width × pixelRatio pixels. */
  readonly width: number;
  readonly height: number;
  readonly pixelRatio: number;
}

/** Room around the factors for arrowheads, loop markers and shadows. */
const MAP_PADDING = 24;
/** Browsers refuse bigger canvases, and a village laptop runs out of memory well before. */
const MAX_SIDE = 16_384;
const MAX_PIXELS = 100_000_000;

/**
 * Drawn on screen for this user only (other people's pointers, a selection rectangle), or
 * never visible (the wide transparent paths that catch clicks on links, the link handles
 * over each factor): fewer elements to copy.
 */
const LEFT_OUT = [
  'peer-cursor', 'react-flow__nodesselection', 'react-flow__selection', 'react-flow__edge-interaction', 'react-flow__handle',
];

function keep(node: HTMLElement): boolean {
  return !(node instanceof Element) || !LEFT_OUT.some((c) => node.classList.contains(c));
}

/** The ratio asked for, or the largest below it that the browser can draw. */
export function fittingRatio(width: number, height: number, asked: number): number {
  const limit = Math.min(MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_PIXELS / (width * height)));
  if (asked <= limit) return asked;
  return Math.max(0.1, Math.floor(limit * 10) / 10);
}

function measurer(): (text: string, font: string) => number {
  const ctx = document.createElement('canvas').getContext('2d');
  return (text, font) => {
    if (!ctx) return text.length * 9;
    ctx.font = font;
    return ctx.measureText(text).width;
  };
}

/** Draws an SVG page into a PNG at `ratio`, its density recorded (the comparison images use it too). */
export async function rasterize(svg: string, width: number, height: number, ratio: number, dpi = CSS_DPI * ratio): Promise<Blob> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  // Release the pixels now rather than at the next collection: they can weigh hundreds of MB.
  canvas.width = 0;
  canvas.height = 0;
  if (!blob) throw new Error('the image is too large for this browser');
  return withDensity(blob, dpi);
}

/**
 * The page set on a sheet: scaled to fit inside its margins, centred. The SVG states the
 * sheet in millimetres so that it prints at its size; its user units are the sheet's pixels.
 */
function onSheet(page: { svg: string; width: number; height: number }, sheet: PageSize, background: ImageRequest['background'], unit: 'mm' | 'px') {
  const p = placeOnSheet(sheet, page.width, page.height);
  const [w, h] = unit === 'mm' ? [`${sheet.widthMm}mm`, `${sheet.heightMm}mm`] : [p.width, p.height];
  const fill = background === 'white' ? `<rect x="0" y="0" width="${p.width}" height="${p.height}" fill="#ffffff"/>` : '';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${p.width} ${p.height}">${fill}`
    + `<g transform="translate(${p.x} ${p.y}) scale(${p.scale})">${page.svg}</g></svg>`;
  return { svg, width: p.width, height: p.height };
}

export async function renderMapImage(req: ImageRequest): Promise<ImageResult> {
  const shown = req.nodes.filter((n) => !n.hidden);
  if (shown.length === 0) throw new Error('empty map');
  req.onStage?.('fonts');
  await Promise.all([document.fonts.load(`400 16px 'Trame Sans'`), document.fonts.load(`700 16px 'Trame Sans'`)]);
  const fontCss = await getFontEmbedCSS(req.viewport);

  req.onStage?.('drawing');
  const bounds = getNodesBounds([...shown]);
  const mapWidth = Math.ceil(bounds.width + 2 * MAP_PADDING);
  const mapHeight = Math.ceil(bounds.height + 2 * MAP_PADDING);
  // Zoom pinned at 1: one map unit is one CSS pixel, and pixelRatio alone sets the resolution.
  const vp = getViewportForBounds(bounds, mapWidth, mapHeight, 1, 1, 0);
  const dataUrl = await withLeanStyles(() => toSvg(req.viewport, {
    width: mapWidth,
    height: mapHeight,
    // The page's <style> carries the fonts once for the map and the title alike.
    skipFonts: true,
    filter: keep,
    style: {
      width: `${mapWidth}px`,
      height: `${mapHeight}px`,
      transform: `translate(${vp.x}px, ${vp.y}px) scale(${vp.zoom})`,
    },
  }));
  const mapSvg = decodeURIComponent(dataUrl.slice(dataUrl.indexOf(',') + 1));
  const page = composePage({
    mapSvg, mapWidth, mapHeight, fontCss, measure: measurer(),
    title: req.title, legend: req.legend, background: req.background,
  });

  req.onStage?.('encoding');
  if (req.sheet) {
    const sheet = onSheet(page, req.sheet, req.background, req.format === 'svg' ? 'mm' : 'px');
    const blob = req.format === 'svg'
      ? new Blob([sheet.svg], { type: 'image/svg+xml' })
      : await rasterize(sheet.svg, sheet.width, sheet.height, 1, req.sheet.dpi);
    return { blob, width: sheet.width, height: sheet.height, pixelRatio: 1 };
  }
  if (req.format === 'svg') {
    return { blob: new Blob([page.svg], { type: 'image/svg+xml' }), width: page.width, height: page.height, pixelRatio: 1 };
  }
  const ratio = fittingRatio(page.width, page.height, req.pixelRatio);
  const blob = await rasterize(page.svg, page.width, page.height, ratio);
  return { blob, width: page.width, height: page.height, pixelRatio: ratio };
}
