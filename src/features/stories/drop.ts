import type { ElementRef } from '../../model';

/**
 * The factor or link under a point of the canvas, as React Flow renders them: a factor is a
 * `.react-flow__node` and a link a `.react-flow__edge` (its wide invisible interaction path
 * included), both carrying the element id in data-id. The first hit from the top wins, so a
 * factor drawn over a link gets the story. Null outside the canvas or over empty canvas.
 */
export function elementAt(x: number, y: number): { ref: ElementRef; el: Element } | null {
  for (const hit of document.elementsFromPoint(x, y)) {
    if (!hit.closest('.react-flow')) return null;
    const node = hit.closest('.react-flow__node[data-id]');
    const id = node?.getAttribute('data-id');
    if (node && id) return { ref: { kind: 'factor', id }, el: node };
    const edge = hit.closest('.react-flow__edge[data-id]');
    const linkId = edge?.getAttribute('data-id');
    if (edge && linkId) return { ref: { kind: 'link', id: linkId }, el: edge };
    if (hit.classList.contains('react-flow__pane')) return null;
  }
  return null;
}
