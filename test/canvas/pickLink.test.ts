import type { InternalNode } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { pickLink } from '../../src/canvas/pickLink';
import type { LinkEdgeType } from '../../src/canvas/types';

const box = (id: string, x: number, y: number) =>
  [id, { id, internals: { positionAbsolute: { x, y } }, measured: { width: 120, height: 40 }, data: {} }] as const;
const lookup = new Map([box('a', 0, 0), box('b', 400, 0), box('c', 0, 300)]) as unknown as Map<string, InternalNode>;
const edge = (id: string, source: string, target: string, bend = 0): LinkEdgeType => ({
  id, source, target, type: 'link', data: { link: { id, source, target, polarity: '+' } as never, bend },
});

describe('picking a link on the overview', () => {
  const links = [edge('ab', 'a', 'b'), edge('ac', 'a', 'c')];

  it('finds the link nearest a point within the radius', () => {
    expect(pickLink(links, lookup, { x: 260, y: 22 }, 8)).toBe('ab');
    expect(pickLink(links, lookup, { x: 62, y: 170 }, 8)).toBe('ac');
  });

  it('finds none away from every link', () => {
    expect(pickLink(links, lookup, { x: 260, y: 60 }, 8)).toBeNull();
  });

  it('follows the bend of a two-way link', () => {
    const bent = [edge('ab', 'a', 'b', 28), edge('ba', 'b', 'a', 28)];
    // a→b bends to one side of the straight line, b→a to the other.
    expect(pickLink(bent, lookup, { x: 260, y: 20 + 14 }, 6)).toBe('ab');
    expect(pickLink(bent, lookup, { x: 260, y: 20 - 14 }, 6)).toBe('ba');
  });
});
