import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addFactor, readSnapshot, silent } from '../../src/model';
import { LogFolder } from '../../server/store/fold';

let folder: LogFolder | null = null;
afterEach(async () => {
  await folder?.close();
  folder = null;
});

/** An update log as a map's rows hold it: one update per edit. */
function log(labels: readonly string[]): Uint8Array[] {
  const doc = new Y.Doc();
  const rows: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => rows.push(u));
  labels.forEach((label, i) => addFactor(doc, { label, x: i * 100, y: 0 }));
  doc.destroy();
  return rows;
}

const labelsOf = (update: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return readSnapshot(doc, silent).factors.map((f) => f.label).sort();
};

describe('LogFolder, in its worker thread', () => {
  it('folds a log into one update that holds every row', async () => {
    folder = new LogFolder();
    const rows = log(['Sécheresse', 'Exode', 'Prix du mil']);
    expect(rows.length).toBe(3);
    const folded = await folder.fold(rows);
    expect(folded).toBeInstanceOf(Uint8Array);
    expect(labelsOf(folded!)).toEqual(['Exode', 'Prix du mil', 'Sécheresse']);
  });

  it('answers null when a row does not apply, so nothing is folded away', async () => {
    folder = new LogFolder();
    const rows = log(['Sécheresse']);
    expect(await folder.fold([...rows, new Uint8Array([1, 2, 3, 4])])).toBeNull();
    // The thread is still there for the next log.
    expect(labelsOf((await folder.fold(log(['Exode'])))!)).toEqual(['Exode']);
  });

  it('after close, a fold starts a fresh thread', async () => {
    folder = new LogFolder();
    await folder.fold(log(['A']));
    await folder.close();
    expect(labelsOf((await folder.fold(log(['B'])))!)).toEqual(['B']);
  });
});
