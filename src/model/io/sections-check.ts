import { canonicalLoopId } from '../analysis/loops';
import { newId } from '../ids';
import { expectedText, MAX_LOOP_ID_CHARS, writable, type FieldSpec, type Fields } from '../spec';
import type { SectionImportContext, SectionIssue } from './json-sections';

/**
 * Small helpers shared by the workshop sections of the JSON format (stories, views, votes,
 * groups): shape checks that collect issues with their path, and id remapping on import.
 */
export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const MAX_ISSUES = 50;

export class SectionCheck {
  readonly issues: SectionIssue[] = [];

  fail(where: string, message: string): false {
    if (this.issues.length < MAX_ISSUES) this.issues.push({ where, message });
    return false;
  }

  /** A list of at most max items, each handed to `each` when it is an object. */
  list(raw: unknown, where: string, max: number, each: (o: Obj, where: string) => void): void {
    if (!Array.isArray(raw)) {
      this.fail(where, 'must be a list');
      return;
    }
    if (raw.length > max) {
      this.fail(where, `more than ${max} entries`);
      return;
    }
    raw.forEach((item, i) => {
      const at = `${where}[${i}]`;
      if (isObj(item)) each(item, at);
      else this.fail(at, 'must be an object');
    });
  }

  /** A string of at most max characters; `required` also refuses one that is blank. */
  text(o: Obj, key: string, where: string, max: number, required = false): boolean {
    const v = o[key];
    if (v === undefined && !required) return true;
    if (typeof v !== 'string') return this.fail(`${where}.${key}`, required && v === undefined ? 'missing' : 'must be text');
    if (v.length > max) return this.fail(`${where}.${key}`, `longer than ${max} characters`);
    if (required && v.trim() === '') return this.fail(`${where}.${key}`, 'must not be empty');
    return true;
  }

  number(o: Obj, key: string, where: string, opts: { integer?: boolean; min?: number; max?: number; required?: boolean } = {}): boolean {
    const v = o[key];
    if (v === undefined && !opts.required) return true;
    const ok = typeof v === 'number' && Number.isFinite(v) && (!opts.integer || Number.isInteger(v))
      && (opts.min === undefined || v >= opts.min) && (opts.max === undefined || v <= opts.max);
    return ok || this.fail(`${where}.${key}`, v === undefined ? 'missing' : 'bad number');
  }

  strings(o: Obj, key: string, where: string, maxItems: number, maxChars: number): boolean {
    const v = o[key];
    if (v === undefined) return true;
    if (!Array.isArray(v) || v.length > maxItems) return this.fail(`${where}.${key}`, `must be a list of at most ${maxItems} texts`);
    const bad = v.findIndex((s) => typeof s !== 'string' || s.length > maxChars);
    return bad < 0 || this.fail(`${where}.${key}[${bad}]`, `must be text of at most ${maxChars} characters`);
  }

  /**
   * A field checked against its spec (src/model/spec): what a reader would accept and a writer
   * would write, so an import never brings in what the map would then skip or refuse. Whether
   * the file must have it is the section's choice (a view's title may be left out).
   */
  field(o: Obj, key: string, where: string, spec: FieldSpec, required = false): boolean {
    const v = o[key];
    if (v === undefined) return required ? this.fail(`${where}.${key}`, 'missing') : true;
    return writable(spec.type, v) || this.fail(`${where}.${key}`, `must be ${expectedText(spec.type)}`);
  }

  /** The given fields of a spec; those in `required` must be present. */
  fields(o: Obj, where: string, fields: Fields, keys: readonly string[], required: readonly string[] = []): boolean {
    let ok = true;
    for (const key of keys) ok = this.field(o, key, where, fields[key]!, required.includes(key)) && ok;
    return ok;
  }

  /** Ids must be non-empty strings, unique within their list. */
  id(o: Obj, where: string, seen: Set<string>): boolean {
    const id = o.id;
    if (typeof id !== 'string' || id === '' || id.length > 128) return this.fail(`${where}.id`, 'must be a non-empty text');
    if (seen.has(id)) return this.fail(`${where}.id`, `the id '${id}' is used twice`);
    seen.add(id);
    return true;
  }
}

/** An id of the section's own: the file's when the import keeps ids and it is free, else a fresh one. */
export function ownId(ctx: SectionImportContext, fileId: string, ok: (id: string) => boolean): string {
  const id = ctx.freshId(fileId);
  return ok(id) ? id : newId();
}

/** A loop id ('a>b>c') in the map's factor ids, or null when one of its factors did not come in. */
export function mapLoopId(ctx: SectionImportContext, loopId: string): string | null {
  const parts = loopId.split('>').map((p) => ctx.idMap.get(p));
  if (parts.length < 2 || parts.some((p) => p === undefined)) return null;
  const id = canonicalLoopId(parts as string[]);
  // Fresh ids may be longer than the file's: a loop id too long to store is dropped, not refused.
  return id.length <= MAX_LOOP_ID_CHARS ? id : null;
}

/** A reference to a factor or a loop in the map's ids; null when it did not come in. */
export function mapTarget(ctx: SectionImportContext, kind: 'factor' | 'loop', id: string): string | null {
  return kind === 'factor' ? (ctx.idMap.get(id) ?? null) : mapLoopId(ctx, id);
}
