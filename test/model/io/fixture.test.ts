import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createMapDoc, readSnapshot, readThemes, themeOf } from '../../../src/model';
import {
  exportFactorsCsv, exportGraphml, exportJsonText, exportLinksCsv, importIntoDoc, parseGraphml, parseImportFiles, parseJson,
} from '../../../src/model/io';
import { layoutMap } from '../../../src/model/layout';
import { contentOf, fixture, fixtureText, parsedOrThrow } from './helpers';

function importMali() {
  const parsed = parsedOrThrow(parseImportFiles([
    { name: 'mali-centre-factors.csv', data: fixture('mali-centre-factors.csv') },
    { name: 'mali-centre-links.csv', data: fixture('mali-centre-links.csv') },
  ]));
  const doc = createMapDoc({ title: 'Mali centre' });
  const r = importIntoDoc(doc, parsed, { mode: 'merge', layout: layoutMap });
  if (!r.ok) throw new Error(r.errors[0]!.message);
  return { doc, parsed, result: r };
}

/** Rows of a CSV file as records, read by papaparse alone: an independent reading of the fixture. */
function rows(text: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
}

describe('the Mali centre fixture', () => {
  it('imports its 30 factors and 55 links with no warning', () => {
    const { doc, parsed } = importMali();
    expect(parsed.warnings).toEqual([]);
    const snap = readSnapshot(doc);
    expect(snap.factors).toHaveLength(rows(fixtureText('mali-centre-factors.csv')).length);
    expect(snap.factors).toHaveLength(30);
    expect(snap.links).toHaveLength(55);
    expect(snap.hidden).toBe(0);
  });

  it('keeps accents, apostrophes, themes and notes with commas', () => {
    const { doc } = importMali();
    const snap = readSnapshot(doc);
    const byLabel = new Map(snap.factors.map((f) => [f.label, f]));
    const themes = readThemes(doc);
    const themeName = (label: string) => themeOf(byLabel.get(label)?.theme, themes)?.name;
    expect(themes).toHaveLength(8);
    expect(themeName("Absence de l'État et des services publics")).toBe('Gouvernance');
    expect(themeName('Fermeture des écoles')).toBe('Éducation');
    expect(byLabel.get('Justice coutumière')?.notes).toBe('Cadis, chefs de village, conseils des sages');
    const stigma = snap.links.find((l) => byLabel.get('Stigmatisation des Peuls')?.id === l.source
      && snap.factorById.get(l.target)?.label === 'Recrutement des jeunes par les groupes armés');
    expect(stigma).toMatchObject({
      polarity: '+', strength: 3, delay: true, notes: "Le sentiment d'injustice pousse des jeunes vers les groupes armés",
    });
  });

  it('every link of the file is in the map with its polarity, strength and delay', () => {
    const { doc } = importMali();
    const { links } = contentOf(doc);
    const expected = rows(fixtureText('mali-centre-links.csv')).map((r) => ({
      source: r.cause, target: r.effect, polarity: r.polarity, strength: Number(r.strength),
      ...(r.delay === 'true' ? { delay: true } : {}), ...(r.note ? { notes: r.note } : {}),
    })).sort((p, q) => `${p.source}>${p.target}`.localeCompare(`${q.source}>${q.target}`));
    expect(links).toEqual(expected);
  });

  it('exports to CSV files that say what the fixture says', () => {
    const { doc } = importMali();
    const sortRows = (text: string) => rows(text).map((r) => JSON.stringify(r)).sort();
    expect(sortRows(exportLinksCsv(doc))).toEqual(sortRows(fixtureText('mali-centre-links.csv')));
    expect(sortRows(exportFactorsCsv(doc))).toEqual(sortRows(fixtureText('mali-centre-factors.csv')));
  });

  it('survives JSON and GraphML round trips', () => {
    const { doc } = importMali();
    const viaJson = createMapDoc();
    importIntoDoc(viaJson, parsedOrThrow(parseJson(exportJsonText(doc))), { mode: 'merge', offset: { x: 0, y: 0 } });
    expect(contentOf(viaJson)).toEqual(contentOf(doc));
    const viaGraphml = createMapDoc();
    importIntoDoc(viaGraphml, parsedOrThrow(parseGraphml(exportGraphml(doc))), { mode: 'merge', offset: { x: 0, y: 0 } });
    expect(contentOf(viaGraphml)).toEqual(contentOf(doc));
  });
});
