import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addFactor, addLink, createMapDoc, createUndoManager, removeFactors } from '../../../src/model';
import { citeStory } from '../../../src/model/citations';
import {
  exportCitationsCsv, exportStoriesCsv, importStoriesCsv, ioMessage, parseStoriesCsv, type IoIssue,
} from '../../../src/model/io';
import { addStory, readStories } from '../../../src/model/stories';

const utf8 = (s: string) => new TextEncoder().encode(s);
const stripIds = (doc: Y.Doc) => readStories(doc).map(({ id: _id, ...rest }) => rest);

function errorsOf(r: { ok: true } | { ok: false; errors: IoIssue[] }): IoIssue[] {
  if (r.ok) throw new Error('expected errors, the file was accepted');
  return r.errors;
}

const GOOD = [
  'code,summary,place,date,group,language,tags',
  'R-001,"Les éleveurs ne passent plus, depuis l\'an dernier",Mopti,2024-03-12,Équipe A,fr,transhumance;eau',
  'R-002,"Une histoire',
  'sur deux lignes",Ségou,saison des pluies 2023,Équipe B,bm,foncier | sécurité',
  '',
  'R-003,,,,,,',
].join('\r\n');

describe('importing stories from CSV', () => {
  it('imports every row in one transaction, with quoted commas, line breaks and both tag separators', () => {
    const doc = createMapDoc();
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    const r = importStoriesCsv(doc, utf8(`\uFEFF${GOOD}\r\n`));
    expect(r.ok && r.added.length).toBe(3);
    expect(transactions).toBe(1);
    expect(stripIds(doc)).toEqual([
      {
        code: 'R-001', summary: "Les éleveurs ne passent plus, depuis l'an dernier", place: 'Mopti',
        date: '2024-03-12', group: 'Équipe A', language: 'fr', tags: ['eau', 'transhumance'],
      },
      {
        code: 'R-002', summary: 'Une histoire\nsur deux lignes', place: 'Ségou', date: 'saison des pluies 2023',
        group: 'Équipe B', language: 'bm', tags: ['foncier', 'sécurité'],
      },
      { code: 'R-003', summary: '', place: '', date: '', group: '', language: '', tags: [] },
    ]);
  });

  it('reads French column names in any order, separated by semicolons, code alone required', () => {
    const r = parseStoriesCsv('Lieu;Code;Résumé;Étiquettes\nMopti;R-9;Un récit;eau|bétail\n');
    expect(r.ok && r.stories).toEqual([
      { line: 2, code: 'R-9', place: 'Mopti', summary: 'Un récit', tags: ['eau', 'bétail'] },
    ]);
  });

  it('refuses a file without a code column, naming line 1', () => {
    const [e] = errorsOf(parseStoriesCsv('label,theme\nEau,Env\n'));
    expect(e).toMatchObject({ code: 'stories.badHeader', where: 'line 1' });
    expect(e?.message).toMatch(/code/);
  });

  it('names the line of a missing code, counting lines inside quoted texts', () => {
    const errors = errorsOf(parseStoriesCsv('code,summary\nR-1,"a\nb"\n,orphan\n'));
    expect(errors).toEqual([expect.objectContaining({ code: 'stories.missingCode', params: { line: 4 }, where: 'line 4' })]);
    expect(ioMessage(errors[0]!, 'fr')).toBe('ligne 4 : le code manque');
    expect(ioMessage(errors[0]!, 'en')).toBe('line 4: the code is missing');
  });

  it('names both lines of a code used twice in the file, whatever its case', () => {
    const errors = errorsOf(parseStoriesCsv('code\nR-1\nR-2\nr-1\n'));
    expect(errors[0]).toMatchObject({ code: 'stories.duplicateCode', params: { line: 4, code: 'r-1', first: 2 } });
  });

  it('refuses binary junk, a file too large, a broken quote and too many fields', () => {
    expect(errorsOf(parseStoriesCsv(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2])))[0]?.code).toBe('text.binary');
    expect(errorsOf(parseStoriesCsv(new Uint8Array(21 * 1024 * 1024).fill(65)))[0]?.code).toBe('text.tooLarge');
    expect(errorsOf(parseStoriesCsv('code,summary\nR-1,"open\n'))[0]).toMatchObject({ code: 'csv.quotes', where: 'line 2' });
    expect(errorsOf(parseStoriesCsv('code,summary\nR-1,a,b\n'))[0]).toMatchObject({ code: 'csv.tooManyFields', where: 'line 2' });
    expect(errorsOf(parseStoriesCsv('code\n\n'))[0]?.code).toBe('csv.noRows');
  });

  it('refuses too long a field, naming the field', () => {
    const errors = errorsOf(parseStoriesCsv(`code,place\nR-1,${'x'.repeat(201)}\n`));
    expect(errors[0]).toMatchObject({ code: 'stories.tooLong', params: { line: 2, field: 'place', max: 200 } });
  });

  it('adds nothing when one line is bad', () => {
    const doc = createMapDoc();
    const r = importStoriesCsv(doc, 'code,summary\nR-1,ok\nR-2,ok\n,bad\n');
    expect(r.ok).toBe(false);
    expect(readStories(doc)).toEqual([]);
  });

  it('a code the map already has is an error, or skipped, or updated, as asked', () => {
    const doc = createMapDoc();
    const id = addStory(doc, { code: 'R-1', summary: 'old', place: 'Mopti' });
    const file = 'code,summary\nr-1,new\nR-2,other\n';
    expect(errorsOf(importStoriesCsv(doc, file))[0]).toMatchObject({ code: 'stories.existingCode', where: 'line 2' });
    expect(readStories(doc)).toHaveLength(1);
    const skip = importStoriesCsv(doc, file, { existing: 'skip' });
    expect(skip.ok && skip.skipped).toBe(1);
    expect(readStories(doc).find((s) => s.id === id)?.summary).toBe('old');
    const update = importStoriesCsv(doc, 'code,summary\nR-1,new\n', { existing: 'update' });
    expect(update.ok && update.updated).toEqual([id]);
    expect(readStories(doc).find((s) => s.id === id)).toMatchObject({ summary: 'new', place: 'Mopti' });
  });

  it('one undo takes a whole import back', () => {
    const doc = createMapDoc();
    const undo = createUndoManager(doc);
    importStoriesCsv(doc, GOOD);
    undo.undo();
    expect(readStories(doc)).toEqual([]);
  });
});

describe('exporting stories and citations', () => {
  function mapWithEvidence() {
    const doc = createMapDoc();
    const a = addFactor(doc, { label: 'Vol de bétail', x: 0, y: 0 });
    const b = addFactor(doc, { label: 'Représailles', x: 0, y: 0 });
    const gone = addFactor(doc, { label: 'Disparu', x: 0, y: 0 });
    const ab = addLink(doc, { source: a, target: b });
    const r1 = addStory(doc, { code: 'R-1', summary: 'Secret, détaillé', place: 'Mopti', tags: ['eau', 'bétail'] });
    const r2 = addStory(doc, { code: '=cmd', summary: '-2' });
    citeStory(doc, r1, { kind: 'factor', id: a });
    citeStory(doc, r1, { kind: 'link', id: ab });
    citeStory(doc, r2, { kind: 'factor', id: b });
    citeStory(doc, r2, { kind: 'factor', id: gone });
    removeFactors(doc, [gone]);
    return { doc, a, ab, r1 };
  }

  it('exported stories import back into another map unchanged', () => {
    const { doc } = mapWithEvidence();
    const other = createMapDoc();
    const r = importStoriesCsv(other, exportStoriesCsv(doc));
    expect(r.ok).toBe(true);
    expect(stripIds(other)).toEqual(stripIds(doc));
  });

  it('a codes-only export has no summary, place or collector', () => {
    const { doc } = mapWithEvidence();
    // Formulas are guarded by default, as in the map's CSV (csv-write.ts); raw leaves them.
    expect(exportStoriesCsv(doc, { codesOnly: true })).toBe("code\r\n'=cmd\r\nR-1\r\n");
    expect(exportStoriesCsv(doc, { codesOnly: true, raw: true })).toBe('code\r\n=cmd\r\nR-1\r\n');
    expect(exportCitationsCsv(doc, { codesOnly: true })).not.toMatch(/Secret|Mopti/);
  });

  it('exports citations with element labels and story codes, none dangling', () => {
    const { doc, a, ab, r1 } = mapWithEvidence();
    expect(exportCitationsCsv(doc, { codesOnly: true, raw: true }).split('\r\n')).toEqual([
      'kind,element,story',
      'factor,Représailles,=cmd',
      'factor,Vol de bétail,R-1',
      'link,Vol de bétail → Représailles,R-1',
      '',
    ]);
    const full = exportCitationsCsv(doc).split('\r\n');
    expect(full[0]).toBe('kind,element,story,summary,element_id,story_id');
    expect(full).toContain(`factor,Vol de bétail,R-1,"Secret, détaillé",${a},${r1}`);
    expect(full).toContain(`link,Vol de bétail → Représailles,R-1,"Secret, détaillé",${ab},${r1}`);
  });

  it('a plain export guards formulas too, and imports back', () => {
    const { doc } = mapWithEvidence();
    const other = createMapDoc();
    importStoriesCsv(other, exportStoriesCsv(doc));
    expect(stripIds(other)).toEqual(stripIds(doc));
  });

  it('an Excel export guards formulas and still imports back', () => {
    const { doc } = mapWithEvidence();
    const csv = exportStoriesCsv(doc, { excel: true });
    expect(csv.startsWith('\uFEFFcode;summary;')).toBe(true);
    expect(csv).toContain("'=cmd;'-2");
    const other = createMapDoc();
    importStoriesCsv(other, utf8(csv));
    expect(stripIds(other)).toEqual(stripIds(doc));
  });
});
