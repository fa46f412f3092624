import type * as Y from 'yjs';
import { moveFactors, type Move } from '../ops';
import type { MapSnapshot } from '../reader';
import type { Position } from './position';

export type { Position } from './position';

/**
 * This file loads no layout engine: the page plans and writes, a worker lays out.
 *
 * "Tidy up" in three steps, so the heavy middle one can run in a worker and the result can be
 * animated before it is written: planTidy reads what to lay out from a snapshot (plain data,
 * structured-clone safe), runTidy (tidy.ts) lays it out (the worker's job), applyTidy writes the moves
 * as one undo step. The block keeps its top-left corner, so tidying a selection does not send
 * it across the canvas. In mode 'around-placed' the factors a person moved by hand stay where
 * they are and the others are laid out around them, in the map's own coordinates.
 */
export type TidyMode = 'all' | 'around-placed';

export interface TidyPlan {
  readonly factors: readonly { id: string; label: string; icon?: string; width?: number; height?: number }[];
  readonly links: readonly { source: string; target: string }[];
  /** Factors that stay, with their top-left corners. */
  readonly pinned: readonly (readonly [string, Position])[];
  /** Where the block's top-left corner goes when nothing is pinned. */
  readonly origin: Position;
  readonly boxStyle?: 'canvas' | 'projector';
}

/** Factors a person placed by hand (a drag), among those given (all by default). */
export function placedByHand(snap: MapSnapshot, factorIds?: readonly string[]): string[] {
  const wanted = factorIds ? new Set(factorIds) : null;
  return snap.factors.filter((f) => f.placed && (!wanted || wanted.has(f.id))).map((f) => f.id);
}

export function planTidy(
  snap: MapSnapshot,
  factorIds: readonly string[] | undefined,
  mode: TidyMode,
  sizeOf?: (f: { id: string; label: string }) => { width: number; height: number } | undefined,
): TidyPlan | null {
  const wanted = factorIds ? new Set(factorIds) : null;
  const factors = wanted ? snap.factors.filter((f) => wanted.has(f.id)) : snap.factors;
  if (factors.length === 0) return null;
  const chosen = new Set(factors.map((f) => f.id));
  const links = snap.links.filter((l) => chosen.has(l.source) && chosen.has(l.target)).map((l) => ({ source: l.source, target: l.target }));
  const pinned = mode === 'around-placed' ? factors.filter((f) => f.placed).map((f) => [f.id, { x: f.x, y: f.y }] as const) : [];
  return {
    factors: factors.map((f) => ({ id: f.id, label: f.label, ...(f.icon ? { icon: f.icon } : {}), ...sizeOf?.(f) })),
    links,
    pinned,
    origin: { x: Math.min(...factors.map((f) => f.x)), y: Math.min(...factors.map((f) => f.y)) },
  };
}

/** One transaction, one undo step; a layout's moves do not count as placed by hand. */
export function applyTidy(doc: Y.Doc, moves: readonly Move[]): number {
  return moveFactors(doc, moves, { byHand: false });
}
