import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addFactor, addTheme, createMapDoc, createUndoManager, metaOf, modelRegistry, readSnapshot, readThemes,
  SCHEMA_VERSION,
} from '../../../src/model';
import { exportJson, exportJsonText, importIntoDoc, parseJson } from '../../../src/model/io';
import { errorsOf, parsedOrThrow, sampleDoc, stateOf } from './helpers';

function roundTrip(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  const r = importIntoDoc(copy, parsedOrThrow(parseJson(exportJsonText(doc))), { mode: 'new' });
  expect(r.ok).toBe(true);
  return copy;
}

describe('Trame JSON export', () => {
  it('names its format and schema version and holds meta, factors and links', () => {
    const json = exportJson(sampleDoc());
    expect(json.format).toBe('trame');
    expect(json.schemaVersion).toBe(SCHEMA_VERSION);
    expect(json.meta).toEqual({ title: 'Mali centre — atelier de Mopti', language: 'fr' });
    expect(json.factors).toHaveLength(3);
    expect(json.links).toHaveLength(3);
    expect(json.factors[0]).toMatchObject({ label: 'Sécheresse', x: 10.5, y: -20, icon: 'sun' });
  });

  it('a map exported, imported as a new map and exported again is identical, ids included', () => {
    const doc = sampleDoc();
    const copy = roundTrip(doc);
    expect(exportJson(copy)).toEqual(exportJson(doc));
    expect(readSnapshot(copy).factors.map((f) => f.id)).toEqual(readSnapshot(doc).factors.map((f) => f.id));
  });

  it('keeps extra meta fields through a round trip', () => {
    const doc = sampleDoc();
    doc.transact(() => metaOf(doc).set('workshop', 'Mopti 2024'));
    expect(exportJson(roundTrip(doc)).meta.workshop).toBe('Mopti 2024');
  });

  it('exports from a snapshot as well as from a document', () => {
    const doc = sampleDoc();
    const fromSnap = exportJson(readSnapshot(doc));
    expect(fromSnap.factors).toEqual(exportJson(doc).factors);
  });
});

describe('themes in Trame JSON', () => {
  function themed() {
    const doc = createMapDoc();
    const env = addTheme(doc, 'Environnement', '#009E73');
    addFactor(doc, { label: 'Sécheresse', x: 0, y: 0, theme: env });
    return { doc, env };
  }

  it('are exported with their ids and colours, and come back the same in a new map', () => {
    const { doc, env } = themed();
    expect(exportJson(doc).themes).toEqual([{ id: env, name: 'Environnement', color: '#009E73' }]);
    const copy = roundTrip(doc);
    expect(exportJson(copy)).toEqual(exportJson(doc));
  });

  it("merged into a map that has a theme of that name, factors take the map's theme", () => {
    const { doc } = themed();
    const target = createMapDoc();
    const own = addTheme(target, 'environnement', '#E69F00');
    const r = importIntoDoc(target, parsedOrThrow(parseJson(exportJsonText(doc))), { mode: 'merge' });
    if (!r.ok) throw new Error('import failed');
    expect(readThemes(target)).toHaveLength(1);
    expect(readSnapshot(target).factorById.get(r.factorIds[0]!)?.theme).toBe(own);
  });

  it('a bad theme refuses the file and names the field', () => {
    const json = { ...exportJson(themed().doc), themes: [{ id: 't', name: 'X', color: 'green' }] };
    expect(errorsOf(parseJson(JSON.stringify(json)))).toEqual(['themes[0].color: must be a colour written #rrggbb']);
  });
});

describe('JSON sections registered by other parts of the model', () => {
  afterEach(() => modelRegistry.unregisterJsonSection('stickers'));

  function registerStickers() {
    modelRegistry.registerJsonSection<{ factor: string; text: string }[]>('stickers', {
      export: (doc) => {
        const m = doc.getMap<string>('stickers');
        return m.size === 0 ? undefined : [...m.entries()].map(([factor, text]) => ({ factor, text }));
      },
      validate: (raw, ctx) => (Array.isArray(raw) ? raw : []).flatMap((s: { factor?: unknown }, i) =>
        ctx.factorIds.has(String(s.factor)) ? [] : [{ where: `stickers[${i}].factor`, message: 'no such factor' }]),
      import: (doc, data, ctx) => {
        for (const s of data) doc.getMap<string>('stickers').set(ctx.idMap.get(s.factor)!, s.text);
      },
    });
  }

  it('a registered section is exported, validated and imported with remapped ids', () => {
    registerStickers();
    const doc = sampleDoc();
    const first = readSnapshot(doc).factors[0]!.id;
    doc.getMap('stickers').set(first, 'priorité');
    const json = exportJson(doc);
    expect(json.stickers).toEqual([{ factor: first, text: 'priorité' }]);

    const target = sampleDoc();
    const r = importIntoDoc(target, parsedOrThrow(parseJson(JSON.stringify(json))), { mode: 'merge' });
    if (!r.ok) throw new Error('import failed');
    const newId = r.idMap.get(first)!;
    expect(newId).not.toBe(first);
    expect(target.getMap('stickers').get(newId)).toBe('priorité');
  });

  it("a section's validation errors refuse the file and name the field", () => {
    registerStickers();
    const json = { ...exportJson(sampleDoc()), stickers: [{ factor: 'nope', text: 'x' }] };
    expect(errorsOf(parseJson(JSON.stringify(json)))).toEqual(['stickers[0].factor: no such factor']);
  });

  it('a section this version does not know is ignored with a warning', () => {
    const json = { ...exportJson(sampleDoc()), fromTheFuture: [1, 2] };
    const map = parsedOrThrow(parseJson(JSON.stringify(json)));
    expect(map.warnings.map((w) => w.code)).toEqual(['json.unknownSection']);
  });

  it('core names cannot be taken by a section', () => {
    expect(() => modelRegistry.registerJsonSection('factors', { export: () => undefined, validate: () => [], import: () => undefined }))
      .toThrow();
  });
});

describe('bad JSON files', () => {
  const valid = () => exportJson(sampleDoc()) as Record<string, unknown> & ReturnType<typeof exportJson>;

  it('broken JSON names the line and column', () => {
    const text = '{\n  "format": "trame",\n  "schemaVersion": 1,\n  "factors": [ }\n}';
    const r = parseJson(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]!.code).toBe('json.syntax');
    expect(r.errors[0]!.params.line).toBe(4);
    expect(r.errors[0]!.message).toMatch(/^broken JSON at line 4, column \d+$/);
  });

  it('locates a trailing comma and an unclosed string', () => {
    const at = (text: string) => {
      const r = parseJson(text);
      return r.ok ? null : r.errors[0]!.params;
    };
    expect(at('{\n  "factors": [1, 2,]\n}')).toEqual({ line: 2, column: 20 });
    expect(at('{\n  "format": "tra\nme"\n}')).toEqual({ line: 2, column: 17 });
    expect(at('')).toEqual({ line: 1, column: 1 });
  });

  it('a file from a newer Trame says so', () => {
    const r = parseJson(JSON.stringify({ ...valid(), schemaVersion: SCHEMA_VERSION + 1 }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.code).toBe('json.newerVersion');
    expect(r.errors[0]!.message).toContain('made by a newer version of Trame');
    expect(r.errors[0]!.params).toEqual({ version: SCHEMA_VERSION + 1, supported: SCHEMA_VERSION });
  });

  it('a JSON that is not a Trame map is refused', () => {
    expect(errorsOf(parseJson('[1, 2]'))[0]).toMatch(/not a Trame map file/);
    expect(errorsOf(parseJson('{"nodes": []}'))[0]).toMatch(/not a Trame map file/);
  });

  it('names every bad field by its path', () => {
    const json = valid();
    const f = json.factors as unknown as Record<string, unknown>[];
    f[1] = { ...f[1], label: '  ' };
    f[2] = { ...f[2], x: 'left' };
    const l = json.links as unknown as Record<string, unknown>[];
    l[0] = { ...l[0], polarity: 'x' };
    l[1] = { ...l[1], strength: 5 };
    l[2] = { ...l[2], target: 'ghost' };
    expect(errorsOf(parseJson(JSON.stringify(json)))).toEqual([
      'factors[1].label: must not be empty',
      'factors[2].x: must be a number',
      "links[0].polarity: unknown polarity 'x' (use +, - or ?)",
      "links[1].strength: strength must be 1, 2 or 3, not '5'",
      "links[2].target: no factor has the id 'ghost'",
    ]);
  });

  it('refuses duplicate ids, self links, duplicate links and lone coordinates', () => {
    const json = valid();
    const [a, b] = json.factors;
    const codes = (patch: Record<string, unknown>) => {
      const r = parseJson(JSON.stringify({ ...json, ...patch }));
      return r.ok ? [] : r.errors.map((e) => e.code);
    };
    expect(codes({ factors: [a, { ...b, id: a!.id }] })).toContain('json.duplicateId');
    expect(codes({ links: [{ source: a!.id, target: a!.id, polarity: '+' }] })).toEqual(['json.selfLink']);
    expect(codes({ links: [{ source: a!.id, target: b!.id, polarity: '+' }, { source: a!.id, target: b!.id, polarity: '-' }] }))
      .toEqual(['json.duplicateLink']);
    expect(codes({ factors: [{ id: 'p', label: 'P', x: 3 }], links: [] })).toEqual(['json.positionPair']);
  });

  it('a refused file leaves the open map byte for byte as it was', () => {
    const doc = sampleDoc();
    const before = stateOf(doc);
    let updates = 0;
    doc.on('update', () => updates++);
    const json = valid();
    (json.links as unknown as Record<string, unknown>[]).push({ source: 'ghost', target: json.factors[0]!.id, polarity: '+' });
    const r = parseJson(JSON.stringify(json));
    expect(r.ok).toBe(false);
    if (r.ok) importIntoDoc(doc, r.map, { mode: 'merge' });
    expect(updates).toBe(0);
    expect(stateOf(doc)).toEqual(before);
  });
});

describe('importing JSON into an open map', () => {
  it('merging gives fresh ids, so the same file can be merged twice', () => {
    const doc = sampleDoc();
    const parsed = parsedOrThrow(parseJson(exportJsonText(doc)));
    const r = importIntoDoc(doc, parsed, { mode: 'merge' });
    expect(r.ok).toBe(true);
    const snap = readSnapshot(doc);
    expect(snap.factors).toHaveLength(6);
    expect(snap.links).toHaveLength(6);
    expect(new Set(snap.factors.map((f) => f.id)).size).toBe(6);
  });

  it('a merge lands beside the map rather than on top of it', () => {
    const doc = sampleDoc();
    const before = readSnapshot(doc).factors;
    const right = Math.max(...before.map((f) => f.x));
    const r = importIntoDoc(doc, parsedOrThrow(parseJson(exportJsonText(doc))), { mode: 'merge' });
    if (!r.ok) throw new Error('import failed');
    const added = readSnapshot(doc).factors.filter((f) => r.factorIds.includes(f.id));
    expect(Math.min(...added.map((f) => f.x))).toBeGreaterThan(right);
  });

  it('an explicit offset moves every imported factor by that much', () => {
    const source = sampleDoc();
    const doc = createMapDoc();
    importIntoDoc(doc, parsedOrThrow(parseJson(exportJsonText(source))), { mode: 'new', offset: { x: 100, y: 50 } });
    const xs = readSnapshot(doc).factors.map((f) => [f.x, f.y]);
    expect(xs).toEqual(readSnapshot(source).factors.map((f) => [f.x + 100, f.y + 50]));
  });

  it('an import is one transaction', () => {
    const doc = sampleDoc();
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    importIntoDoc(doc, parsedOrThrow(parseJson(exportJsonText(doc))), { mode: 'merge' });
    expect(transactions).toBe(1);
  });

  it('an import is one undo step', () => {
    const doc = sampleDoc();
    const undo = createUndoManager(doc);
    const before = readSnapshot(doc);
    importIntoDoc(doc, parsedOrThrow(parseJson(exportJsonText(doc))), { mode: 'merge' });
    expect(readSnapshot(doc).factors).toHaveLength(6);
    undo.undo();
    expect(readSnapshot(doc).factors).toEqual(before.factors);
    expect(readSnapshot(doc).links).toEqual(before.links);
  });

  it('a new map can only be made in an empty document', () => {
    const doc = sampleDoc();
    const before = stateOf(doc);
    const r = importIntoDoc(doc, parsedOrThrow(parseJson(exportJsonText(doc))), { mode: 'new' });
    expect(r.ok ? 'accepted' : r.errors[0]!.code).toBe('import.notEmpty');
    expect(stateOf(doc)).toEqual(before);
  });
});
