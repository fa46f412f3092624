import type { Node } from '@xyflow/react';
import type { LegendGroup } from '../export/compose';
import { fittingRatio, rasterize, renderMapImage } from '../export/image';

/**
 * A comparison side by side as one picture for a report: each half drawn by the map's image
 * export (its title above it), both over the same part of the map, so a factor both states
 * have is at the same place in each; the legend once, under the right half. Loaded with the
 * side-by-side view's export, html-to-image with it.
 */
export interface HalfImage {
  /** `.react-flow__viewport` of the half's canvas. */
  readonly viewport: HTMLElement;
  readonly title: string;
}

const PIXEL_RATIO = 2;

export async function sideBySideImage(
  halves: readonly HalfImage[], nodes: readonly Node[], legend: readonly LegendGroup[],
): Promise<Blob> {
  const pages: { svg: string; width: number; height: number }[] = [];
  // One after the other: each copies a whole canvas, and the machine is a village laptop.
  for (const [i, half] of halves.entries()) {
    const page = await renderMapImage({
      viewport: half.viewport, nodes, format: 'svg', pixelRatio: 1, background: 'white', title: half.title,
      legend: i === halves.length - 1 ? legend : undefined,
    });
    pages.push({ svg: await page.blob.text(), width: page.width, height: page.height });
  }
  const width = pages.reduce((w, p) => w + p.width, 0);
  const height = Math.max(...pages.map((p) => p.height));
  let x = 0;
  const parts: string[] = [];
  for (const [i, p] of pages.entries()) {
    if (!p.svg.startsWith('<svg')) throw new Error('unexpected page image');
    parts.push(`<svg x="${x}" y="0"${p.svg.slice(4)}`);
    x += p.width;
    if (i < pages.length - 1) parts.push(`<line x1="${x}" y1="24" x2="${x}" y2="${height - 24}" stroke="#b0bec5" stroke-width="2"/>`);
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`
    + `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>${parts.join('')}</svg>`;
  return rasterize(svg, width, height, fittingRatio(width, height, PIXEL_RATIO));
}

