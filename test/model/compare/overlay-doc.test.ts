import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addFactor, readSnapshot, removeFactors } from '../../../src/model';
import { compareMaps, mapStateOf, overlayDoc, overlayOf } from '../../../src/model/compare';
import { factorId, maliDoc } from './mali';

const quiet = () => undefined;

describe('a comparison drawn as one map', () => {
  it('holds the later state plus what the earlier had and lost, under the overlay keys, and leaves both sides alone', () => {
    const before = maliDoc();
    const after = new Y.Doc();
    Y.applyUpdate(after, Y.encodeStateAsUpdate(before));
    const schools = factorId(after, 'Fermeture des écoles');
    removeFactors(after, [schools]);
    addFactor(after, { label: 'Orpaillage artisanal', x: 10, y: 10 });
    const overlay = overlayOf(mapStateOf(after), compareMaps(mapStateOf(before), mapStateOf(after), { loops: false }));
    const doc = overlayDoc(after, overlay);
    const shown = readSnapshot(doc, quiet);
    expect(shown.factors).toHaveLength(31);
    expect(shown.factorById.get(schools)?.label).toBe('Fermeture des écoles');
    expect(shown.factors.some((f) => f.label === 'Orpaillage artisanal')).toBe(true);
    const removedLinks = overlay.links.filter((l) => l.status === 'removed');
    expect(removedLinks.length).toBeGreaterThan(0);
    const linkIds = new Set(shown.links.map((l) => l.id));
    for (const l of removedLinks) expect(linkIds.has(l.key)).toBe(true);
    expect(readSnapshot(after, quiet).factors).toHaveLength(30);
    expect(readSnapshot(before, quiet).factors.some((f) => f.label === 'Orpaillage artisanal')).toBe(false);
  });
});
