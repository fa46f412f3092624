import { describe, expect, it } from 'vitest';
import {
  exportGraphml, exportJsonText, exportLinksCsv, importIntoDoc, IO_MESSAGES_EN, IO_MESSAGES_FR, MAX_IMPORT_BYTES,
  parseImportFile, parseImportFiles,
} from '../../../src/model/io';
import { errorsOf, parsedOrThrow, sampleDoc, stateOf } from './helpers';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('telling formats apart', () => {
  it('by content, whatever the file is called', () => {
    const doc = sampleDoc();
    expect(parsedOrThrow(parseImportFile('export', exportJsonText(doc))).format).toBe('json');
    expect(parsedOrThrow(parseImportFile('map.txt', utf8(exportGraphml(doc)))).format).toBe('graphml');
    expect(parsedOrThrow(parseImportFile('download', utf8(exportLinksCsv(doc)))).links).toHaveLength(3);
    expect(parsedOrThrow(parseImportFile('facteurs', 'label,theme\nA,x\n')).factors).toHaveLength(1);
  });

  it('by name or content type when the content is broken', () => {
    expect(errorsOf(parseImportFile('map.json', 'format: trame'))[0]).toMatch(/^broken JSON at line 1/);
    expect(errorsOf(parseImportFile('data', 'foo,bar\n1,2', 'text/csv'))[0]).toMatch(/^line 1: the first line must name/);
  });

  it('says when it cannot tell', () => {
    expect(errorsOf(parseImportFile('notes', 'hello world'))).toEqual([
      'notes: unrecognised file — expected a Trame map (.json), a CSV of links or factors, or a GraphML file',
    ]);
  });

  it('accepts an ArrayBuffer as the browser gives it', () => {
    const bytes = utf8('cause,effect\nA,B\n');
    expect(parsedOrThrow(parseImportFile('l.csv', bytes.buffer as ArrayBuffer)).links).toHaveLength(1);
  });
});

describe('files that are not text', () => {
  it('refuses NUL bytes', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(errorsOf(parseImportFile('map.csv', png))).toEqual(['not a text file']);
  });

  it('refuses bytes that are neither UTF-8 nor Windows-1252 text', () => {
    const junk = new Uint8Array([0xc3, 0x28, 0xa0, 0xa1, 0x81, 0x8d, 0xfe, 0x02, 0x9f]);
    expect(errorsOf(parseImportFile('map.csv', junk))).toEqual(['not a text file']);
  });

  it('reads a Windows-1252 CSV saved by French Excel, with a warning', () => {
    const latin1 = new Uint8Array([...'cause;effet\nS'].map((c) => c.charCodeAt(0)).concat([0xe9], [...'cheresse;Conflits\n'].map((c) => c.charCodeAt(0))));
    const map = parsedOrThrow(parseImportFile('liens.csv', latin1));
    expect(map.links[0]!.source).toBe('Sécheresse');
    expect(map.warnings.map((w) => w.code)).toContain('text.windows1252');
  });

  it('refuses an empty file', () => {
    expect(errorsOf(parseImportFile('a.csv', utf8(' \n\n')))).toEqual(['the file is empty']);
  });

  it('refuses a 50 MB file, saying how large it is and what the limit is', () => {
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x41);
    const r = parseImportFile('big.csv', big);
    expect(r.ok ? null : r.errors[0]).toMatchObject({
      code: 'text.tooLarge', params: { size: 50, limit: MAX_IMPORT_BYTES / 1024 / 1024 }, message: 'file too large (50 MB, limit 20 MB)',
    });
  });

  it('a refused file leaves the map byte for byte as it was', () => {
    const doc = sampleDoc();
    const before = stateOf(doc);
    for (const bad of [new Uint8Array([1, 0, 2]), utf8('{"format":"trame","schemaVersion":99}'), utf8('cause,effect\nA,A')]) {
      const r = parseImportFile('x', bad);
      expect(r.ok).toBe(false);
      if (r.ok) importIntoDoc(doc, r.map, { mode: 'merge' });
    }
    expect(stateOf(doc)).toEqual(before);
  });
});

describe('a factors file and a links file together', () => {
  it('make one map, in either order', () => {
    const factors = { name: 'f.csv', data: utf8('label,theme\nA,t1\nB,t2\n') };
    const links = { name: 'l.csv', data: utf8('cause,effect\nA,B\nB,C\n') };
    for (const files of [[factors, links], [links, factors]]) {
      const map = parsedOrThrow(parseImportFiles(files));
      expect(map.factors.map((f) => [f.label, f.theme])).toEqual([['A', 't1'], ['B', 't2'], ['C', undefined]]);
      expect(map.links).toHaveLength(2);
    }
  });

  it("errors name the file they are in", () => {
    const r = parseImportFiles([{ name: 'f.csv', data: 'label\nA\n' }, { name: 'l.csv', data: 'cause,effect,polarity\nA,B,x\n' }]);
    expect(r.ok ? null : r.errors[0]).toMatchObject({ file: 'l.csv', message: "l.csv: line 2: unknown polarity 'x' (use +, - or ?)" });
  });

  it('two files of links are refused', () => {
    const links = { name: 'l.csv', data: 'cause,effect\nA,B\n' };
    expect(errorsOf(parseImportFiles([links, links]))).toEqual(['give one map file, or a CSV of factors with a CSV of links']);
  });
});

describe('messages', () => {
  it('every code has an English and a French template with the same placeholders', () => {
    const placeholders = (t: string) => [...t.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [code, en] of Object.entries(IO_MESSAGES_EN)) {
      const fr = IO_MESSAGES_FR[code as keyof typeof IO_MESSAGES_EN];
      expect(fr, code).toBeTruthy();
      expect(placeholders(fr), code).toEqual(placeholders(en));
    }
  });
});
