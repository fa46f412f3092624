import { describe, expect, it } from 'vitest';
import { createMapDoc, readLoopNotes, readSnapshot } from '../../../src/model';
import { importIntoDoc } from '../../../src/model/io';
import { isKumuJson, parseJsonMap, parseKumu } from '../../../src/model/io/kumu';
import { errorsOf, parsedOrThrow, quiet } from './helpers';

/** The blueprints of Kumu's documentation (guides/blueprints.md), as written there. */
const DOC_BLUEPRINT = {
  elements: [
    { label: 'A', type: 'Letter', description: 'This is A', tags: ['one', 'two'] },
    { label: 'B', type: 'Letter', 'Favorite Dessert': 'shave ice' },
  ],
  connections: [{ from: 'A', to: 'B', type: 'likes' }],
};

const SAME_LABELS = {
  elements: [{ id: 'e1', label: 'A' }, { id: 'e2', label: 'A' }],
  connections: [{ id: 'c1', from: 'e1', to: 'e2' }],
};

/**
 * A full project export as Kumu writes it (its "Export to JSON" backup): items keep their
 * fields under `attributes`, connections name elements by `_id`, loops list connection ids,
 * the default map holds positions.
 */
const FULL_EXPORT = {
  defaultMap: 'map-1',
  elements: [
    { _id: 'elem-a1', attributes: { label: 'Sécheresse', 'element type': 'Environnement', description: 'Pluies **irrégulières**' } },
    { _id: 'elem-b2', attributes: { label: 'Récoltes', tags: ['agriculture', 'revenus'] } },
    { _id: 'elem-c3', attributes: { label: 'Exode rural' } },
  ],
  connections: [
    { _id: 'conn-1', from: 'elem-a1', to: 'elem-b2', direction: 'directed', attributes: { 'connection type': '-' } },
    { _id: 'conn-2', from: 'elem-b2', to: 'elem-c3', direction: 'directed', delayed: true, attributes: { 'connection type': 'opposite', strength: 3 } },
    { _id: 'conn-3', from: 'elem-c3', to: 'elem-a1', direction: 'directed', attributes: { 'connection type': 'same', description: 'moins de bras' } },
  ],
  loops: [{ _id: 'loop-1', attributes: { label: 'Spirale de la sécheresse', description: 'vue par les femmes' }, connections: ['conn-3', 'conn-1', 'conn-2'] }],
  maps: [
    { _id: 'map-0', name: 'Brouillon', elements: [] },
    {
      _id: 'map-1',
      name: 'Mali central',
      elements: [
        { _id: 'x1', element: 'elem-a1', position: { x: 10, y: 20 }, style: {} },
        { _id: 'x2', element: 'elem-b2', position: { x: 300.5, y: -40 } },
        { _id: 'x3', element: 'elem-c3', position: { x: 150, y: 200 } },
      ],
      connections: [{ connection: 'conn-1', style: {} }],
    },
  ],
  perspectives: [],
};

describe('Kumu JSON import', () => {
  it("reads the documentation's blueprint: types as themes, other tags in the notes", () => {
    expect(isKumuJson(DOC_BLUEPRINT)).toBe(true);
    const map = parsedOrThrow(parseKumu(DOC_BLUEPRINT));
    expect(map.format).toBe('kumu');
    expect(map.factors).toEqual([
      { key: 'A', label: 'A', theme: 'Letter', notes: 'This is A\n\nTags: one | two' },
      { key: 'B', label: 'B', theme: 'Letter' },
    ]);
    expect(map.links).toEqual([{ source: 'A', target: 'B', polarity: '?' }]);
    expect(map.warnings.map((w) => w.message)).toEqual([
      "1 connection types that do not say + or − (such as 'likes') were read as ? (not decided)",
    ]);
  });

  it('tells elements with the same label apart by their ids', () => {
    const map = parsedOrThrow(parseKumu(SAME_LABELS));
    expect(map.factors.map((f) => [f.key, f.label])).toEqual([['e1', 'A'], ['e2', 'A']]);
    expect(map.links).toEqual([{ key: 'c1', source: 'e1', target: 'e2', polarity: '?' }]);
  });

  it('reads a mutual connection as two links and says when it reads an undirected one', () => {
    const map = parsedOrThrow(parseKumu({
      elements: [{ label: 'A' }, { label: 'B' }, { label: 'C' }],
      connections: [{ from: 'A', to: 'B', direction: 'mutual', type: '+' }, { from: 'B', to: 'C', direction: 'undirected' }, { from: 'C', to: 'D' }],
    }));
    expect(map.links.map((l) => `${l.source}${l.polarity}${l.target}`)).toEqual(['A+B', 'B+A', 'B?C', 'C?D']);
    expect(map.factors.map((f) => f.label)).toEqual(['A', 'B', 'C', 'D']);
    expect(map.warnings.map((w) => w.code)).toEqual(['kumu.undirected']);
  });

  it('reads a full export: polarity from + − same opposite, positions from the default map, loops by name', () => {
    const map = parsedOrThrow(parseKumu(FULL_EXPORT));
    expect(map.meta).toEqual({ title: 'Mali central' });
    expect(map.factors).toEqual([
      { key: 'elem-a1', label: 'Sécheresse', theme: 'Environnement', notes: 'Pluies **irrégulières**', x: 10, y: 20 },
      { key: 'elem-b2', label: 'Récoltes', theme: 'agriculture', notes: 'Tags: revenus', x: 300.5, y: -40 },
      { key: 'elem-c3', label: 'Exode rural', x: 150, y: 200 },
    ]);
    expect(map.links).toEqual([
      { key: 'conn-1', source: 'elem-a1', target: 'elem-b2', polarity: '-' },
      { key: 'conn-2', source: 'elem-b2', target: 'elem-c3', polarity: '-', strength: 3, delay: true },
      { key: 'conn-3', source: 'elem-c3', target: 'elem-a1', polarity: '+', notes: 'moins de bras' },
    ]);
    expect(map.warnings).toEqual([]);

    const doc = createMapDoc();
    expect(importIntoDoc(doc, map, { mode: 'new' }).ok).toBe(true);
    const snap = readSnapshot(doc, quiet);
    expect(snap.factors.map((f) => f.id).sort()).toEqual(['elem-a1', 'elem-b2', 'elem-c3']);
    expect([...readLoopNotes(doc, quiet).values()]).toEqual([
      { loopId: 'elem-a1>elem-b2>elem-c3', name: 'Spirale de la sécheresse', notes: 'vue par les femmes' },
    ]);
  });

  it('leaves out what a causal map cannot hold, with a warning, and keeps the rest', () => {
    const map = parsedOrThrow(parseKumu({
      elements: [{ label: 'A' }, { label: 'B' }],
      connections: [{ from: 'A', to: 'A' }, { from: 'A', to: 'B', type: '+' }, { from: 'A', to: 'B', type: '-' }],
      loops: [{ label: 'pas une boucle', connections: ['nope'] }],
    }));
    expect(map.links).toEqual([{ source: 'A', target: 'B', polarity: '+' }]);
    expect(map.warnings.map((w) => w.message)).toEqual([
      'connections[0]: an element cannot cause itself; left out',
      'connections[2]: same from and to as connections[1]; left out',
      "the loop 'pas une boucle' is not a closed chain of connections and was left out",
    ]);
  });

  it('refuses a broken export, naming where', () => {
    expect(errorsOf(parseKumu({ elements: [{ _id: 'e1', attributes: { label: 'A' } }, { _id: 'e2' }, 'x'], connections: [{ from: 'e1', to: 'e9' }] }))).toEqual([
      'elements[2]: must be an object',
      'elements[1]: the label is missing',
    ]);
    expect(errorsOf(parseKumu({ elements: [{ _id: 'e1', attributes: { label: 'A' } }], connections: [{ from: 'e1', to: 'e9' }] }))).toEqual([
      "connections[0]: no element has the id or label 'e9'",
    ]);
  });

  it('is told from a Trame file and from JSON that is no map', () => {
    expect(parsedOrThrow(parseJsonMap(JSON.stringify(DOC_BLUEPRINT))).format).toBe('kumu');
    expect(parsedOrThrow(parseJsonMap(JSON.stringify({ format: 'trame', schemaVersion: 1, meta: {}, factors: [], links: [] }))).format).toBe('json');
    expect(errorsOf(parseJsonMap('{"nodes": [], "edges": []}'))).toEqual([
      'not a map file: a JSON map is Trame\'s ("format": "trame") or a Kumu blueprint ("elements" and "connections")',
    ]);
    expect(errorsOf(parseJsonMap('{"elements": [}'))[0]).toMatch(/^broken JSON at line 1/);
  });
});
