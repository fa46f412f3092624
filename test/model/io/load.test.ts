import { describe, expect, it } from 'vitest';
import { parseImportFile, parseImportFilesAsync } from '../../../src/model/io';
import { errorsOf, parsedOrThrow } from './helpers';
import { buildXlsx } from './xlsx-build';

const enc = new TextEncoder();

describe('one entry for every file', () => {
  it('reads a workbook, whatever its name says', async () => {
    const book = buildXlsx([{ name: 'Liens', rows: [['Cause', 'Effet'], ['Pluies', 'Récoltes']] }]);
    const map = parsedOrThrow(await parseImportFilesAsync([{ name: 'export (1)', data: book }]));
    expect(map.format).toBe('xlsx');
    expect(map.links).toHaveLength(1);
  });

  it('still reads CSV and Trame files, and a Kumu blueprint by its shape', async () => {
    const csv = await parseImportFilesAsync([{ name: 'liens.csv', data: enc.encode('cause,effect\nA,B\n') }]);
    expect(parsedOrThrow(csv).format).toBe('csv');
    const kumu = parseImportFile('carte.json', enc.encode('{"elements":[{"label":"A"}],"connections":[]}'));
    expect(parsedOrThrow(kumu).format).toBe('kumu');
    expect(errorsOf(parseImportFile('x.json', enc.encode('{"nodes":[]}')))[0]).toMatch(/^not a map file/);
  });

  it('says which formats are read for an .xls named as such, and refuses a workbook with other files', async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(errorsOf(await parseImportFilesAsync([{ name: 'vieux.xls', data: xls }]))[0]).toMatch(/an old Excel file \(\.xls\)/);
    const book = buildXlsx([{ name: 'F', rows: [['Label'], ['A']] }]);
    expect(errorsOf(await parseImportFilesAsync([{ name: 'a.xlsx', data: book }, { name: 'b.csv', data: enc.encode('label\nB\n') }])))
      .toEqual(['give one map file, or a CSV of factors with a CSV of links']);
  });
});
