import { ioIssue, IssueList } from './issues';
import { parseJson } from './json-read';
import type { MetaValue, ParseResult } from './parsed';
import { buildPeerMap, splitTags, type PeerConnection, type PeerElement, type PeerLoop, type Place } from './peer-map';
import { isObj, type Obj } from './sections-check';

/**
 * Kumu's JSON: a blueprint as its documentation writes it by hand
 *
 *   { "elements": [{ "label", "type"?, "description"?, "tags"?, "id"? }],
 *     "connections": [{ "from", "to", "type"?, "direction"?, "id"? }] }
 *
 * or a full project export, where each item keeps its fields under `attributes` ("label",
 * "element type", "connection type", "description", "tags"), has an `_id`, connections name
 * elements by that id, `loops` list their connections' ids, and `maps` hold the elements'
 * positions ({ "element": id, "position": { x, y } }). Recognised by that shape.
 */
export function isKumuJson(data: unknown): data is Obj {
  if (!isObj(data) || data.format === 'trame') return false;
  return Array.isArray(data.elements) && (data.connections === undefined || Array.isArray(data.connections));
}

/** Fields looked up without case: Kumu writes "Label" in sheets and "label" in JSON. */
function fields(item: Obj): Map<string, unknown> {
  const own = isObj(item.attributes) ? { ...item, ...item.attributes } : item;
  return new Map(Object.entries(own).map(([k, v]) => [k.toLowerCase(), v]));
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

function first(f: Map<string, unknown>, ...keys: string[]): string | undefined {
  for (const k of keys) {
    const v = text(f.get(k));
    if (v !== undefined && v.trim() !== '') return v;
  }
  return undefined;
}

function tagsOf(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap((t) => (typeof t === 'string' ? splitTags(t) : []));
  return typeof v === 'string' ? splitTags(v) : [];
}

function idOf(item: Obj): string | undefined {
  return text(item._id) ?? text(item.id);
}

function place(where: string): Place {
  return { params: { where }, where, short: where };
}

/** Positions from the default map of a full export (or its first map). */
function positions(data: Obj): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  if (!Array.isArray(data.maps)) return out;
  const maps = data.maps.filter(isObj);
  const map = maps.find((m) => m._id !== undefined && m._id === data.defaultMap) ?? maps[0];
  if (!map || !Array.isArray(map.elements)) return out;
  for (const e of map.elements) {
    if (!isObj(e) || !isObj(e.position)) continue;
    const id = text(e.element);
    const { x, y } = e.position;
    if (id !== undefined && typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)) {
      out.set(id, { x, y });
    }
  }
  return out;
}

function titleOf(data: Obj): string | undefined {
  if (!Array.isArray(data.maps)) return text(data.name);
  const maps = data.maps.filter(isObj);
  const map = maps.find((m) => m._id !== undefined && m._id === data.defaultMap) ?? maps[0];
  return text(map?.name) ?? text(data.name);
}

export function parseKumu(data: Obj): ParseResult {
  const issues = new IssueList();
  const list = (key: 'elements' | 'connections' | 'loops'): Obj[] => {
    const raw = data[key];
    if (raw === undefined) return [];
    if (!Array.isArray(raw)) {
      issues.add('kumu.notList', { where: key }, key);
      return [];
    }
    return raw.flatMap((item: unknown, i) => {
      if (isObj(item)) return [item];
      issues.add('kumu.notObject', { where: `${key}[${i}]` }, `${key}[${i}]`);
      return [];
    });
  };
  const at = positions(data);
  const rawElements = list('elements');
  const elements: PeerElement[] = [];
  rawElements.forEach((item, i) => {
    const where = `elements[${i}]`;
    const f = fields(item);
    const label = first(f, 'label', 'name');
    if (label === undefined) {
      issues.add('kumu.missingLabel', { where }, where);
      return;
    }
    const id = idOf(item);
    const pos = id === undefined ? undefined : at.get(id);
    elements.push({
      place: place(where),
      ...(id !== undefined ? { id } : {}),
      label,
      ...(first(f, 'element type', 'type') !== undefined ? { type: first(f, 'element type', 'type')! } : {}),
      tags: tagsOf(f.get('tags')),
      ...(first(f, 'description', 'notes', 'note') !== undefined ? { notes: first(f, 'description', 'notes', 'note')! } : {}),
      ...(pos ?? {}),
    });
  });
  const connections: PeerConnection[] = [];
  list('connections').forEach((item, i) => {
    const where = `connections[${i}]`;
    const f = fields(item);
    const from = text(item.from);
    const to = text(item.to);
    if (from === undefined || to === undefined) {
      issues.add('json.required', { where: `${where}.${from === undefined ? 'from' : 'to'}` }, where);
      return;
    }
    const id = idOf(item);
    const strength = text(f.get('strength'));
    const delayed = item.delayed === true || f.get('delay') === true;
    connections.push({
      place: place(where),
      ...(id !== undefined ? { id } : {}),
      from,
      to,
      ...(first(f, 'connection type', 'type') !== undefined ? { type: first(f, 'connection type', 'type')! } : {}),
      ...(strength !== undefined ? { strength } : {}),
      delay: delayed,
      ...(first(f, 'label') !== undefined ? { label: first(f, 'label')! } : {}),
      ...(first(f, 'description', 'notes', 'note') !== undefined ? { notes: first(f, 'description', 'notes', 'note')! } : {}),
      ...(text(item.direction) !== undefined ? { direction: text(item.direction)! } : {}),
    });
  });
  const loops: PeerLoop[] = list('loops').map((item) => {
    const f = fields(item);
    const ids = Array.isArray(item.connections) ? item.connections : f.get('connections');
    return {
      name: first(f, 'label', 'name') ?? '',
      ...(first(f, 'description') !== undefined ? { notes: first(f, 'description')! } : {}),
      connections: Array.isArray(ids) ? ids.flatMap((c) => (text(c) !== undefined ? [text(c)!] : isObj(c) && text(c.connection) ? [text(c.connection)!] : [])) : [],
    };
  });
  if (!issues.empty) return { ok: false, errors: issues.toArray() };
  const meta: Record<string, MetaValue> = {};
  const title = titleOf(data)?.trim();
  if (title) meta.title = title.slice(0, 500);
  return buildPeerMap({
    dialect: 'kumu',
    format: 'kumu',
    meta,
    elements,
    connections,
    loops,
    // A full export names elements by their _id: a connection to an unknown id is a broken
    // file. A hand-written blueprint names them by label, and Kumu creates those it lacks.
    implicitFactors: !rawElements.some((e) => e._id !== undefined),
    warnings: [],
  });
}

/**
 * A JSON map of any kind Trame reads: Trame's own file, or a Kumu blueprint told by its shape.
 * A JSON document that is neither says what a map file looks like.
 */
export function parseJsonMap(source: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch {
    // Trame's JSON reader says where the syntax breaks.
    return parseJson(source);
  }
  if (isKumuJson(data)) return parseKumu(data);
  if (isObj(data) && !('format' in data) && !('factors' in data)) {
    return { ok: false, errors: [ioIssue('import.jsonNotMap')] };
  }
  return parseJson(source);
}
