import { describe, expect, it } from 'vitest';
import { createMapDoc, createUndoManager, moveFactors, readSnapshot } from '../../../src/model';
import { parseImportFiles } from '../../../src/model/io';
import { estimateFactorSize, measureLayout, runTidy } from '../../../src/model/layout';
import { importWithLayout } from '../../../src/features/import/importLayout';
import { fixture, parsedOrThrow, quiet } from '../../model/io/helpers';

/**
 * Imports laid out (issue 12): a factors CSV imported before its links CSV is laid out again
 * when the links arrive, not left on a grid with links drawn across it; factors placed by hand
 * stay; the import and its layout are one undo step. runTidy stands in for the worker.
 */
const here = async (plan: Parameters<typeof runTidy>[0]) => runTidy(structuredClone(plan));

function parsed(name: string) {
  return parsedOrThrow(parseImportFiles([{ name, data: fixture(name) }]));
}

function quality(doc: ReturnType<typeof createMapDoc>) {
  const snap = readSnapshot(doc, quiet);
  return measureLayout(snap.factors.map((f) => ({ id: f.id, x: f.x, y: f.y, ...estimateFactorSize(f.label) })), snap.links);
}

describe('factors first, then links', () => {
  it('the links’ arrival lays the factors out: no overlaps, no link through a box', async () => {
    const doc = createMapDoc();
    const f = await importWithLayout(doc, { ...parsed('mali-centre-factors.csv'), links: [] }, 'merge', here);
    expect(f.ok).toBe(true);
    const grid = quality(doc);
    const undo = createUndoManager(doc);
    const l = await importWithLayout(doc, parsed('mali-centre-links.csv'), 'merge', here);
    expect(l.ok).toBe(true);
    const snap = readSnapshot(doc, quiet);
    expect(snap.links.length).toBe(55);
    const q = quality(doc);
    expect(q.overlaps).toBe(0);
    expect(q.linksThroughBoxes).toBe(0);
    // Far fewer crossings than the links drawn across the grid would give.
    expect(q.crossings).toBeLessThan(30);
    expect(grid.crossings).toBe(0);
    // One undo takes the links and the new layout back together.
    undo.undo();
    expect(readSnapshot(doc, quiet).links.length).toBe(0);
    expect(quality(doc)).toEqual(grid);
  });

  it('a factor placed by hand stays where it is when the links arrive', async () => {
    const doc = createMapDoc();
    await importWithLayout(doc, { ...parsed('mali-centre-factors.csv'), links: [] }, 'merge', here);
    const first = readSnapshot(doc, quiet).factors[0]!;
    moveFactors(doc, [{ id: first.id, x: -3000, y: -2000 }]);
    await importWithLayout(doc, parsed('mali-centre-links.csv'), 'merge', here);
    expect(readSnapshot(doc, quiet).factorById.get(first.id)).toMatchObject({ x: -3000, y: -2000 });
    expect(quality(doc).overlaps).toBe(0);
  });
});
