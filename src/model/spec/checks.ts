import { canonicalLoopId } from '../analysis/loops';
import {
  MAX_LOOP_ID_CHARS, MAX_STORY_ID_CHARS, MAX_STRENGTH, MAX_VOTER_ID_CHARS, MIN_STRENGTH, POLARITIES,
  type Polarity,
} from './limits';

/**
 * The predicates the spec's fields and keys are checked with. They live here, below the
 * readers and writers that re-export them, so the spec can name them without an import cycle.
 */
export function isPolarity(v: unknown): v is Polarity {
  return typeof v === 'string' && (POLARITIES as readonly string[]).includes(v);
}

export function isStrength(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= MIN_STRENGTH && v <= MAX_STRENGTH;
}

const COLOR = /^#[0-9a-fA-F]{6}$/;
export function isThemeColor(v: unknown): v is string {
  return typeof v === 'string' && COLOR.test(v);
}

/** A real calendar date written yyyy-mm-dd (2024-02-30 is refused). */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** A canonical loop id: two or more distinct factor ids, the smallest first. */
export function isLoopId(id: unknown): boolean {
  if (typeof id !== 'string') return false;
  const parts = id.split('>');
  return parts.length >= 2 && parts.every((p) => p !== '') && new Set(parts).size === parts.length
    && canonicalLoopId(parts) === id;
}

/** Story ids end citation keys (`kind:element:story`), so they never contain ':'. */
const STORY_ID = new RegExp(`^[A-Za-z0-9_-]{1,${MAX_STORY_ID_CHARS}}$`);
export function isStoryId(id: string): boolean {
  return STORY_ID.test(id);
}

const VOTER_ID = new RegExp(`^[A-Za-z0-9_.-]{1,${MAX_VOTER_ID_CHARS}}$`);
/** Voter ids are given by the app (one per browser); they come before ':' in dot keys. */
export function isVoterId(id: unknown): id is string {
  return typeof id === 'string' && VOTER_ID.test(id);
}

export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

export function isViewport(v: unknown): v is Viewport {
  if (typeof v !== 'object' || v === null) return false;
  const { x, y, zoom } = v as Record<string, unknown>;
  return typeof x === 'number' && Number.isFinite(x) && typeof y === 'number' && Number.isFinite(y)
    && typeof zoom === 'number' && Number.isFinite(zoom) && zoom > 0;
}

/** A reference to a factor or a loop: a vote's target, a group's origin. */
export interface FactorOrLoop {
  readonly kind: 'factor' | 'loop';
  readonly id: string;
}

export function isFactorOrLoop(v: unknown): v is FactorOrLoop {
  if (typeof v !== 'object' || v === null) return false;
  const { kind, id } = v as Record<string, unknown>;
  return (kind === 'factor' || kind === 'loop') && typeof id === 'string' && id !== ''
    && id.length <= MAX_LOOP_ID_CHARS;
}
