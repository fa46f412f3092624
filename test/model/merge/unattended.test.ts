import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { mergeUnattended } from '../../../src/model/merge';
import { counts, linkBetween, maliDoc, miniMap } from './helpers';

describe('a merge with nobody to review it', () => {
  it('takes matches after normalisation only, suggests near ones, keeps the map\'s polarity and reports the conflict', () => {
    const doc = maliDoc();
    const r = mergeUnattended(doc, miniMap('groupe-femmes.csv'), { title: 'Femmes' });
    if (!r.ok) throw new Error(r.errors[0]!.message);
    expect(r.answer).toMatchObject({ matched: 11, added: 6, linksMatched: 4, linksAdded: 8 });
    expect(r.answer.suggestions).toContainEqual(expect.objectContaining({ label: 'Sécheresse', candidate: 'Sécheresses et pluies irrégulières' }));
    expect(r.answer.conflicts).toEqual([{ cause: 'Aide humanitaire', effect: 'Pauvreté des ménages', map: '-', mini: '+' }]);
    expect(linkBetween(doc, 'Aide humanitaire', 'Pauvreté des ménages').polarity).toBe('-');
    expect(counts(doc)).toEqual({ factors: 36, links: 63 });
  });

  it('writes nothing when the mini-map is refused', () => {
    const doc = maliDoc();
    const before = Y.encodeStateVector(doc);
    const r = mergeUnattended(doc, miniMap('groupe-jeunes.csv'), { title: '' });
    expect(r).toMatchObject({ ok: false, errors: [{ code: 'merge.noTitle' }] });
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});
