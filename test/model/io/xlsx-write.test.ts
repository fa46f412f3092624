import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addStory, citeStory, createMapDoc, nameLoop, readLoopNotes, readSnapshot, setLoopKey,
} from '../../../src/model';
import { canonicalLoopId } from '../../../src/model/analysis/loops';
import { importIntoDoc } from '../../../src/model/io';
import { exportXlsx, parseXlsx } from '../../../src/model/io/xlsx';
import { contentOf, parsedOrThrow, quiet, sampleDoc } from './helpers';

/** sampleDoc's loop Sécheresse → Accès à l'eau → Conflits, named, and a story cited on a factor and a link. */
function richDoc(): Y.Doc {
  const doc = sampleDoc();
  const snap = readSnapshot(doc, quiet);
  const id = canonicalLoopId(snap.factors.map((f) => f.id));
  nameLoop(doc, id, 'Piège de la sécheresse');
  setLoopKey(doc, id, true);
  const story = addStory(doc, { code: 'R-012', summary: 'Le puits a tari en mars', place: 'Mopti', tags: ['eau'] });
  citeStory(doc, story, { kind: 'factor', id: snap.factors[0]!.id });
  citeStory(doc, story, { kind: 'link', id: snap.links[0]!.id });
  return doc;
}

describe('Excel export', () => {
  it('reads back into the same factors and links, loop names included', () => {
    const source = richDoc();
    const bytes = exportXlsx(source);
    const parsed = parsedOrThrow(parseXlsx('carte.xlsx', bytes));
    expect(parsed.warnings).toEqual([]);
    const copy = createMapDoc();
    const r = importIntoDoc(copy, parsed, { mode: 'new' });
    expect(r.ok).toBe(true);
    expect(contentOf(copy)).toEqual(contentOf(source));
    const names = [...readLoopNotes(copy, quiet).values()].map((n) => [n.name, n.key]);
    expect(names).toEqual([['Piège de la sécheresse', true]]);
  });

  it('writes headers in the map\'s language, counts and stories without their texts', async () => {
    const bytes = exportXlsx(richDoc());
    // Read by a reader that is not ours (read-excel-file).
    const sheets = await readXlsxFile(Buffer.from(bytes));
    expect(sheets.map((s) => s.sheet)).toEqual(['Facteurs', 'Liens', 'Boucles', 'Récits']);
    const [factors, links, loops, stories] = sheets.map((s) => s.data);
    expect(factors![0]).toEqual(['Libellé', 'Thème', 'Notes', 'Liens entrants', 'Liens sortants', 'Boucles', 'Récits', 'x', 'y', 'Icône']);
    expect(factors![1]).toEqual(['Sécheresse', 'Environnement', 'Pluies, irrégulières\n"depuis 2012"', 1, 1, 1, 1, 10.5, -20, 'sun']);
    expect(links![0]).toEqual(['Cause', 'Effet', 'Polarité', 'Force', 'Délai', 'Note', 'Récits']);
    expect(links![1]).toEqual(['Sécheresse', "Accès à l'eau", '-', 3, 'oui', 'note, avec virgule', 1]);
    // One link of the loop is '?': its kind is unknown, and its marker says so.
    expect(loops![1]!.filter((_, i) => i !== 4)).toEqual(['?1', 'Piège de la sécheresse', '?', 3, 'oui', null]);
    expect(String(loops![1]![4]).split(' → ').sort()).toEqual(["Accès à l'eau", 'Conflits', 'Sécheresse']);
    expect(stories![0]).toEqual(['Code', 'Lieu', 'Date', 'Groupe', 'Langue', 'Étiquettes', 'Facteurs cités', 'Liens cités']);
    expect(stories![1]).toEqual(['R-012', 'Mopti', null, null, null, 'eau', 'Sécheresse', "Sécheresse → Accès à l'eau"]);
    expect(JSON.stringify(sheets)).not.toContain('tari');
  });

  it('writes English headers for an English map, and story texts when asked', async () => {
    const doc = richDoc();
    doc.getMap('meta').set('language', 'en');
    const sheets = await readXlsxFile(Buffer.from(exportXlsx(doc, { storyTexts: true })));
    expect(sheets.map((s) => s.sheet)).toEqual(['Factors', 'Links', 'Loops', 'Stories']);
    expect(sheets[1]!.data[0]).toEqual(['Cause', 'Effect', 'Polarity', 'Strength', 'Delay', 'Note', 'Stories']);
    expect(sheets[3]!.data[0]!.at(-1)).toBe('Summary');
    expect(sheets[3]!.data[1]!.at(-1)).toBe('Le puits a tari en mars');
  });

  it('keeps a label that looks like a formula as text', async () => {
    const tricky = createMapDoc();
    const r = importIntoDoc(tricky, {
      format: 'csv', meta: {}, keepIds: false, matchByLabel: true, themeIsName: true, sections: {}, warnings: [],
      factors: [{ key: '=HYPERLINK("x")', label: '=HYPERLINK("x")' }, { key: '+33 6', label: '+33 6' }],
      links: [{ source: '=HYPERLINK("x")', target: '+33 6', polarity: '+' }],
    }, { mode: 'new' });
    expect(r.ok).toBe(true);
    const sheets = await readXlsxFile(Buffer.from(exportXlsx(tricky)));
    expect(sheets[0]!.data.slice(1).map((row) => row[0])).toEqual(['=HYPERLINK("x")', '+33 6']);
    const back = parsedOrThrow(parseXlsx('f.xlsx', exportXlsx(tricky)));
    expect(back.links).toEqual([{ source: '=HYPERLINK("x")', target: '+33 6', polarity: '+' }]);
  });
});
