import { isStrength, MAX_ICON_CHARS, MAX_LABEL_CHARS, MAX_LANGUAGE_CHARS, MAX_NOTES_CHARS, type Polarity } from '../spec';
import { ioIssue, IssueList } from './issues';
import { limitIssues, type MetaValue, type ParsedFactor, type ParsedLink, type ParseResult } from './parsed';
import { parsePolarity } from './values';
import { childrenNamed, localName, parseXml, textOf, type XmlElement } from './xml';

/**
 * Reads GraphML written by Trame, Gephi, yEd, networkx or igraph. Attributes are found by
 * their `attr.name` (any case) and typed by `attr.type`; a yEd file without a label or
 * position attribute gives its drawn label and geometry instead.
 */
interface Key {
  readonly name: string;
  readonly type: string;
  readonly fallback?: string;
}

type Value = string | number | boolean;

function readKeys(root: XmlElement): Map<string, Key> {
  const keys = new Map<string, Key>();
  for (const k of childrenNamed(root, 'key')) {
    const id = k.attrs.get('id');
    if (id === undefined) continue;
    const def = childrenNamed(k, 'default')[0];
    keys.set(id, {
      name: (k.attrs.get('attr.name') ?? id).toLowerCase(),
      type: (k.attrs.get('attr.type') ?? 'string').toLowerCase(),
      ...(def ? { fallback: textOf(def) } : {}),
    });
  }
  return keys;
}

function typed(raw: string, type: string): Value | null {
  const v = raw.trim();
  switch (type) {
    case 'int':
    case 'long':
      return /^[+-]?\d+$/.test(v) ? Number(v) : null;
    case 'float':
    case 'double': {
      const n = v === '' ? NaN : Number(v);
      return Number.isFinite(n) ? n : null;
    }
    case 'boolean':
      return /^(true|1)$/i.test(v) ? true : /^(false|0)$/i.test(v) ? false : null;
    default:
      return raw;
  }
}

/** Attribute values of an element by lower-case attr.name, defaults included. */
function values(el: XmlElement, keys: ReadonlyMap<string, Key>, where: string, issues: IssueList): Map<string, Value> {
  const out = new Map<string, Value>();
  const found = new Map<string, string>();
  for (const d of childrenNamed(el, 'data')) {
    const id = d.attrs.get('key');
    if (id !== undefined) found.set(id, textOf(d));
  }
  for (const [id, key] of keys) {
    const raw = found.get(id) ?? key.fallback;
    if (raw === undefined) continue;
    const v = typed(raw, key.type);
    if (v === null) issues.add('graphml.badValue', { where, key: key.name, value: raw.slice(0, 40), type: key.type }, where);
    else out.set(key.name, v);
  }
  return out;
}

function descendant(el: XmlElement, local: string): XmlElement | undefined {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (localName(c.name) === local) return c;
    const deeper = descendant(c, local);
    if (deeper) return deeper;
  }
  return undefined;
}

function text(v: Value | undefined): string | undefined {
  return v === undefined ? undefined : String(v).trim() || undefined;
}

/** Notes keep their spaces and line breaks; only an empty or blank note is absent. */
function notesText(v: Value | undefined): string | undefined {
  return v === undefined || String(v).trim() === '' ? undefined : String(v);
}

function polarityOf(vals: ReadonlyMap<string, Value>): Polarity | null {
  const p = vals.get('polarity');
  if (p !== undefined) return parsePolarity(String(p));
  const sign = vals.get('sign');
  if (typeof sign === 'number') return sign > 0 ? '+' : sign < 0 ? '-' : '?';
  return '?';
}

export function parseGraphml(source: string): ParseResult {
  const xml = parseXml(source);
  if (!xml.ok) return xml;
  const { root } = xml;
  if (localName(root.name) !== 'graphml') return { ok: false, errors: [ioIssue('graphml.notGraphml')] };
  const graph = childrenNamed(root, 'graph')[0];
  if (!graph) return { ok: false, errors: [ioIssue('graphml.noGraph')] };
  const keys = readKeys(root);
  const issues = new IssueList();
  const warnings = [];
  if (graph.attrs.get('edgedefault') === 'undirected') warnings.push(ioIssue('graphml.undirected'));

  const meta: Record<string, MetaValue> = {};
  const graphVals = values(graph, keys, 'graph', issues);
  const title = text(graphVals.get('title'));
  const language = text(graphVals.get('language'));
  if (title) meta.title = title.slice(0, MAX_LABEL_CHARS);
  if (language) meta.language = language.slice(0, MAX_LANGUAGE_CHARS);

  const factors: ParsedFactor[] = [];
  const nodeIds = new Set<string>();
  childrenNamed(graph, 'node').forEach((n, i) => {
    const id = n.attrs.get('id');
    const where = `node[${id ?? `#${i + 1}`}]`;
    if (id === undefined || id === '') return issues.add('graphml.missingId', { where }, where);
    if (nodeIds.has(id)) return issues.add('graphml.duplicateNode', { where, id }, where);
    nodeIds.add(id);
    const vals = values(n, keys, where, issues);
    const yedLabel = descendant(n, 'NodeLabel');
    const label = text(vals.get('label')) ?? text(vals.get('name')) ?? (yedLabel ? text(textOf(yedLabel)) : undefined) ?? id;
    const theme = text(vals.get('theme'));
    const notes = notesText(vals.get('notes') ?? vals.get('note') ?? vals.get('description'));
    const icon = text(vals.get('icon'));
    if (label.length > MAX_LABEL_CHARS) issues.add('graphml.tooLong', { where, field: 'label', max: MAX_LABEL_CHARS }, where);
    if (notes && notes.length > MAX_NOTES_CHARS) issues.add('graphml.tooLong', { where, field: 'notes', max: MAX_NOTES_CHARS }, where);
    const f: { -readonly [K in keyof ParsedFactor]: ParsedFactor[K] } = { key: id, label };
    const geometry = descendant(n, 'Geometry');
    const x = vals.get('x') ?? typed(geometry?.attrs.get('x') ?? '', 'double');
    const y = vals.get('y') ?? typed(geometry?.attrs.get('y') ?? '', 'double');
    if (typeof x === 'number' && typeof y === 'number') {
      f.x = x;
      f.y = y;
    }
    if (theme) f.theme = theme.slice(0, MAX_LABEL_CHARS);
    if (notes) f.notes = notes;
    if (icon) f.icon = icon.slice(0, MAX_ICON_CHARS);
    factors.push(f);
  });

  const links: ParsedLink[] = [];
  const pairs = new Map<string, string>();
  childrenNamed(graph, 'edge').forEach((e, i) => {
    const id = e.attrs.get('id');
    const where = `edge[${id ?? `#${i + 1}`}]`;
    const source = e.attrs.get('source');
    const target = e.attrs.get('target');
    for (const end of [source, target]) {
      if (end === undefined) issues.add('graphml.missingId', { where }, where);
      else if (!nodeIds.has(end)) issues.add('graphml.unknownNode', { where, id: end }, where);
    }
    if (source === undefined || target === undefined) return;
    if (source === target) return issues.add('graphml.selfLink', { where }, where);
    const pair = `${source}\u0000${target}`;
    const first = pairs.get(pair);
    if (first !== undefined) return issues.add('graphml.duplicateLink', { where, first }, where);
    pairs.set(pair, where);
    const vals = values(e, keys, where, issues);
    const polarity = polarityOf(vals);
    if (polarity === null) return issues.add('graphml.unknownPolarity', { where, value: String(vals.get('polarity')) }, where);
    const strength = vals.get('strength');
    if (strength !== undefined && !isStrength(strength)) {
      return issues.add('graphml.badStrength', { where, value: String(strength) }, where);
    }
    const notes = notesText(vals.get('note') ?? vals.get('notes') ?? vals.get('description'));
    if (notes && notes.length > MAX_NOTES_CHARS) issues.add('graphml.tooLong', { where, field: 'note', max: MAX_NOTES_CHARS }, where);
    const l: { -readonly [K in keyof ParsedLink]: ParsedLink[K] } = { source, target, polarity };
    if (id) l.key = id;
    if (isStrength(strength)) l.strength = strength;
    if (vals.get('delay') === true) l.delay = true;
    if (notes) l.notes = notes;
    links.push(l);
  });

  for (const issue of limitIssues(factors.length, links.length)) issues.push(issue);
  if (!issues.empty) return { ok: false, errors: issues.toArray() };
  return {
    ok: true,
    map: {
      format: 'graphml', meta, factors, links, keepIds: true, matchByLabel: false, themeIsName: true,
      sections: {}, warnings,
    },
  };
}
