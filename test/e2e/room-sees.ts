import type { Page } from 'playwright-core';

export interface RoomSees {
  /** Factors drawn (not hidden by a view). */
  total: number;
  /** Whole inside the window. */
  inside: number;
  /** Inside, and at all four corners (2 px in) the topmost element is the factor itself. */
  uncovered: number;
  /** Labels of factors some other element covers, with what covers them. */
  covered: string[];
  /** Pairs of factor boxes that overlap on screen. */
  overlapping: string[];
  /** The smallest label on screen: its computed size times the zoom. */
  smallestLabelPx: number;
  labels: string[];
}

/**
 * What the room sees, measured as a person would check it: each factor box on screen, whether
 * it lies inside the window, whether anything is drawn over its corners
 * (document.elementFromPoint), which boxes overlap, and the smallest label in screen pixels.
 */
export function roomSees(page: Page, only?: readonly string[]): Promise<RoomSees> {
  return page.evaluate((labels) => {
    const zoom = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a;
    const nodes = [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
      .map((node) => ({ node, factor: node.querySelector<HTMLElement>('[data-testid="factor"]') }))
      .filter((n): n is { node: HTMLElement; factor: HTMLElement } => !!n.factor && n.node.getBoundingClientRect().width > 0)
      .filter((n) => !labels || labels.includes(n.factor.dataset.label ?? ''));
    const W = window.innerWidth;
    const H = window.innerHeight;
    let inside = 0;
    let uncovered = 0;
    const covered: string[] = [];
    const rects = nodes.map(({ node, factor }) => {
      const r = factor.getBoundingClientRect();
      const label = factor.dataset.label ?? '';
      const isInside = r.left >= -0.5 && r.top >= -0.5 && r.right <= W + 0.5 && r.bottom <= H + 0.5;
      if (isInside) {
        inside++;
        const corners = [[r.left + 2, r.top + 2], [r.right - 2, r.top + 2], [r.left + 2, r.bottom - 2], [r.right - 2, r.bottom - 2]];
        const over = corners.map(([x, y]) => document.elementFromPoint(x!, y!)).find((el) => !el || !node.contains(el));
        if (over === undefined) uncovered++;
        else covered.push(`${label} under ${over ? `${over.tagName.toLowerCase()}.${[...over.classList].join('.')}` : 'nothing'}`);
      }
      return { label, r };
    });
    const overlapping: string[] = [];
    for (let i = 0; i < rects.length; i++) {
      for (let j = i + 1; j < rects.length; j++) {
        const a = rects[i]!.r;
        const b = rects[j]!.r;
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlapping.push(`${rects[i]!.label} × ${rects[j]!.label}`);
      }
    }
    const sizes = nodes.map(({ factor }) => parseFloat(getComputedStyle(factor.querySelector('.factor-label') ?? factor).fontSize));
    return {
      total: nodes.length, inside, uncovered, covered, overlapping,
      smallestLabelPx: Math.min(...sizes) * zoom, labels: nodes.map((n) => n.factor.dataset.label ?? ''),
    };
  }, only ?? null);
}
