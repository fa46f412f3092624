import * as Y from 'yjs';
import type { Warn } from './log';
import {
  MAX_LABEL_CHARS, MAX_NOTES_CHARS, MAX_STRENGTH, MIN_STRENGTH, POLARITIES,
  type Factor, type Link, type Polarity,
} from './schema';

/**
 * Readers of peer data. A peer may have written anything (an old client, a bug, a hostile
 * script), so every field is checked; a bad required field skips the entry, a bad optional
 * field is dropped. Nothing here throws.
 */
export type { Warn } from './log';

export function isPolarity(v: unknown): v is Polarity {
  return typeof v === 'string' && (POLARITIES as readonly string[]).includes(v);
}

function optionalString(m: Y.Map<unknown>, key: string, max: number): string | undefined {
  const v = m.get(key);
  return typeof v === 'string' && v.length <= max ? v : undefined;
}

export function readFactor(id: string, value: unknown, warn: Warn): Factor | null {
  if (!(value instanceof Y.Map)) {
    warn(`factor ${id}: not a map, skipped`);
    return null;
  }
  const label = value.get('label');
  const x = value.get('x');
  const y = value.get('y');
  if (typeof label !== 'string' || label.length > MAX_LABEL_CHARS) {
    warn(`factor ${id}: bad label, skipped`);
    return null;
  }
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
    warn(`factor ${id}: bad position, skipped`);
    return null;
  }
  const f: { -readonly [K in keyof Factor]: Factor[K] } = { id, label, x, y };
  const theme = optionalString(value, 'theme', MAX_LABEL_CHARS);
  const notes = optionalString(value, 'notes', MAX_NOTES_CHARS);
  const icon = optionalString(value, 'icon', 64);
  if (theme !== undefined) f.theme = theme;
  if (notes !== undefined) f.notes = notes;
  if (icon !== undefined) f.icon = icon;
  return f;
}

export function isStrength(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= MIN_STRENGTH && v <= MAX_STRENGTH;
}

export function readLink(id: string, value: unknown, warn: Warn): Link | null {
  if (!(value instanceof Y.Map)) {
    warn(`link ${id}: not a map, skipped`);
    return null;
  }
  const source = value.get('source');
  const target = value.get('target');
  const polarity = value.get('polarity');
  if (typeof source !== 'string' || typeof target !== 'string' || source === target) {
    warn(`link ${id}: bad endpoints, skipped`);
    return null;
  }
  if (!isPolarity(polarity)) {
    warn(`link ${id}: bad polarity, skipped`);
    return null;
  }
  const l: { -readonly [K in keyof Link]: Link[K] } = { id, source, target, polarity };
  const strength = value.get('strength');
  if (isStrength(strength)) l.strength = strength;
  const delay = value.get('delay');
  if (typeof delay === 'boolean') l.delay = delay;
  const notes = optionalString(value, 'notes', MAX_NOTES_CHARS);
  if (notes !== undefined) l.notes = notes;
  return l;
}
