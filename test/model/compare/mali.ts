import { createMapDoc, readSnapshot } from '../../../src/model';
import { importIntoDoc, parseImportFiles } from '../../../src/model/io';
import { fixture, parsedOrThrow, quiet } from '../io/helpers';

/** The Mali centre map in a document of its own, laid out on a grid (no layout needed here). */
export function maliDoc() {
  const parsed = parsedOrThrow(parseImportFiles([
    { name: 'mali-centre-factors.csv', data: fixture('mali-centre-factors.csv') },
    { name: 'mali-centre-links.csv', data: fixture('mali-centre-links.csv') },
  ]));
  const doc = createMapDoc({ title: 'Mali centre' });
  const r = importIntoDoc(doc, parsed, { mode: 'merge' });
  if (!r.ok) throw new Error(r.errors[0]!.message);
  return doc;
}

/** The id of the factor with this label; throws so a renamed fixture fails loudly. */
export function factorId(doc: ReturnType<typeof maliDoc>, label: string): string {
  const f = readSnapshot(doc, quiet).factors.find((x) => x.label === label);
  if (!f) throw new Error(`no factor ${label}`);
  return f.id;
}
