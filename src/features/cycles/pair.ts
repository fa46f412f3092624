import type * as Y from 'yjs';
import { moveFactors } from '../../model';
import type { DiffStatus, MapDiff, MapState } from '../../model/compare';
import type { ViewedHalf } from './store';

/**
 * Each state with the status of its own elements: what `from` lost and what changed in it on
 * the left, what `to` gained and what changed in it on the right. The factors both have are
 * moved, in the earlier state's private copy, to where the later state has them, so that one
 * viewport shows each of them at the same place in both halves (positions are not compared).
 */
export function pairOf(
  diff: MapDiff, toState: MapState, from: { doc: Y.Doc; name: string }, to: { doc: Y.Doc; name: string },
): { before: ViewedHalf; after: ViewedHalf } {
  const at = new Map(toState.factors.map((f) => [f.id, f]));
  const moves: { id: string; x: number; y: number }[] = [];
  for (const [fromId, toId] of diff.matching.factors) {
    const f = at.get(toId);
    if (f) moves.push({ id: fromId, x: f.x, y: f.y });
  }
  moveFactors(from.doc, moves, { byHand: false });
  const status = (entries: [string, DiffStatus][]) => new Map<string, DiffStatus>(entries);
  return {
    before: {
      ...from,
      factorStatus: status([
        ...diff.factors.removed.map((f): [string, DiffStatus] => [f.id, 'removed']),
        ...diff.factors.changed.map((c): [string, DiffStatus] => [c.from.id, 'changed']),
      ]),
      linkStatus: status([
        ...diff.links.removed.map((l): [string, DiffStatus] => [l.id, 'removed']),
        ...diff.links.changed.map((c): [string, DiffStatus] => [c.from.id, 'changed']),
      ]),
    },
    after: {
      ...to,
      factorStatus: status([
        ...diff.factors.added.map((f): [string, DiffStatus] => [f.id, 'added']),
        ...diff.factors.changed.map((c): [string, DiffStatus] => [c.to.id, 'changed']),
      ]),
      linkStatus: status([
        ...diff.links.added.map((l): [string, DiffStatus] => [l.id, 'added']),
        ...diff.links.changed.map((c): [string, DiffStatus] => [c.to.id, 'changed']),
      ]),
    },
  };
}
