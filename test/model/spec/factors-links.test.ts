import * as Y from 'yjs';
import { describe, expect, it, vi } from 'vitest';
import {
  addFactor, createMapDoc, factorsOf, linksOf, ModelError, PLACEHOLDER_LABEL, readFactor, readLink, readSnapshot,
  renameFactor,
} from '../../../src/model';
import {
  exportFactorsCsv, exportGraphml, exportJsonText, exportLinksCsv, importIntoDoc, parseCsv, parseGraphml, parseJson,
  combineCsv,
} from '../../../src/model/io';
import { FACTORS_SPEC, LINKS_SPEC, type RootSpec } from '../../../src/model/spec';
import { badValues, goodValue } from './samples';

function entryOf(spec: RootSpec, patch: Record<string, unknown> = {}): Y.Map<unknown> {
  const doc = new Y.Doc();
  const m = new Y.Map<unknown>();
  doc.getMap('scratch').set('e', m);
  for (const [key, field] of Object.entries(spec.fields)) {
    const v = key in patch ? patch[key] : (field.required === true ? goodValue(field.type) : undefined);
    if (v !== undefined) m.set(key, v);
  }
  if (spec === LINKS_SPEC && !('target' in patch)) m.set('target', 'other');
  return m;
}

const readers: [RootSpec, (id: string, v: unknown, warn: (m: string) => void) => unknown][] = [
  [FACTORS_SPEC, readFactor],
  [LINKS_SPEC, readLink],
];

describe('the factor and link readers follow their spec', () => {
  for (const [spec, read] of readers) {
    it(`reads a ${spec.entry} made from its spec's required fields, without a warning`, () => {
      const warn = vi.fn();
      expect(read('e1', entryOf(spec), warn)).toMatchObject({ id: 'e1' });
      expect(warn).not.toHaveBeenCalled();
    });

    for (const [key, field] of Object.entries(spec.fields)) {
      for (const [what, bad] of badValues(field.type)) {
        const outcome = field.ifBad === 'skip-entry' ? 'skips the entry' : 'drops the field';
        it(`${spec.entry}.${key} ${what}: ${outcome}, with one warning`, () => {
          const warn = vi.fn();
          const got = read('e1', entryOf(spec, { [key]: bad }), warn) as Record<string, unknown> | null;
          if (field.ifBad === 'skip-entry') expect(got).toBeNull();
          else expect(got).not.toBeNull();
          if (got) expect(got[key]).toBeUndefined();
          expect(warn).toHaveBeenCalledTimes(1);
          expect(warn.mock.calls[0]![0]).toContain('e1');
        });
      }
    }
  }

  it('takes its limits from the spec: an icon name of 65 characters is dropped, one of 64 kept', () => {
    const icon = FACTORS_SPEC.fields.icon!.type;
    expect(icon).toMatchObject({ kind: 'text', maxChars: 64 });
    const ok = readFactor('f', entryOf(FACTORS_SPEC, { icon: 'i'.repeat(64) }), () => undefined);
    const long = readFactor('f', entryOf(FACTORS_SPEC, { icon: 'i'.repeat(65) }), () => undefined);
    expect(ok?.icon).toHaveLength(64);
    expect(long?.icon).toBeUndefined();
  });
});

describe('an empty label, decided once', () => {
  it('is refused by the operations, before anything is written', () => {
    const doc = createMapDoc();
    expect(() => addFactor(doc, { label: '  ', x: 0, y: 0 })).toThrow(ModelError);
    const id = addFactor(doc, { label: 'Eau', x: 0, y: 0 });
    expect(() => renameFactor(doc, id, '')).toThrow(/label/);
    expect(factorsOf(doc).size).toBe(1);
    expect(readSnapshot(doc).factorById.get(id)?.label).toBe('Eau');
  });

  it('written by a peer, is shown with the placeholder and a warning, its links kept', () => {
    const doc = createMapDoc();
    const a = addFactor(doc, { label: 'Eau', x: 0, y: 0 });
    const b = addFactor(doc, { label: 'Puits', x: 100, y: 0 });
    factorsOf(doc).get(b)!.set('label', '');
    const l = new Y.Map<unknown>();
    l.set('source', a);
    l.set('target', b);
    l.set('polarity', '+');
    linksOf(doc).set('l1', l);
    const warn = vi.fn();
    const snap = readSnapshot(doc, warn);
    expect(snap.factorById.get(b)?.label).toBe(PLACEHOLDER_LABEL);
    expect(snap.links).toHaveLength(1);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('is refused by every importer', () => {
    expect(parseJson(JSON.stringify({ format: 'trame', schemaVersion: 1, factors: [{ id: 'a', label: ' ' }], links: [] })))
      .toMatchObject({ ok: false, errors: [{ code: 'json.empty', where: 'factors[0].label' }] });
    expect(parseCsv('label,theme\n ,Env\n')).toMatchObject({ ok: false, errors: [{ code: 'csv.missingLabel' }] });
    expect(parseCsv('cause,effect\n,B\n')).toMatchObject({ ok: false, errors: [{ code: 'csv.missingCause' }] });
    // GraphML: a node without a label is named by its id, never blank.
    const g = parseGraphml('<graphml><key id="l" for="node" attr.name="label"/><graph><node id="n0"><data key="l"> </data></node></graph></graphml>');
    expect(g.ok && g.map.factors[0]?.label).toBe('n0');
    const doc = createMapDoc();
    const r = importIntoDoc(doc, {
      format: 'json', meta: {}, factors: [{ key: 'a', label: '' }], links: [], keepIds: true, matchByLabel: false,
      themeIsName: false, sections: {}, warnings: [],
    }, { mode: 'new' });
    expect(r).toMatchObject({ ok: false, errors: [{ code: 'import.blankLabel' }] });
    expect(factorsOf(doc).size).toBe(0);
  });

  it('never stops a map exported by Trame from re-importing, in JSON, CSV and GraphML', () => {
    const doc = createMapDoc();
    const a = addFactor(doc, { label: 'Eau', x: 0, y: 0 });
    const b = addFactor(doc, { label: 'Puits', x: 100, y: 0 });
    factorsOf(doc).get(a)!.set('label', '   ');
    factorsOf(doc).get(b)!.set('label', '');
    const l = new Y.Map<unknown>();
    l.set('source', a);
    l.set('target', b);
    l.set('polarity', '-');
    linksOf(doc).set('l1', l);
    const json = parseJson(exportJsonText(doc));
    const graphml = parseGraphml(exportGraphml(doc));
    const factorsCsv = parseCsv(exportFactorsCsv(doc));
    const linksCsv = parseCsv(exportLinksCsv(doc));
    for (const parsed of [json, graphml, factorsCsv, linksCsv]) expect(parsed.ok).toBe(true);
    if (!json.ok || !graphml.ok || !factorsCsv.ok || !linksCsv.ok) return;
    const csv = combineCsv(factorsCsv.map, linksCsv.map);
    for (const parsed of [json.map, graphml.map, csv.ok ? csv.map : null]) {
      const copy = createMapDoc();
      expect(importIntoDoc(copy, parsed!, { mode: 'new' }).ok).toBe(true);
      const snap = readSnapshot(copy, () => undefined);
      expect(snap.factors).toHaveLength(2);
      expect(snap.links).toHaveLength(1);
    }
  });
});
