import * as Y from 'yjs';
import { isLoopId, loopsOf, readLoopNotes } from '../../loops';
import { MAX_LABEL_CHARS, MAX_NOTES_CHARS } from '../../schema';
import { silent } from '../../log';
import type { JsonSection, SectionIssue } from '../json-sections';
import { mapLoopId } from '../sections-check';

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
  if (!Array.isArray(raw)) return [{ where: 'loops', message: 'must be a list' }];
  const issues: SectionIssue[] = [];
  raw.forEach((l: unknown, i) => {
    const where = `loops[${i}]`;
    if (typeof l !== 'object' || l === null || Array.isArray(l)) {
      issues.push({ where, message: 'must be an object' });
      return;
    }
    const { id, name, key, notes } = l as Record<string, unknown>;
    if (!isLoopId(id)) issues.push({ where: `${where}.id`, message: 'must be a loop id (factor ids joined by >, smallest first)' });
    if (name !== undefined && (typeof name !== 'string' || name.length > MAX_LABEL_CHARS)) {
      issues.push({ where: `${where}.name`, message: `must be a text of at most ${MAX_LABEL_CHARS} characters` });
    }
    if (key !== undefined && typeof key !== 'boolean') issues.push({ where: `${where}.key`, message: 'must be true or false' });
    if (notes !== undefined && (typeof notes !== 'string' || notes.length > MAX_NOTES_CHARS)) {
      issues.push({ where: `${where}.notes`, message: `must be a text of at most ${MAX_NOTES_CHARS} characters` });
    }
  });
  return issues;
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
