import { MAX_NOTES_CHARS, SCHEMA_VERSION } from '../schema';
import { CORE_JSON_KEYS, modelRegistry } from '../registry';
import { FACTORS_SPEC, isPolarity, isStrength, LINKS_SPEC, META_SPEC, type RootSpec } from '../spec';
import { readFactorSourcesFile, readLinkSourcesFile, type SourcesRead } from '../merge/provenance-json';
import { ioIssue, IssueList } from './issues';

import { jsonErrorOffset } from './json-syntax';
import {
  limitIssues, type MetaValue, type ParsedFactor, type ParsedLink, type ParseResult,
} from './parsed';

/**
 * Reads Trame's own JSON file. Everything is checked before anything is written, and every
 * problem names its field (`factors[3].label`), so the user can fix the file.
 */

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function syntaxPosition(text: string): { line: number; column: number } {
  const pos = jsonErrorOffset(text);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  return { line, column: pos - before.lastIndexOf('\n') };
}

/** A file's factors and links carry their id beside the fields of their spec. */
const FACTOR_FIELDS = new Set(['id', ...Object.keys(FACTORS_SPEC.fields)]);
const LINK_FIELDS = new Set(['id', ...Object.keys(LINKS_SPEC.fields)]);
const MAX_ID_CHARS = 200;
const MAX_META_KEYS = 100;

/** The limit and blank rule of a text field, as its spec declares them. */
function textRule(spec: RootSpec, key: string): { max: number; nonEmpty: boolean } {
  const type = spec.fields[key]?.type;
  if (type?.kind !== 'text') throw new Error(`${spec.name}.${key} is not a text field`);
  return { max: type.maxChars, nonEmpty: type.blank !== 'allowed' };
}
const LABEL = textRule(FACTORS_SPEC, 'label');
const THEME = textRule(FACTORS_SPEC, 'theme');
const FACTOR_NOTES = textRule(FACTORS_SPEC, 'notes');
const ICON = textRule(FACTORS_SPEC, 'icon');
const LINK_NOTES = textRule(LINKS_SPEC, 'notes');
const TITLE = textRule(META_SPEC, 'title');
const LANGUAGE = textRule(META_SPEC, 'language');

/** A file's `sources` (provenance, issue 18), or where it is wrong. */
function sourcesOf<T>(c: Checker, item: Obj, where: string, read: (raw: unknown) => SourcesRead<T>): T[] | undefined {
  if (item.sources === undefined) return undefined;
  const r = read(item.sources);
  if (r.ok) return r.sources;
  const path = `${where}.sources${r.where}`;
  c.errors.add(r.where === '' ? 'json.notArray' : 'json.notObject', { where: path }, path);
  return undefined;
}

class Checker {
  readonly errors = new IssueList();
  readonly warnings = new IssueList();

  string(o: Obj, key: string, where: string, opts: { required?: boolean; max: number; nonEmpty?: boolean }): string | undefined {
    const path = `${where}.${key}`;
    const v = o[key];
    if (v === undefined) {
      if (opts.required) this.errors.add('json.required', { where: path }, path);
      return undefined;
    }
    if (typeof v !== 'string') {
      this.errors.add('json.notString', { where: path }, path);
      return undefined;
    }
    if (opts.nonEmpty && v.trim() === '') this.errors.add('json.empty', { where: path }, path);
    if (v.length > opts.max) this.errors.add('json.tooLong', { where: path, max: opts.max }, path);
    return v;
  }

  unknownFields(o: Obj, known: ReadonlySet<string>, where: string): void {
    for (const k of Object.keys(o)) {
      if (!known.has(k)) this.warnings.add('json.unknownField', { where: `${where}.${k}` }, `${where}.${k}`);
    }
  }
}

function readMeta(c: Checker, raw: unknown): Record<string, MetaValue> {
  const meta: Record<string, MetaValue> = {};
  if (raw === undefined) return meta;
  if (!isObject(raw)) {
    c.errors.add('json.notObject', { where: 'meta' }, 'meta');
    return meta;
  }
  for (const [k, v] of Object.entries(raw).slice(0, MAX_META_KEYS)) {
    const where = `meta.${k}`;
    if (k === 'schemaVersion') continue;
    if (k === 'title' || k === 'language') {
      const s = c.string(raw, k, 'meta', { max: (k === 'title' ? TITLE : LANGUAGE).max });
      if (s !== undefined) meta[k] = s;
    } else if (typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) {
      if (typeof v === 'string' && v.length > MAX_NOTES_CHARS) c.errors.add('json.tooLong', { where, max: MAX_NOTES_CHARS }, where);
      else meta[k] = v;
    } else {
      c.errors.add('json.badMetaValue', { where }, where);
    }
  }
  return meta;
}

function readFactors(c: Checker, raw: unknown): ParsedFactor[] {
  const out: ParsedFactor[] = [];
  if (!Array.isArray(raw)) {
    c.errors.add(raw === undefined ? 'json.required' : 'json.notArray', { where: 'factors' }, 'factors');
    return out;
  }
  const seen = new Set<string>();
  raw.forEach((item: unknown, i) => {
    const where = `factors[${i}]`;
    if (!isObject(item)) {
      c.errors.add('json.notObject', { where }, where);
      return;
    }
    c.unknownFields(item, FACTOR_FIELDS, where);
    const id = c.string(item, 'id', where, { required: true, max: MAX_ID_CHARS, nonEmpty: true });
    if (id !== undefined && seen.has(id)) c.errors.add('json.duplicateId', { where: `${where}.id`, id }, `${where}.id`);
    if (id !== undefined) seen.add(id);
    const label = c.string(item, 'label', where, { required: true, ...LABEL });
    const theme = c.string(item, 'theme', where, THEME);
    const notes = c.string(item, 'notes', where, FACTOR_NOTES);
    const icon = c.string(item, 'icon', where, ICON);
    const sources = sourcesOf(c, item, where, readFactorSourcesFile);
    const { x, y } = item;
    for (const [k, v] of [['x', x], ['y', y]] as const) {
      if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v))) {
        c.errors.add('json.notNumber', { where: `${where}.${k}` }, `${where}.${k}`);
      }
    }
    if ((x === undefined) !== (y === undefined)) c.errors.add('json.positionPair', { where }, where);
    if (id === undefined || label === undefined) return;
    const f: { -readonly [K in keyof ParsedFactor]: ParsedFactor[K] } = { key: id, label };
    if (typeof x === 'number' && typeof y === 'number') {
      f.x = x;
      f.y = y;
    }
    if (theme) f.theme = theme;
    if (notes) f.notes = notes;
    if (icon) f.icon = icon;
    if (sources) f.sources = sources;
    out.push(f);
  });
  return out;
}

function readLinks(c: Checker, raw: unknown, factorIds: ReadonlySet<string>): ParsedLink[] {
  const out: ParsedLink[] = [];
  if (!Array.isArray(raw)) {
    c.errors.add(raw === undefined ? 'json.required' : 'json.notArray', { where: 'links' }, 'links');
    return out;
  }
  const seenIds = new Set<string>();
  const pairs = new Map<string, string>();
  raw.forEach((item: unknown, i) => {
    const where = `links[${i}]`;
    if (!isObject(item)) {
      c.errors.add('json.notObject', { where }, where);
      return;
    }
    c.unknownFields(item, LINK_FIELDS, where);
    const id = c.string(item, 'id', where, { max: MAX_ID_CHARS, nonEmpty: true });
    if (id !== undefined && seenIds.has(id)) c.errors.add('json.duplicateId', { where: `${where}.id`, id }, `${where}.id`);
    if (id !== undefined) seenIds.add(id);
    const ends: string[] = [];
    for (const k of ['source', 'target'] as const) {
      const v = c.string(item, k, where, { required: true, max: MAX_ID_CHARS });
      if (v === undefined) continue;
      if (!factorIds.has(v)) c.errors.add('json.unknownFactor', { where: `${where}.${k}`, id: v }, `${where}.${k}`);
      ends.push(v);
    }
    const [source, target] = ends;
    if (source !== undefined && source === target) c.errors.add('json.selfLink', { where }, where);
    if (source !== undefined && target !== undefined) {
      const pair = `${source}\u0000${target}`;
      const first = pairs.get(pair);
      if (first !== undefined) c.errors.add('json.duplicateLink', { where, first }, where);
      else pairs.set(pair, where);
    }
    const { polarity, strength, delay } = item;
    if (polarity === undefined) c.errors.add('json.required', { where: `${where}.polarity` }, `${where}.polarity`);
    else if (!isPolarity(polarity)) c.errors.add('json.badPolarity', { where: `${where}.polarity`, value: String(polarity) }, `${where}.polarity`);
    if (strength !== undefined && !isStrength(strength)) {
      c.errors.add('json.badStrength', { where: `${where}.strength`, value: String(strength) }, `${where}.strength`);
    }
    if (delay !== undefined && typeof delay !== 'boolean') c.errors.add('json.notBoolean', { where: `${where}.delay` }, `${where}.delay`);
    const notes = c.string(item, 'notes', where, LINK_NOTES);
    const sources = sourcesOf(c, item, where, readLinkSourcesFile);
    if (source === undefined || target === undefined || !isPolarity(polarity)) return;
    const l: { -readonly [K in keyof ParsedLink]: ParsedLink[K] } = { source, target, polarity };
    if (id !== undefined) l.key = id;
    if (isStrength(strength)) l.strength = strength;
    if (delay === true) l.delay = true;
    if (notes) l.notes = notes;
    if (sources) l.sources = sources;
    out.push(l);
  });
  return out;
}

export function parseJson(text: string): ParseResult {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    const pos = syntaxPosition(text);
    return { ok: false, errors: [ioIssue('json.syntax', pos, `line ${pos.line}`)] };
  }
  if (!isObject(root) || root.format !== 'trame') return { ok: false, errors: [ioIssue('json.notTrame', {}, 'format')] };
  const version = root.schemaVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > SCHEMA_VERSION) {
    return { ok: false, errors: [ioIssue('json.newerVersion', { version, supported: SCHEMA_VERSION }, 'schemaVersion')] };
  }
  const c = new Checker();
  if (version === undefined) c.errors.add('json.required', { where: 'schemaVersion' }, 'schemaVersion');
  else if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    c.errors.add('json.badVersion', { where: 'schemaVersion', supported: SCHEMA_VERSION }, 'schemaVersion');
  }
  const meta = readMeta(c, root.meta);
  const factors = readFactors(c, root.factors);
  const factorIds = new Set(factors.map((f) => f.key));
  const links = readLinks(c, root.links, factorIds);
  const linkIds = new Set(links.flatMap((l) => (l.key === undefined ? [] : [l.key])));
  const sections: Record<string, unknown> = {};
  const registered = modelRegistry.jsonSections();
  for (const [name, raw] of Object.entries(root)) {
    if (CORE_JSON_KEYS.has(name)) continue;
    const section = registered.get(name);
    if (!section) {
      c.warnings.add('json.unknownSection', { name }, name);
      continue;
    }
    let problems;
    try {
      problems = section.validate(raw, { factorIds, linkIds });
    } catch (err) {
      problems = [{ where: name, message: err instanceof Error ? err.message : String(err) }];
    }
    for (const p of problems) c.errors.add('json.section', { where: p.where, detail: p.message }, p.where);
    sections[name] = raw;
  }
  for (const issue of limitIssues(factors.length, links.length)) c.errors.push(issue);
  if (!c.errors.empty) return { ok: false, errors: c.errors.toArray() };
  return {
    ok: true,
    map: {
      format: 'json', meta, factors, links, keepIds: true, matchByLabel: false, themeIsName: false,
      sections, warnings: c.warnings.toArray(),
    },
  };
}
