import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createMapDoc } from '../../../src/model';
import { exportXlsxAsync, importIntoDoc, parseImportFilesAsync } from '../../../src/model/io';
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

describe('merging from the spreadsheet formats', () => {
  it('merges a mini-map sent as an Excel workbook as it merges the same mini-map in CSV', async () => {
    const group = createMapDoc({ title: 'Jeunes' });
    expect(importIntoDoc(group, miniMap('groupe-jeunes.csv'), { mode: 'new' }).ok).toBe(true);
    const workbook = await exportXlsxAsync(group);
    const parsed = await parseImportFilesAsync([{ name: 'jeunes.xlsx', data: workbook }]);
    if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
    const fromExcel = mergeUnattended(maliDoc(), parsed.map, { title: 'Jeunes' });
    const fromCsv = mergeUnattended(maliDoc(), miniMap('groupe-jeunes.csv'), { title: 'Jeunes' });
    expect(fromExcel.ok && fromCsv.ok).toBe(true);
    if (!fromExcel.ok || !fromCsv.ok) return;
    const { notices: _a, ...excel } = fromExcel.answer;
    const { notices: _b, ...csv } = fromCsv.answer;
    expect(excel).toEqual(csv);
  });
});
