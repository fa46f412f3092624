import { isIsoDate, isThemeColor } from './checks';
import type { Blank, FieldSpec, FieldType, Fields, IfBad } from './types';

/**
 * Builders for the specs' fields, so that each root reads as a table, and the one test of a
 * value against its field's type, used by the readers (spec/read.ts) and the importers.
 */
interface Opts {
  readonly required?: boolean | string;
  readonly ifBad?: IfBad;
  readonly default?: unknown;
}

function field(type: FieldType, note: string, o: Opts = {}): FieldSpec {
  const required = o.required ?? false;
  const ifBad = o.ifBad ?? (required === true ? 'skip-entry' : 'drop-field');
  return o.default === undefined ? { type, required, ifBad, note } : { type, required, ifBad, default: o.default, note };
}

export const f = {
  text: (maxChars: number, blank: Blank, note = '', o: Opts & { long?: 'bad' | 'truncated' } = {}) =>
    field(o.long ? { kind: 'text', maxChars, blank, long: o.long } : { kind: 'text', maxChars, blank }, note, o),
  finite: (note = '', o: Opts & { min?: number; exclusiveMin?: boolean } = {}) =>
    field({ kind: 'finite', ...(o.min === undefined ? {} : { min: o.min, exclusiveMin: o.exclusiveMin ?? false }) }, note, o),
  integer: (min: number, max: number, note = '', o: Opts = {}) => field({ kind: 'integer', min, max }, note, o),
  boolean: (note = '', o: Opts & { onlyTrue?: boolean } = {}) =>
    field({ kind: 'boolean', ...(o.onlyTrue ? { onlyTrue: true } : {}) }, note, o),
  oneOf: (values: readonly string[], note = '', o: Opts = {}) => field({ kind: 'enum', values }, note, o),
  color: (note = '', o: Opts = {}) => field({ kind: 'color' }, note, o),
  date: (empty: boolean, note = '', o: Opts = {}) => field({ kind: 'date', empty }, note, o),
  set: (of: string, note = '', o: Opts & { maxItems?: number; maxItemChars?: number } = {}) =>
    field({
      kind: 'set', of,
      ...(o.maxItems === undefined ? {} : { maxItems: o.maxItems }),
      ...(o.maxItemChars === undefined ? {} : { maxItemChars: o.maxItemChars }),
    }, note, o),
  object: (shape: string, check: (v: unknown) => boolean, note = '', o: Opts = {}) =>
    field({ kind: 'object', shape, check }, note, o),
  map: (shape: string, note = '', o: Opts = {}) => field({ kind: 'map', shape }, note, o),
  records: (of: string, fields: Fields, note = '', o: Opts = {}) => field({ kind: 'records', of, fields }, note, o),
};

export function isBlank(v: string): boolean {
  return v.trim() === '';
}

/**
 * Whether a plain value fits its field's type. Nested Yjs structures (set, map, records) are
 * the root reader's own business and pass here; a blank text passes unless its field refuses
 * blanks (a placeholder is a reader's choice, see readFields).
 */
export function fits(type: FieldType, v: unknown): boolean {
  switch (type.kind) {
    case 'text':
      return typeof v === 'string' && (type.long === 'truncated' || v.length <= type.maxChars)
        && (type.blank !== 'refused' || !isBlank(v));
    case 'finite':
      return typeof v === 'number' && Number.isFinite(v)
        && (type.min === undefined || (type.exclusiveMin ? v > type.min : v >= type.min));
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v) && v >= type.min && v <= type.max;
    case 'boolean':
      return typeof v === 'boolean';
    case 'enum':
      return typeof v === 'string' && type.values.includes(v);
    case 'color':
      return isThemeColor(v);
    case 'date':
      return typeof v === 'string' && ((type.empty && v === '') || isIsoDate(v));
    case 'object':
      return type.check(v);
    case 'set':
    case 'map':
    case 'records':
      return true;
  }
}

/** What a writer must refuse: a blank where the field wants a name, or a value that does not fit. */
export function writable(type: FieldType, v: unknown): boolean {
  if (type.kind === 'text' && typeof v === 'string' && type.blank !== 'allowed' && isBlank(v)) return false;
  if (type.kind === 'text' && typeof v === 'string' && v.length > type.maxChars) return false;
  return fits(type, v);
}

/** The limit of a text field, as its spec declares it (writers cut to it, importers refuse past it). */
export function maxChars(fields: Fields, key: string): number {
  const type = fields[key]?.type;
  if (type?.kind !== 'text') throw new Error(`${key} is not a text field`);
  return type.maxChars;
}
