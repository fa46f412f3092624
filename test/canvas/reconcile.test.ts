import { describe, expect, it } from 'vitest';
import { overlayEdges, overlayNodes, reconcileEdges, reconcileNodes } from '../../src/canvas/reconcile';
import type { FactorNodeType } from '../../src/canvas/types';
import type { Factor, Link } from '../../src/model';

const factor = (id: string, label = id, x = 0, y = 0): Factor => ({ id, label, x, y }) as Factor;

describe('reconcileNodes folds a snapshot into React Flow nodes', () => {
  it('makes a node per factor, at its place', () => {
    const nodes = reconcileNodes([], [factor('a', 'Eau', 10, 20), factor('b')]);
    expect(nodes.map((n) => [n.id, n.type, n.position])).toEqual([['a', 'factor', { x: 10, y: 20 }], ['b', 'factor', { x: 0, y: 0 }]]);
  });

  it('returns the same array when no factor changed, and the same node for an unchanged factor', () => {
    const a = factor('a');
    const b = factor('b');
    const first = reconcileNodes([], [a, b]);
    expect(reconcileNodes(first, [a, b])).toBe(first);
    const b2 = factor('b', 'Bétail', 5, 5);
    const next = reconcileNodes(first, [a, b2]);
    expect(next).not.toBe(first);
    expect(next[0]).toBe(first[0]);
    expect(next[1]?.data.factor).toBe(b2);
    expect(next[1]?.position).toEqual({ x: 5, y: 5 });
  });

  it('keeps what React Flow owns (selected, measured) and a dragged node where the pointer has it', () => {
    const a = factor('a');
    const [n] = reconcileNodes([], [a]);
    const held: FactorNodeType = { ...n!, selected: true, measured: { width: 160, height: 40 }, dragging: true, position: { x: 99, y: 98 } };
    const [moved] = reconcileNodes([held], [factor('a', 'a', 0, 50)]);
    expect(moved).toMatchObject({ selected: true, measured: { width: 160, height: 40 }, position: { x: 99, y: 98 } });
    const [dropped] = reconcileNodes([{ ...held, dragging: false }], [factor('a', 'a', 0, 60)]);
    expect(dropped?.position).toEqual({ x: 0, y: 60 });
  });

  it('drops the nodes of removed factors and follows the snapshot order', () => {
    const a = factor('a');
    const c = factor('c');
    const first = reconcileNodes([], [a, factor('b'), c]);
    const next = reconcileNodes(first, [c, a]);
    expect(next.map((n) => n.id)).toEqual(['c', 'a']);
    expect(next[0]).toBe(first[2]);
  });
});

describe('reconcileEdges folds the links into React Flow edges', () => {
  const link = (id: string, source: string, target: string): Link => ({ id, source, target, polarity: '+' }) as Link;
  const names = new Map([['a', 'Sécheresse'], ['b', 'Exode']]);
  const a11y = {
    label: (l: Link) => `Lien de ${names.get(l.source)} vers ${names.get(l.target)}`,
    domAttributes: { 'aria-roledescription': 'lien' },
  };

  it('names each link for screen readers by its factors, not by their ids', () => {
    const [edge] = reconcileEdges([], [link('l1', 'a', 'b')], a11y);
    expect(edge?.ariaLabel).toBe('Lien de Sécheresse vers Exode');
    expect(edge?.domAttributes).toEqual({ 'aria-roledescription': 'lien' });
  });

  it('returns the same array when nothing changed, and a new edge only for a renamed end', () => {
    const links = [link('l1', 'a', 'b'), link('l2', 'b', 'a')];
    const first = reconcileEdges([], links, a11y);
    expect(reconcileEdges(first, links, a11y)).toBe(first);
    names.set('a', 'Pluies rares');
    const next = reconcileEdges(first, links, a11y);
    expect(next).not.toBe(first);
    expect(next.map((e) => e.ariaLabel)).toEqual(['Lien de Pluies rares vers Exode', 'Lien de Exode vers Pluies rares']);
    // Two links between the same factors bend apart.
    expect(next.map((e) => e.data?.bend)).toEqual([28, 28]);
  });
});

describe('an overlay over the nodes and edges', () => {
  const link = (id: string, source: string, target: string): Link => ({ id, source, target, polarity: '+' }) as Link;
  const focus = { emphasis: { factors: new Set(['a']), links: new Set<string>() }, hidden: new Set<string>() };

  it('dims, hides and classes what it names, and leaves the rest as they are', () => {
    const nodes = reconcileNodes([], [factor('a'), factor('b'), factor('c')]);
    const shown = overlayNodes(nodes, { ...focus, hidden: new Set(['c']), classes: new Map([['a', 'cycles-added'], ['b', 'cycles-changed']]) });
    expect(shown.map((n) => [n.className, n.hidden])).toEqual([['cycles-added', false], ['dimmed cycles-changed', false], ['dimmed', true]]);
    const plain = overlayNodes(nodes, { emphasis: null, hidden: new Set() });
    expect(plain).toBe(nodes);
  });

  it('an edit to one factor under a focus gives one new node: the dimmed others are the same objects', () => {
    const factors = [factor('a'), factor('b'), factor('c')];
    const first = reconcileNodes([], factors);
    const before = overlayNodes(first, focus);
    const next = reconcileNodes(first, [factors[0]!, factor('b', 'Bétail'), factors[2]!]);
    const after = overlayNodes(next, focus);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[1]?.className).toBe('dimmed');
    expect(after[2]).toBe(before[2]);
    // A new overlay makes new nodes of those it changes.
    expect(overlayNodes(next, { ...focus, emphasis: { factors: new Set(['a', 'c']), links: new Set() } })[2]).not.toBe(before[2]);
  });

  it('the same for links: an unchanged link under a classing overlay is the same edge', () => {
    const links = [link('l1', 'a', 'b'), link('l2', 'b', 'c')];
    const edges = reconcileEdges([], links);
    const classes = new Map([['l1', 'cycles-removed'], ['l2', 'cycles-added']]);
    const before = overlayEdges(edges, { emphasis: null, hidden: new Set(), classes });
    const next = reconcileEdges(edges, [links[0]!, { ...links[1]!, polarity: '-' }]);
    const after = overlayEdges(next, { emphasis: null, hidden: new Set(), classes });
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[1]?.className).toBe('cycles-added');
  });
});
