import { canonicalLoopId, findLoops, type LoopSearchOptions } from '../analysis/loops';
import type { LoopChange, LoopRef, LoopsDiff, MapState, Matching } from './types';

function refs(state: MapState, opts: LoopSearchOptions): { loops: LoopRef[]; truncated: boolean } {
  const found = findLoops(state, opts);
  return {
    loops: found.loops.map((l) => ({ id: l.id, factors: l.factors, kind: l.kind })),
    truncated: found.truncated,
  };
}

/**
 * Loops of both sides, paired when the matching takes one loop's factors, in order, onto the
 * other's: the same circle of causes, whatever its links' ids. Canonical ids start at the
 * smallest factor id, so a mapped loop is re-canonicalised before the lookup.
 */
export function diffLoops(from: MapState, to: MapState, matching: Matching, opts: LoopSearchOptions): LoopsDiff {
  const a = refs(from, opts);
  const b = refs(to, opts);
  const toById = new Map(b.loops.map((l) => [l.id, l]));
  const paired = new Set<string>();
  const disappeared: LoopRef[] = [];
  const changedKind: LoopChange[] = [];
  let unchanged = 0;
  for (const loop of a.loops) {
    const mapped = loop.factors.map((id) => matching.factors.get(id));
    const other = mapped.every((id): id is string => id !== undefined)
      ? toById.get(canonicalLoopId(mapped)) : undefined;
    if (!other || paired.has(other.id)) {
      disappeared.push(loop);
      continue;
    }
    paired.add(other.id);
    if (other.kind !== loop.kind) changedKind.push({ from: loop, to: other });
    else unchanged++;
  }
  const appeared = b.loops.filter((l) => !paired.has(l.id));
  return { appeared, disappeared, changedKind, unchanged, truncated: a.truncated || b.truncated };
}
