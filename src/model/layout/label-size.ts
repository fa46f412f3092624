import { RANGES, WIDTHS } from './glyph-widths';

/**
 * A factor's box as the canvas draws it, from its label, without a DOM. The numbers mirror
 * src/styles.css (.factor, .factor-body) and projector mode's rules in
 * src/features/workshop/workshop.css: keep them in step when those change. The box is as wide
 * as its label on one line (within min/max width); a label that does not fit wraps at spaces
 * and hyphens (white-space: pre-wrap), a word longer than a line breaks anywhere
 * (overflow-wrap: anywhere), and a wrapped label takes the full max width.
 */
export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface BoxStyle {
  readonly fontPx: number;
  readonly bold: boolean;
  readonly lineHeight: number;
  readonly minWidth: number;
  readonly maxWidth: number;
  /** Border + body margin + body padding, each side. */
  readonly insetX: number;
  readonly insetY: number;
}

/** .factor: 15 px, border 2, .factor-body margin 7 and padding 2 / 4, line-height 1.25. */
export const CANVAS_BOX: BoxStyle = { fontPx: 15, bold: false, lineHeight: 1.25, minWidth: 120, maxWidth: 240, insetX: 13, insetY: 11 };
/** .trame-projector .factor: 24 px bold, border 3, line-height 1.15, 180–340 px wide. */
export const PROJECTOR_BOX: BoxStyle = { fontPx: 24, bold: true, lineHeight: 1.15, minWidth: 180, maxWidth: 340, insetX: 14, insetY: 12 };

/** A pictogram above the label: 2.6 em square and 2 px below it (workshop.css). */
const ICON_EM = 2.6;
const ICON_GAP_PX = 2;
/** A glyph DejaVu Sans lacks is drawn by a system font: guess the width of an "n". */
const FALLBACK_EM = 0.634;
/** Kerning only ever narrows DejaVu Sans text, so plain advance widths err on the roomy side. */
const SLACK = 1;

type Table = readonly number[];

function tablesFor(bold: boolean): readonly Table[] {
  const w = WIDTHS as Record<string, Table>;
  return RANGES.map(([lo]) => w[`${bold ? 'bold' : 'regular'}_${lo.toString(16)}`]!);
}
const REGULAR = tablesFor(false);
const BOLD = tablesFor(true);

/** Width of one character in ems. */
function charEm(cp: number, tables: readonly Table[]): number {
  for (let r = 0; r < RANGES.length; r++) {
    const [lo, hi] = RANGES[r]!;
    if (cp >= lo && cp <= hi) {
      const w = tables[r]![cp - lo]!;
      return w === 0 ? FALLBACK_EM : w / 1000;
    }
  }
  // Combining accents (U+0300–036F) take no room of their own.
  if (cp >= 0x300 && cp <= 0x36f) return 0;
  return cp > 0xffff || (cp >= 0x2e80 && cp <= 0xffef) ? 1 : FALLBACK_EM;
}

export function textWidthPx(text: string, style: BoxStyle): number {
  const tables = style.bold ? BOLD : REGULAR;
  let em = 0;
  for (const ch of text) em += charEm(ch.codePointAt(0)!, tables);
  return em * style.fontPx * SLACK;
}

/** Pieces a line may break after: a word with the spaces that follow it, or up to a hyphen. */
function pieces(paragraph: string): string[] {
  return paragraph.match(/[^\s-]*-+|[^\s-]+\s*|\s+/g) ?? [];
}

/** The lines a label wraps into at `maxPx` (spaces at a line's end hang and take no room). */
export function wrapLabel(label: string, maxPx: number, style: BoxStyle): string[] {
  const lines: string[] = [];
  for (const paragraph of label.split('\n')) {
    let line = '';
    for (const piece of pieces(paragraph)) {
      const candidate = line + piece;
      if (textWidthPx(candidate.trimEnd(), style) <= maxPx || line === '') {
        line = candidate;
      } else {
        lines.push(line);
        line = piece;
      }
      // overflow-wrap: anywhere — a word wider than the line is cut where it overflows.
      while (textWidthPx(line.trimEnd(), style) > maxPx && [...line.trimEnd()].length > 1) {
        const chars = [...line];
        let cut = 1;
        while (cut < chars.length && textWidthPx(chars.slice(0, cut + 1).join(''), style) <= maxPx) cut++;
        lines.push(chars.slice(0, cut).join(''));
        line = chars.slice(cut).join('');
      }
    }
    lines.push(line);
  }
  return lines;
}

export interface LabelBox {
  readonly label?: string;
  /** A pictogram drawn above the label. */
  readonly icon?: boolean;
}

export function factorBoxSize(factor: LabelBox, style: BoxStyle = CANVAS_BOX): Size {
  const label = factor.label ?? '';
  const inner = style.maxWidth - 2 * style.insetX;
  const oneLine = Math.max(...label.split('\n').map((p) => textWidthPx(p.trimEnd(), style)));
  const lines = wrapLabel(label, inner, style).length;
  const width = Math.min(style.maxWidth, Math.max(style.minWidth, Math.ceil(oneLine) + 2 * style.insetX));
  const icon = factor.icon ? ICON_EM * style.fontPx + ICON_GAP_PX : 0;
  return { width, height: Math.ceil(2 * style.insetY + icon + lines * style.fontPx * style.lineHeight) };
}
