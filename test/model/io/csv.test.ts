import { describe, expect, it } from 'vitest';
import { addTheme, createMapDoc, createUndoManager, readSnapshot, readThemes, themeOf } from '../../../src/model';
import {
  exportFactorsCsv, exportLinksCsv, importIntoDoc, parseCsv, parseFactorsCsv, parseImportFile, parseLinksCsv,
} from '../../../src/model/io';
import { contentOf, errorsOf, parsedOrThrow, sampleDoc, stateOf } from './helpers';

const HEADER = 'cause,effect,polarity,strength,delay,note\n';

function linksOf(text: string) {
  return parsedOrThrow(parseLinksCsv(text)).links;
}

describe('reading a CSV of links', () => {
  it('reads every column and creates the factors it names', () => {
    const map = parsedOrThrow(parseLinksCsv(`${HEADER}Sécheresse,Pression foncière,-,3,oui,"une note, avec virgule"\n`));
    expect(map.factors.map((f) => f.label)).toEqual(['Sécheresse', 'Pression foncière']);
    expect(map.links).toEqual([{
      source: 'Sécheresse', target: 'Pression foncière', polarity: '-', strength: 3, delay: true, notes: 'une note, avec virgule',
    }]);
  });

  it('needs only cause and effect; an empty or missing polarity means not decided', () => {
    expect(linksOf('cause,effect\nA,B\n')).toEqual([{ source: 'A', target: 'B', polarity: '?' }]);
    expect(linksOf(`${HEADER}A,B,,,,\n`)).toEqual([{ source: 'A', target: 'B', polarity: '?' }]);
  });

  it('understands polarity words in English and French', () => {
    const rows = ['same', 'opposite', 'même', 'opposé', 'Meme', '−', '?', '+', '-'].map((p, i) => `A${i},B${i},${p}`);
    expect(linksOf(`cause,effect,polarity\n${rows.join('\n')}`).map((l) => l.polarity))
      .toEqual(['+', '-', '+', '-', '+', '-', '?', '+', '-']);
  });

  it('reads delay as true/false, 1/0, oui/non and an empty cell as no delay', () => {
    const rows = ['true', 'false', '1', '0', 'oui', 'non', ''].map((d, i) => `A${i},B${i},+,,${d}`);
    expect(linksOf(`${HEADER}${rows.join('\n')}`).map((l) => l.delay === true))
      .toEqual([true, false, true, false, true, false, false]);
  });

  it('reads French Excel files: semicolons, BOM, CRLF and French column names', () => {
    const text = '\uFEFFcause;effet;polarité;force;délai;note\r\nSécheresse;Conflits;opposé;2;non;"a; b"\r\n';
    const map = parsedOrThrow(parseImportFile('liens.csv', new TextEncoder().encode(text)));
    expect(map.links).toEqual([{ source: 'Sécheresse', target: 'Conflits', polarity: '-', strength: 2, notes: 'a; b' }]);
  });

  it('reads tab-separated files and quoted line breaks, and still counts lines right', () => {
    const text = 'cause\teffect\tpolarity\tstrength\tdelay\tnote\nA\tB\t+\t\t\t"deux\nlignes"\nB\tC\tx\n';
    const r = parseLinksCsv(text);
    expect(errorsOf(r)).toEqual(["line 4: unknown polarity 'x' (use +, - or ?)"]);
  });

  it('skips blank lines and trims labels', () => {
    expect(linksOf(`${HEADER}\n  A  , B \n\n,,,\n`)).toEqual([{ source: 'A', target: 'B', polarity: '?' }]);
  });

  it('undoes the apostrophe Excel puts before a text that looks like a formula', () => {
    expect(linksOf(`cause,effect\n'=A,'-B\n`)[0]).toMatchObject({ source: '=A', target: '-B' });
  });
});

describe('reading a CSV of factors', () => {
  it('reads label, theme and note', () => {
    const map = parsedOrThrow(parseFactorsCsv('label,theme,note\nSécheresse,Environnement,"Pluies, rares"\nConflits,,\n'));
    expect(map.factors).toEqual([
      { key: 'Sécheresse', label: 'Sécheresse', theme: 'Environnement', notes: 'Pluies, rares' },
      { key: 'Conflits', label: 'Conflits' },
    ]);
  });

  it('parseCsv tells factors from links by the header', () => {
    expect(parsedOrThrow(parseCsv('label\nA\n')).links).toHaveLength(0);
    expect(parsedOrThrow(parseCsv('cause,effect\nA,B\n')).links).toHaveLength(1);
  });
});

describe('bad CSV files name the line and the field', () => {
  const cases: [string, string, string[]][] = [
    ['a wrong header', 'source_id;target_id\n1;2\n', ["line 1: the first line must name the columns: cause,effect (a file of links) or label (a file of factors); found 'source_id;target_id'"]],
    ['a missing effect column', 'cause,polarity\nA,+\n', ["line 1: the column 'effect' is missing"]],
    ['an unknown polarity', `${HEADER}A,B,+\nB,C,x\n`, ["line 3: unknown polarity 'x' (use +, - or ?)"]],
    ['a missing cause', `${HEADER}A,B\n,C,+\n`, ['line 3: the cause is missing']],
    ['a bad strength', `${HEADER}A,B,+,5\n`, ["line 2: strength must be 1, 2 or 3, not '5'"]],
    ['a bad delay', `${HEADER}A,B,+,2,maybe\n`, ["line 2: delay must be yes or no (true/false, 1/0), not 'maybe'"]],
    ['a self link', `${HEADER}A,A\n`, ["line 2: 'A' cannot cause itself"]],
    ['a duplicate link', `${HEADER}A,B,+\nC,D\nA,B,-\n`, ['line 4: the same link is already on line 2']],
    ['an unquoted comma', `${HEADER}A,B,+,2,false,note, with comma\n`, ['line 2: 7 fields but the header has 6 (a comma inside a text needs quotes around the text)']],
    ['an unclosed quote', `${HEADER}A,B,+\nC,"D,+\n`, ['line 3: a quoted text is not closed, or a quote is misplaced']],
    ['a header and nothing else', HEADER, ['the file has a header but no rows']],
    ['a duplicate factor', 'label,theme\nA,x\nB,y\nA,z\n', ["line 4: the factor 'A' is already on line 2"]],
    ['a label too long', `label\n${'x'.repeat(501)}\n`, ['line 2: the label is longer than 500 characters']],
  ];
  for (const [what, text, expected] of cases) {
    it(`refuses ${what}`, () => expect(errorsOf(parseCsv(text))).toEqual(expected));
  }

  it('gives a code and params the app can translate', () => {
    const r = parseCsv(`${HEADER}A,B\nB,C\nC,D\nD,E\nE,F\nF,G,x\n`);
    expect(r.ok ? null : r.errors[0]).toEqual({
      code: 'csv.unknownPolarity', params: { line: 7, value: 'x' }, message: "line 7: unknown polarity 'x' (use +, - or ?)", where: 'line 7',
    });
  });

  it('reports every bad line, up to a limit', () => {
    const rows = Array.from({ length: 80 }, (_, i) => `A${i},B${i},x`).join('\n');
    const r = parseCsv(`cause,effect,polarity\n${rows}`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(51);
    expect(r.errors[50]!.message).toBe('… and 30 more problems');
  });

  it('an unknown column is ignored with a warning', () => {
    const map = parsedOrThrow(parseCsv('cause,effect,colour\nA,B,red\n'));
    expect(map.warnings.map((w) => w.message)).toEqual(["line 1: the column 'colour' is not used, ignored"]);
  });

  it('a refused CSV leaves the map byte for byte as it was', () => {
    const doc = sampleDoc();
    const before = stateOf(doc);
    const r = parseCsv(`${HEADER}A,B,+\nB,C,x\n`);
    if (r.ok) importIntoDoc(doc, r.map, { mode: 'merge' });
    expect(stateOf(doc)).toEqual(before);
  });
});

describe('CSV export', () => {
  it('writes links with labels and factors with themes, quoting as RFC 4180 says', () => {
    const doc = sampleDoc();
    const links = exportLinksCsv(doc);
    expect(links.split('\r\n')[0]).toBe('cause,effect,polarity,strength,delay,note');
    expect(links).toContain("Sécheresse,Accès à l'eau,-,3,true,\"note, avec virgule\"\r\n");
    expect(links).toContain("Accès à l'eau,Conflits,?,,false,\r\n");
    const factors = exportFactorsCsv(doc);
    expect(factors).toContain('Sécheresse,Environnement,"Pluies, irrégulières\n""depuis 2012"""\r\n');
  });

  it('links CSV → map → links CSV gives the same file', () => {
    const text = exportLinksCsv(sampleDoc());
    const doc = createMapDoc();
    importIntoDoc(doc, parsedOrThrow(parseLinksCsv(text)), { mode: 'new' });
    expect(exportLinksCsv(doc)).toBe(text);
  });

  it('both CSV files bring back the same map, themes and notes included', () => {
    const source = sampleDoc();
    const doc = createMapDoc();
    importIntoDoc(doc, parsedOrThrow(parseFactorsCsv(exportFactorsCsv(source))), { mode: 'new' });
    importIntoDoc(doc, parsedOrThrow(parseLinksCsv(exportLinksCsv(source))), { mode: 'merge' });
    const { factors, links } = contentOf(doc);
    const expected = contentOf(source);
    expect(links).toEqual(expected.links);
    expect(factors.map(({ x: _x, y: _y, icon: _i, ...rest }) => rest))
      .toEqual(expected.factors.map(({ x: _x, y: _y, icon: _i, ...rest }) => rest));
  });

  it('tells apart two factors with the same label in both files', () => {
    const doc = createMapDoc();
    importIntoDoc(doc, parsedOrThrow(parseLinksCsv('cause,effect\nA,B\n')), { mode: 'new' });
    const twin = parsedOrThrow(parseFactorsCsv('label\nA\n'));
    importIntoDoc(doc, { ...twin, matchByLabel: false }, { mode: 'merge' });
    expect(exportFactorsCsv(doc)).toBe('label,theme,note\r\nA,,\r\nB,,\r\nA (2),,\r\n');
  });

  it('for Excel: BOM, semicolons, and formulas made harmless', () => {
    const doc = createMapDoc();
    importIntoDoc(doc, parsedOrThrow(parseLinksCsv('cause,effect,polarity\n=SUM(A1),B,-\n')), { mode: 'new' });
    const text = exportLinksCsv(doc, { excel: true });
    expect(text.startsWith('\uFEFFcause;effect;polarity')).toBe(true);
    expect(text).toContain("'=SUM(A1);B;-;");
    const back = parsedOrThrow(parseImportFile('x.csv', text));
    expect(back.links[0]).toMatchObject({ source: '=SUM(A1)', polarity: '-' });
  });
});

describe('themes from CSV files', () => {
  it('a theme named in the file becomes a theme of the map, found again by name', () => {
    const doc = createMapDoc();
    const t = addTheme(doc, 'Sécurité');
    importIntoDoc(doc, parsedOrThrow(parseFactorsCsv('label,theme\nA,sécurité\nB,Économie\nC,Économie\n')), { mode: 'merge' });
    const themes = readThemes(doc);
    expect(themes.map((x) => x.name)).toEqual(['Économie', 'Sécurité']);
    const snap = readSnapshot(doc);
    expect(snap.factors.map((f) => f.theme)).toEqual([t, themes[0]!.id, themes[0]!.id]);
    expect(exportFactorsCsv(doc)).toBe('label,theme,note\r\nA,Sécurité,\r\nB,Économie,\r\nC,Économie,\r\n');
  });
});

describe('merging CSV files into an open map', () => {
  it('a links file after a factors file joins factors by label and keeps their themes', () => {
    const doc = createMapDoc();
    importIntoDoc(doc, parsedOrThrow(parseFactorsCsv('label,theme\nSécheresse,Environnement\nConflits,Conflits\n')), { mode: 'new' });
    const r = importIntoDoc(doc, parsedOrThrow(parseLinksCsv('cause,effect\nSécheresse,Conflits\nConflits,Déplacements\n')), { mode: 'merge' });
    if (!r.ok) throw new Error('import failed');
    expect(r.reusedFactors).toBe(2);
    const snap = readSnapshot(doc);
    const themes = readThemes(doc);
    expect(snap.factors.map((f) => [f.label, themeOf(f.theme, themes)?.name])).toEqual([
      ['Sécheresse', 'Environnement'], ['Conflits', 'Conflits'], ['Déplacements', undefined],
    ]);
    expect(snap.links).toHaveLength(2);
  });

  it('links already in the map are left alone and counted', () => {
    const doc = createMapDoc();
    importIntoDoc(doc, parsedOrThrow(parseLinksCsv('cause,effect,polarity\nA,B,+\n')), { mode: 'new' });
    const r = importIntoDoc(doc, parsedOrThrow(parseLinksCsv('cause,effect,polarity\nA,B,-\nB,C,+\n')), { mode: 'merge' });
    expect(r.ok && r.skippedLinks).toBe(1);
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['import.linksSkipped']);
    expect(readSnapshot(doc).links.map((l) => l.polarity).sort()).toEqual(['+', '+']);
  });

  it('undo removes the whole CSV import at once', () => {
    const doc = createMapDoc();
    const undo = createUndoManager(doc);
    importIntoDoc(doc, parsedOrThrow(parseLinksCsv('cause,effect\nA,B\nB,C\nC,A\n')), { mode: 'merge' });
    expect(readSnapshot(doc).links).toHaveLength(3);
    undo.undo();
    expect(readSnapshot(doc).factors).toHaveLength(0);
  });
});
