import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addFactor, addLink, createMapDoc, nameLoop, readLoopNotes, setLoopKey, setLoopNotes } from '../../../src/model';
import { canonicalLoopId } from '../../../src/model/analysis';
import { exportJson, exportJsonText, importIntoDoc, parseJson } from '../../../src/model/io';

function loopMap() {
  const doc = createMapDoc({ title: 'Boucles' });
  const a = addFactor(doc, { label: 'Vol de bétail', x: 0, y: 0 });
  const b = addFactor(doc, { label: 'Représailles', x: 200, y: 0 });
  addLink(doc, { source: a, target: b, polarity: '+' });
  addLink(doc, { source: b, target: a, polarity: '+' });
  const loop = canonicalLoopId([a, b]);
  nameLoop(doc, loop, 'Le cycle de la vengeance');
  setLoopKey(doc, loop, true);
  setLoopNotes(doc, loop, 'Priorité du GRA de Mopti');
  return { doc, loop };
}

function parsed(text: string) {
  const r = parseJson(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.map;
}

describe('loops in the JSON file', () => {
  it('a named key loop survives export and import into a new map', () => {
    const { doc, loop } = loopMap();
    expect(exportJson(doc).loops).toEqual([{ id: loop, name: 'Le cycle de la vengeance', key: true, notes: 'Priorité du GRA de Mopti' }]);
    const copy = new Y.Doc();
    importIntoDoc(copy, parsed(exportJsonText(doc)), { mode: 'new' });
    expect(readLoopNotes(copy).get(loop)).toEqual({ loopId: loop, name: 'Le cycle de la vengeance', key: true, notes: 'Priorité du GRA de Mopti' });
  });

  it('merged into an open map, the loop follows its factors\' new ids', () => {
    const { doc, loop } = loopMap();
    const target = createMapDoc();
    importIntoDoc(target, parsed(exportJsonText(doc)), { mode: 'merge' });
    const notes = [...readLoopNotes(target).values()];
    expect(notes).toHaveLength(1);
    expect(notes[0]?.loopId).not.toBe(loop);
    expect(notes[0]?.name).toBe('Le cycle de la vengeance');
  });

  it('refuses a file whose loop id is not canonical, naming the field', () => {
    const { doc } = loopMap();
    const json = { ...exportJson(doc), loops: [{ id: 'z>a', name: 'x' }] };
    const r = parseJson(JSON.stringify(json));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.where)).toContain('loops[0].id');
  });
});
