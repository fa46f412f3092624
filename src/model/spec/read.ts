import * as Y from 'yjs';
import type { Warn } from '../log';
import { fits, isBlank } from './fields';
import { PLACEHOLDER_LABEL } from './limits';
import type { EntryRule, Fields, RootSpec } from './types';

/**
 * The reading half of the spec: one entry of a root, as a peer wrote it, checked field by
 * field against its spec. A bad required field skips the entry, a bad optional field is
 * dropped, a field with a default reads as the default; each skip or drop warns once, naming
 * the entry by its id. Nested structures (sets, maps, records) are left to the root's reader.
 * Nothing here throws.
 */
export type Plain = Record<string, unknown>;

const MAX_ID_IN_WARNING_CHARS = 80;

export function entryName(spec: Pick<RootSpec, 'entry'>, id: string): string {
  return `${spec.entry} ${id.slice(0, MAX_ID_IN_WARNING_CHARS)}`;
}

export function readFields(
  fields: Fields, what: string, m: Y.Map<unknown>, warn: Warn, rules: readonly EntryRule[] = [],
): Plain | null {
  const out: Plain = {};
  for (const key in fields) {
    const spec = fields[key]!;
    const { type } = spec;
    if (type.kind === 'set' || type.kind === 'map' || type.kind === 'records') continue;
    const v = m.get(key);
    if (v === undefined) {
      if (spec.required === true && spec.ifBad === 'skip-entry') {
        warn(`${what}: missing ${key}, skipped`);
        return null;
      }
      if (spec.default !== undefined) out[key] = spec.default;
      continue;
    }
    if (!fits(type, v)) {
      if (spec.ifBad === 'skip-entry') {
        warn(`${what}: bad ${key}, skipped`);
        return null;
      }
      // A default stands in quietly (meta is read on every change); a dropped field says so.
      if (spec.ifBad === 'drop-field') warn(`${what}: bad ${key}, dropped`);
      if (spec.default !== undefined) out[key] = spec.default;
      continue;
    }
    if (type.kind === 'text' && typeof v === 'string') {
      if (type.blank === 'placeholder' && isBlank(v)) {
        warn(`${what}: blank ${key}, shown as ${PLACEHOLDER_LABEL}`);
        out[key] = PLACEHOLDER_LABEL;
      } else {
        out[key] = v.length > type.maxChars ? v.slice(0, type.maxChars) : v;
      }
      continue;
    }
    out[key] = v;
  }
  for (const r of rules) {
    if (!r.holds(out)) {
      warn(`${what}: ${r.rule} does not hold, skipped`);
      return null;
    }
  }
  return out;
}

/** One entry of a `records` root: its key checked, its value a Y.Map, its fields read. */
export function readEntry(spec: RootSpec, id: string, value: unknown, warn: Warn): (Plain & { id: string }) | null {
  const what = entryName(spec, id);
  if (spec.key.check && !spec.key.check(id)) {
    warn(`${what}: bad id, skipped`);
    return null;
  }
  if (!(value instanceof Y.Map)) {
    warn(`${what}: not a map, skipped`);
    return null;
  }
  const fields = readFields(spec.fields, what, value, warn, spec.rules);
  return fields ? { id, ...fields } : null;
}
