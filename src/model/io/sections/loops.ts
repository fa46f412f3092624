import * as Y from 'yjs';
import { isLoopId, loopsOf, readLoopNotes } from '../../loops';
import { LOOPS_SPEC } from '../../spec';
import { silent } from '../../log';
import type { JsonSection, SectionIssue } from '../json-sections';
import { mapLoopId, SectionCheck } from '../sections-check';

/** Loops a map can have annotated; a file with more is not a Trame map. */
const MAX_LOOPS = 100_000;

/**
 * The `loops` section of Trame's JSON: the names, key-dynamic marks and notes a group gave
 * its loops. Loop ids are built from factor ids, so on a merge they follow the factors' new
 * ids; a loop whose factors did not all come in is dropped.
 */
interface LoopJson {
  id: string;
  name?: string;
  key?: boolean;
  notes?: string;
}

function validate(raw: unknown): SectionIssue[] {
  const c = new SectionCheck();
  c.list(raw, 'loops', MAX_LOOPS, (l, where) => {
    if (!isLoopId(l.id)) c.fail(`${where}.id`, 'must be a loop id (factor ids joined by >, smallest first)');
    c.fields(l, where, LOOPS_SPEC.fields, ['name', 'key', 'notes']);
  });
  return c.issues;
}

export const loopsSection: JsonSection<LoopJson[]> = {
  export: (doc) => {
    const notes = [...readLoopNotes(doc, silent).values()];
    if (notes.length === 0) return undefined;
    return notes.map(({ loopId, name, key, notes: text }) => ({
      id: loopId,
      ...(name !== undefined ? { name } : {}),
      ...(key ? { key } : {}),
      ...(text !== undefined ? { notes: text } : {}),
    }));
  },
  validate,
  import: (doc, data, ctx) => {
    for (const l of data) {
      const id = mapLoopId(ctx, l.id);
      if (!id) continue;
      const existing = loopsOf(doc).get(id);
      const m = existing instanceof Y.Map ? existing : new Y.Map<unknown>();
      if (l.name) m.set('name', l.name.trim());
      if (l.key) m.set('key', true);
      if (l.notes) m.set('notes', l.notes);
      if (!(existing instanceof Y.Map)) loopsOf(doc).set(id, m);
    }
  },
};
