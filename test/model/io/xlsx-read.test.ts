import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createMapDoc, readSnapshot, readThemes, themeOf } from '../../../src/model';
import { importIntoDoc } from '../../../src/model/io';
import { MAX_XLSX_UNPACKED_BYTES, parseXlsx } from '../../../src/model/io/xlsx';
import { inflateEntry, InflateBudget, readZipIndex } from '../../../src/model/io/xlsx/zip';
import { errorsOf, parsedOrThrow, quiet } from './helpers';
import { buildXlsx, zipDeflated, type CellSpec } from './xlsx-build';

function codes(r: ReturnType<typeof parseXlsx>): string[] {
  if (r.ok) throw new Error('expected a refusal');
  return r.errors.map((e) => e.code);
}

describe('Excel import: Kumu layout', () => {
  const book = buildXlsx([
    {
      name: 'Elements',
      rows: [
        ['Label', 'Type', 'Description', 'Tags'],
        ['Sécheresse', 'Environnement', 'Pluies irrégulières\ndepuis 2012', 'climat|eau'],
        null,
        ["Accès à l'eau", null, null, 'Ressources | Hydraulique'],
        ['Conflits intercommunautaires', 'Sécurité', null, null],
        ['', null, null, null],
      ],
    },
    {
      name: 'Connections',
      rows: [
        ['From', 'To', 'Type', 'Strength', 'Description'],
        ['Sécheresse', "Accès à l'eau", '-', 'Strong', 'moins de pluie, moins d’eau'],
        ["Accès à l'eau", 'Conflits intercommunautaires', 'opposite', 2, null],
        ['Conflits intercommunautaires', 'Sécheresse | Exode rural', 'Personal', "It's complicated", null],
      ],
    },
    { name: 'Brouillon (ignore)', rows: [['From', 'To'], ['X', 'Y']] },
  ]);

  it('reads elements and connections, types and tags as themes, descriptions as notes', () => {
    const map = parsedOrThrow(parseXlsx('kumu.xlsx', book));
    expect(map.format).toBe('xlsx');
    expect(map.factors.map((f) => f.label)).toEqual([
      'Sécheresse', "Accès à l'eau", 'Conflits intercommunautaires', 'Exode rural',
    ]);
    const [drought, water] = map.factors;
    expect(drought).toMatchObject({ theme: 'Environnement', notes: 'Pluies irrégulières\ndepuis 2012\n\nTags: climat | eau' });
    // No type: the first tag is the theme, the others stay visible in the notes.
    expect(water).toMatchObject({ theme: 'Ressources', notes: 'Tags: Hydraulique' });
    expect(water?.x).toBeUndefined();
    expect(map.links).toEqual([
      { source: 'Sécheresse', target: "Accès à l'eau", polarity: '-', strength: 3, notes: 'moins de pluie, moins d’eau' },
      { source: "Accès à l'eau", target: 'Conflits intercommunautaires', polarity: '-', strength: 2 },
      { source: 'Conflits intercommunautaires', target: 'Sécheresse', polarity: '?' },
      { source: 'Conflits intercommunautaires', target: 'Exode rural', polarity: '?' },
    ]);
    const warned = map.warnings.map((w) => w.message);
    expect(warned).toContain("sheet 'Connections': 1 connection types that do not say + or − (such as 'Personal') were read as ? (not decided)");
    expect(warned.some((m) => m.includes("It's complicated"))).toBe(true);
    // The "(ignore)" sheet is neither read nor reported.
    expect(map.factors.some((f) => f.label === 'X')).toBe(false);
  });

  it('creates a map that lays the factors out and turns types into themes', () => {
    const doc = createMapDoc();
    const r = importIntoDoc(doc, parsedOrThrow(parseXlsx('kumu.xlsx', book)), { mode: 'new' });
    expect(r.ok).toBe(true);
    const snap = readSnapshot(doc, quiet);
    const themes = readThemes(doc, quiet);
    expect(snap.factors).toHaveLength(4);
    expect(snap.factors.every((f) => Number.isFinite(f.x) && Number.isFinite(f.y))).toBe(true);
    expect(snap.factors.map((f) => themeOf(f.theme, themes)?.name).filter(Boolean).sort())
      .toEqual(['Environnement', 'Ressources', 'Sécurité']);
  });
});

describe('Excel import: PRSM layout', () => {
  it('reads Factors and Links with positions, notes, link labels and extra attributes', () => {
    const book = buildXlsx([
      {
        name: 'Factors',
        rows: [
          ['label', 'x', 'y', 'style', 'Note', 'Sector'],
          ['Revenus agricoles', 120, -40.5, 2, 'baisse depuis 2015', 'Économie'],
          ['Migration', '300', '80', 1, null, null],
          ['Insécurité', 'n/a', 10, 2, null, null],
        ],
      },
      {
        name: 'Links',
        rows: [
          ['from', 'to', 'label', 'Note', 'style'],
          ['Revenus agricoles', 'Migration', 'pousse à partir', 'les jeunes surtout', 1],
          ['Insécurité', 'Revenus agricoles', null, null, 1],
        ],
      },
    ]);
    const map = parsedOrThrow(parseXlsx('prsm.xlsx', book));
    expect(map.factors[0]).toMatchObject({ label: 'Revenus agricoles', x: 120, y: -40.5, theme: 'Style 2', notes: 'baisse depuis 2015' });
    expect(map.factors[1]).toMatchObject({ x: 300, y: 80, theme: 'Style 1' });
    expect(map.factors[2]?.x).toBeUndefined();
    expect(map.warnings.map((w) => w.message)).toContain("sheet 'Factors', row 4, column B: 'n/a' is not a number; the factor was laid out instead");
    expect(map.links[0]).toMatchObject({ polarity: '?', notes: 'pousse à partir\nles jeunes surtout' });
  });
});

describe('Excel import: what spreadsheets do to tables', () => {
  it('finds a header below a merged title row and fills merged cells down', () => {
    const book = buildXlsx([{
      name: 'Carte',
      rows: [
        ['Carte du Mali central — atelier de Mopti', null, null],
        null,
        ['Libellé', 'Thème', 'Commentaire'],
        ['Sécheresse', 'Environnement', null],
        ['Dégradation des pâturages', null, null],
        ['Feux de brousse', null, 'saison sèche'],
        ['Élevage transhumant', 'Économie', null],
      ],
      merges: ['A1:C1', 'B4:B6'],
    }]);
    const map = parsedOrThrow(parseXlsx('titre.xlsx', book));
    expect(map.factors.map((f) => [f.label, f.theme])).toEqual([
      ['Sécheresse', 'Environnement'],
      ['Dégradation des pâturages', 'Environnement'],
      ['Feux de brousse', 'Environnement'],
      ['Élevage transhumant', 'Économie'],
    ]);
  });

  it('reads a header cell merged over two rows as naming its column', () => {
    const book = buildXlsx([{
      name: 'Liens',
      rows: [
        ['Cause', 'Effet', 'Polarité'],
        [null, null, null],
        ['Pluies', 'Récoltes', '+'],
      ],
      merges: ['A1:A2', 'B1:B2'],
    }]);
    expect(parsedOrThrow(parseXlsx('fusion.xlsx', book)).links).toEqual([{ source: 'Pluies', target: 'Récoltes', polarity: '+' }]);
  });

  it('reads formulas as their saved results, never computing them', () => {
    const cells: CellSpec[][] = [
      ['Label', 'Notes'],
      [{ formula: 'CONCAT("Accès ","à l\'eau")', cached: "Accès à l'eau", type: 'str' }, { formula: '1+1', cached: 7 }],
      ['Puits', { formula: 'A2&"!"' }],
    ];
    const map = parsedOrThrow(parseXlsx('formules.xlsx', buildXlsx([{ name: 'Feuil1', rows: cells }])));
    // 1+1 saved as 7 reads 7: the cached value, not an evaluation.
    expect(map.factors[0]).toMatchObject({ label: "Accès à l'eau", notes: '7' });
    expect(map.factors[1]?.notes).toBeUndefined();
    expect(map.warnings.map((w) => w.where)).toContain('Feuil1!B3');
  });

  it('reads rich text without its phonetic runs, and inline strings', () => {
    const map = parsedOrThrow(parseXlsx('riche.xlsx', buildXlsx([{
      name: 'F',
      rows: [[{ inline: 'Label' }], [{ rich: ['Séche', 'resse'], phonetic: 'セ' }], [{ inline: 'Crue' }]],
    }])));
    expect(map.factors.map((f) => f.label)).toEqual(['Sécheresse', 'Crue']);
  });

  const linkRows = (n: number): CellSpec[][] => {
    const out: CellSpec[][] = [['Cause', 'Effet', 'Polarité', 'Force']];
    for (let i = 0; i < n; i++) out.push([`F${i % 200}`, `F${(i % 200) + 1 + Math.floor(i / 200)}`, i % 2 ? '+' : '-', 1 + (i % 3)]);
    return out;
  };

  it('reads 20,000 links, the CSV limit', () => {
    const ok = parsedOrThrow(parseXlsx('grand.xlsx', buildXlsx([{ name: 'Liens', rows: linkRows(20_000) }])));
    expect(ok.links).toHaveLength(20_000);
  });

  it('refuses 20,001 links as the CSV import does', () => {
    const over = parseXlsx('trop.xlsx', buildXlsx([{ name: 'Liens', rows: linkRows(20_001) }]));
    expect(errorsOf(over)).toEqual(['too many links (20001, limit 20000)']);
  });
});

describe('Excel import: bad workbooks are refused, naming where', () => {
  it('names the sheet, row and column of each bad cell, in reading order', () => {
    const book = buildXlsx([
      { name: 'Facteurs', rows: [['Libellé'], ['Pluies'], ['Pluies']] },
      { name: 'Liens', rows: [['Cause', 'Effet', 'Polarité', 'Délai'], ['Pluies', 'Récoltes', '+', 'non'], ['Récoltes', 'Prix', 'peut-être', null], [null, 'Prix', '+', 'parfois']] },
    ]);
    const r = parseXlsx('erreurs.xlsx', book);
    expect(errorsOf(r)).toEqual([
      "sheet 'Facteurs', row 3, column A: the factor 'Pluies' is already on row 2",
      "sheet 'Liens', row 3, column C: unknown polarity 'peut-être' (use +, - or ?)",
      "sheet 'Liens', row 4, column A: the cause (From) is missing",
    ]);
    if (r.ok) return;
    expect(r.errors[1]).toMatchObject({ code: 'xlsx.unknownPolarity', params: { sheet: 'Liens', row: 3, column: 'C' }, where: 'Liens!C3' });
  });

  it('names the expected headers when no sheet has them', () => {
    const book = buildXlsx([{ name: 'Budget', rows: [['Poste', 'Montant'], ['Essence', 12]] }, { name: 'Feuil2', rows: [] }]);
    expect(errorsOf(parseXlsx('budget.xlsx', book))).toEqual([
      "budget.xlsx: no sheet names the expected columns — a sheet of factors needs a column 'Label' (or Libellé, Facteur, Nom), a sheet of links needs 'From' and 'To' (or Cause and Effet) in its first rows; sheets found: 'Budget', 'Feuil2'",
    ]);
  });

  it('says which formats are read for an .xls, an .ods, and a password-protected workbook', () => {
    const ole = (extra: number[]) => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0), ...extra]);
    const xls = ole([...new TextEncoder().encode('Workbook')].flatMap((c) => [c, 0]));
    expect(codes(parseXlsx('vieux.xls', xls))).toEqual(['xlsx.xls']);
    expect(errorsOf(parseXlsx('vieux.xls', xls))[0]).toMatch(/^vieux\.xls: an old Excel file \(\.xls\).*Trame reads \.xlsx workbooks, CSV/);
    const locked = ole([...new TextEncoder().encode('EncryptionInfo')].flatMap((c) => [c, 0]).concat(
      [...new TextEncoder().encode('EncryptedPackage')].flatMap((c) => [c, 0])));
    expect(codes(parseXlsx('secret.xlsx', locked))).toEqual(['xlsx.encrypted']);
    const ods = zipSync({ mimetype: [new TextEncoder().encode('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }], 'content.xml': new TextEncoder().encode('<office:document-content/>') });
    expect(codes(parseXlsx('libre.ods', ods))).toEqual(['xlsx.ods']);
  });

  it('refuses damaged archives and archives that are not workbooks', () => {
    const book = buildXlsx([{ name: 'F', rows: [['Label'], ['A']] }]);
    expect(codes(parseXlsx('coupé.xlsx', book.slice(0, book.length - 30)))).toEqual(['xlsx.damaged']);
    expect(codes(parseXlsx('photos.zip', zipSync({ 'a.txt': new Uint8Array([1]) })))).toEqual(['xlsx.damaged']);
  });

  /** A workbook whose first sheet unpacks to `size` bytes of spaces, declaring `declared`. */
  function bomb(size: number, declared?: number): Uint8Array {
    const parts = unzipSync(buildXlsx([{ name: 'F', rows: [['Label'], ['A']] }]));
    const sheet = 'xl/worksheets/sheet1.xml';
    return zipDeflated(Object.entries(parts).map(([name, data]) => (name === sheet
      ? { name, data: new Uint8Array(size).fill(0x20), ...(declared !== undefined ? { declared } : {}) }
      : { name, data })));
  }

  it('refuses a zip bomb on its declared size before inflating anything', () => {
    const book = bomb(MAX_XLSX_UNPACKED_BYTES + 1024);
    expect(book.length).toBeLessThan(MAX_XLSX_UNPACKED_BYTES / 500);
    expect(errorsOf(parseXlsx('bombe.xlsx', book))).toEqual([
      'bombe.xlsx: the workbook unpacks to more than 64 MB (at xl/worksheets/sheet1.xml); it was refused before being unpacked',
    ]);
  });

  it('stops inflating a part that lies about its size once past the budget', () => {
    const book = bomb(2 * MAX_XLSX_UNPACKED_BYTES, 100);
    expect(codes(parseXlsx('menteur.xlsx', book))).toEqual(['xlsx.tooLarge']);
    const index = readZipIndex(book);
    if (!index.ok) throw new Error('index');
    const budget = new InflateBudget(MAX_XLSX_UNPACKED_BYTES);
    const r = inflateEntry(book, index.entries.get('xl/worksheets/sheet1.xml')!, budget);
    expect(r).toEqual({ ok: false, problem: { kind: 'tooLarge', part: 'xl/worksheets/sheet1.xml' } });
    // Stopped within one step (16 KB of input, at most ~17 MB out) of the limit, not after 128 MB.
    expect(budget.used).toBeLessThan(MAX_XLSX_UNPACKED_BYTES + 17 * 1024 * 1024);
  });
});
