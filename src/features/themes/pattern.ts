import type { CSSProperties } from 'react';
import type { ThemeLook, ThemePattern } from '../../model';

/**
 * A theme's pattern drawn in CSS: gradients only (no filter, no image to fetch), so a box is
 * painted as cheaply as a plain one, and html-to-image copies it into exports as it is
 * (background-image is one of the properties lean-style.ts keeps).
 */
function rgba(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

const lines = (angle: number, c: string) => `repeating-linear-gradient(${angle}deg, ${c} 0 2px, transparent 2px 8px)`;

/** The layers of a pattern in colour `c`, with the tile size dots need; none for 'solid'. */
function layers(pattern: ThemePattern, c: string): { image: string; size?: string } | null {
  switch (pattern) {
    case 'solid': return null;
    case 'diagonal': return { image: lines(45, c) };
    case 'backslash': return { image: lines(-45, c) };
    case 'horizontal': return { image: lines(0, c) };
    case 'vertical': return { image: lines(90, c) };
    case 'crosshatch': return { image: `${lines(45, c)}, ${lines(-45, c)}` };
    case 'grid': return { image: `${lines(0, c)}, ${lines(90, c)}` };
    case 'dots': return { image: `radial-gradient(circle, ${c} 0 2px, transparent 2.5px)`, size: '8px 8px' };
  }
}

/**
 * What a factor box of this theme adds to its style: the colour as a band on the left edge,
 * and its pattern, faint, over the whole box, where it can be seen at any zoom and never hides
 * the label.
 */
export function boxStyle(look: ThemeLook): CSSProperties {
  const band: CSSProperties = { borderLeft: `8px solid ${look.color}` };
  const p = layers(look.pattern, rgba(look.color, 0.3));
  if (!p) return band;
  return { ...band, backgroundImage: p.image, ...(p.size ? { backgroundSize: p.size } : {}) };
}

/** A swatch in a legend or a list: the plain colour, or its pattern on white framed in the colour. */
export function swatchStyle(look: ThemeLook): CSSProperties {
  const p = layers(look.pattern, look.color);
  if (!p) return { background: look.color };
  return {
    backgroundColor: '#fff', backgroundImage: p.image, ...(p.size ? { backgroundSize: p.size } : {}),
    boxShadow: `inset 0 0 0 2px ${look.color}`,
  };
}
