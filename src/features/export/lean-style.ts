/**
 * html-to-image copies every computed style property of every element it clones: about 520
 * in current Chromium. On a 300-factor map (6,000 elements) that is 3 million reads and
 * writes, 35 s of work and a 56 MB SVG before the PNG is even drawn. Only the properties
 * below change how a map looks, so while an export runs, the computed styles html-to-image
 * enumerates list only these (every property can still be read by name; nothing else
 * changes). Pseudo-elements keep their full style.
 *
 * The lists cover layout, boxes, text and SVG painting; shapes inside an SVG (most of a
 * map's elements: each link is a group, two paths, a ring and a sign) get the short list. A
 * property missing here would be drawn with its default value in exports only: add it if
 * something the canvas shows starts to look different in an image. An export of the Mali
 * fixture was pixel-identical with and without this (PNG ×2), its SVG 5.6 MB → 1.4 MB.
 */
const BOX = [
  'display', 'position', 'top', 'right', 'bottom', 'left', 'z-index', 'float', 'box-sizing',
  'width', 'height', 'min-width', 'min-height', 'max-width', 'max-height',
  'margin-top', 'margin-right', 'margin-bottom', 'margin-left',
  'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'overflow-x', 'overflow-y', 'visibility', 'opacity', 'isolation', 'mix-blend-mode', 'clip-path', 'filter',
  'transform', 'transform-origin', 'translate', 'rotate', 'scale',
  'flex-direction', 'flex-wrap', 'flex-grow', 'flex-shrink', 'flex-basis', 'order',
  'align-items', 'align-self', 'align-content', 'justify-content', 'justify-items', 'justify-self',
  'row-gap', 'column-gap', 'grid-template-columns', 'grid-template-rows', 'grid-column-start',
  'grid-column-end', 'grid-row-start', 'grid-row-end', 'vertical-align', 'object-fit', 'list-style-type',
  'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
  'border-top-style', 'border-right-style', 'border-bottom-style', 'border-left-style',
  'border-top-color', 'border-right-color', 'border-bottom-color', 'border-left-color',
  'border-top-left-radius', 'border-top-right-radius', 'border-bottom-right-radius', 'border-bottom-left-radius',
  'outline-width', 'outline-style', 'outline-color', 'outline-offset', 'box-shadow',
  'background-color', 'background-image', 'background-size', 'background-position-x',
  'background-position-y', 'background-repeat', 'background-clip', 'background-origin',
];

const TEXT = [
  'color', 'font-family', 'font-size', 'font-weight', 'font-style', 'font-stretch', 'font-variant-caps',
  'font-kerning', 'font-feature-settings', 'line-height', 'letter-spacing', 'word-spacing',
  'text-align', 'text-indent', 'text-transform', 'text-overflow', 'text-shadow', 'text-rendering',
  'text-decoration-line', 'text-decoration-style', 'text-decoration-color', 'text-decoration-thickness',
  'white-space', 'white-space-collapse', 'text-wrap', 'text-wrap-mode', 'overflow-wrap', 'word-break',
  'hyphens', 'tab-size', 'direction', 'unicode-bidi', 'writing-mode', '-webkit-line-clamp',
  '-webkit-box-orient',
];

const PAINT = [
  'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray',
  'stroke-dashoffset', 'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit', 'paint-order',
  'marker-start', 'marker-mid', 'marker-end', 'shape-rendering', 'vector-effect', 'stop-color', 'stop-opacity',
];

/** Shapes and groups inside an SVG have no box: their look is painting and transforms. */
const SHAPE = [
  'display', 'visibility', 'opacity', 'transform', 'transform-origin', 'transform-box', 'clip-path',
  'filter', 'mix-blend-mode', 'isolation', ...PAINT,
];

const SVG_TEXT = [...SHAPE, ...TEXT, 'dominant-baseline', 'alignment-baseline', 'baseline-shift', 'text-anchor'];

/** HTML elements and the <svg> boxes that hold each link. */
const BOXED = [...BOX, ...TEXT, ...PAINT, 'dominant-baseline', 'text-anchor', 'transform-box'];

function lean(style: CSSStyleDeclaration, names: readonly string[]): CSSStyleDeclaration {
  return new Proxy(style, {
    get(target, key) {
      if (key === 'length') return names.length;
      if (typeof key === 'string' && /^\d+$/.test(key)) return names[Number(key)];
      // An empty cssText sends html-to-image down the property-by-property path.
      if (key === 'cssText') return '';
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function namesFor(el: Element): readonly string[] {
  if (!(el instanceof SVGElement) || el instanceof SVGSVGElement) return BOXED;
  return el instanceof SVGTextContentElement ? SVG_TEXT : SHAPE;
}

/** Runs `work` (an html-to-image call) with lean computed styles, and restores them after. */
export async function withLeanStyles<T>(work: () => Promise<T>): Promise<T> {
  const probe = getComputedStyle(document.documentElement);
  // Only the names this browser knows: an unknown one would read as '' and be set to ''.
  const known = new Set(Array.from({ length: probe.length }, (_, i) => probe[i]!));
  const supported = (list: readonly string[]) => [...new Set(list)].filter((n) => known.has(n) || probe.getPropertyValue(n) !== '');
  const lists = new Map<readonly string[], string[]>([BOXED, SVG_TEXT, SHAPE].map((l) => [l, supported(l)]));
  const original = window.getComputedStyle;
  window.getComputedStyle = function leanComputedStyle(el: Element, pseudo?: string | null) {
    const style = original.call(window, el, pseudo);
    return pseudo ? style : lean(style, lists.get(namesFor(el))!);
  };
  try {
    return await work();
  } finally {
    window.getComputedStyle = original;
  }
}
