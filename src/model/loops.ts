import * as Y from 'yjs';
import type { LoopKind } from './analysis/loops';
import { change } from './doc';
import { ModelError } from './ops';
import { modelRegistry } from './registry';
import { MAX_LABEL_CHARS, MAX_NOTES_CHARS } from './schema';
import { isLoopId, LOOPS_SPEC, readEntry, ROOT } from './spec';
import type { Warn } from './validate';

/**
 * What a workshop says about a feedback loop: a name ("the poverty trap"), whether it is a
 * key dynamic of the system, notes. Loops are computed, not stored; annotations are keyed by
 * the loop's canonical id (its factor ids from the smallest, joined by '>'), so they follow
 * the loop as long as its factors exist, even if a link of it is deleted and drawn again.
 */
export const LOOPS_ROOT = ROOT.loops;

export interface LoopNote {
  readonly loopId: string;
  readonly name?: string;
  /** Marked as a key dynamic of the system. */
  readonly key?: boolean;
  readonly notes?: string;
}

export function loopsOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(LOOPS_ROOT);
}

export { isLoopId };

function checkLoopId(loopId: string): void {
  if (!isLoopId(loopId)) throw new ModelError('bad-loop-id', `Not a loop id: ${String(loopId).slice(0, 80)}`);
}

/**
 * The loop's entry, created if absent. An empty entry is left in place when its fields are
 * cleared: deleting it would drop a peer's concurrent edit of another field.
 */
function entry(doc: Y.Doc, loopId: string): Y.Map<unknown> {
  const loops = loopsOf(doc);
  const m = loops.get(loopId);
  if (m instanceof Y.Map) return m;
  const fresh = new Y.Map<unknown>();
  loops.set(loopId, fresh);
  return fresh;
}

function setText(doc: Y.Doc, loopId: string, field: 'name' | 'notes', value: string | undefined, max: number): void {
  checkLoopId(loopId);
  const clean = field === 'name' ? value?.trim() : value;
  change(doc, () => {
    const existing = loopsOf(doc).get(loopId);
    if (!clean) {
      if (existing instanceof Y.Map && existing.has(field)) existing.delete(field);
      return;
    }
    const m = entry(doc, loopId);
    const v = clean.slice(0, max);
    if (m.get(field) !== v) m.set(field, v);
  });
}

/** Names a loop; an empty name clears it. */
export function nameLoop(doc: Y.Doc, loopId: string, name: string | undefined): void {
  setText(doc, loopId, 'name', name, MAX_LABEL_CHARS);
}

export function setLoopNotes(doc: Y.Doc, loopId: string, notes: string | undefined): void {
  setText(doc, loopId, 'notes', notes, MAX_NOTES_CHARS);
}

/** Marks or unmarks a loop as a key dynamic; the field is present only when true. */
export function setLoopKey(doc: Y.Doc, loopId: string, key: boolean): void {
  checkLoopId(loopId);
  change(doc, () => {
    const existing = loopsOf(doc).get(loopId);
    if (!key) {
      if (existing instanceof Y.Map && existing.has('key')) existing.delete('key');
      return;
    }
    const m = entry(doc, loopId);
    if (m.get('key') !== true) m.set('key', true);
  });
}

/** An annotation as its spec reads it (spec/loops.ts); `key: false` and empty notes mean none. */
export function readLoopNote(loopId: string, value: unknown, warn: Warn): LoopNote | null {
  const e = readEntry(LOOPS_SPEC, loopId, value, warn);
  if (!e) return null;
  const note: { -readonly [K in keyof LoopNote]: LoopNote[K] } = { loopId };
  if (typeof e.name === 'string') note.name = e.name;
  if (e.key === true) note.key = true;
  if (typeof e.notes === 'string' && e.notes !== '') note.notes = e.notes;
  return note;
}

/** Annotations by loop id; entries with nothing valid in them are left out. */
export function readLoopNotes(doc: Y.Doc, warn: Warn = modelRegistry.warn): Map<string, LoopNote> {
  const notes = new Map<string, LoopNote>();
  loopsOf(doc).forEach((v, id) => {
    const n = readLoopNote(id, v, warn);
    if (n && (n.name !== undefined || n.key !== undefined || n.notes !== undefined)) notes.set(id, n);
  });
  return notes;
}

export interface LoopLetters {
  readonly reinforcing: string;
  readonly balancing: string;
  readonly unknown: string;
}

/** English letters; French workshops may prefer { reinforcing: 'R', balancing: 'E' } (équilibrante). */
export const LOOP_LETTERS_EN: LoopLetters = { reinforcing: 'R', balancing: 'B', unknown: '?' };

/**
 * R1, R2…, B1… markers for the named loops, numbered per kind in the order of the loop list
 * (shortest first), so a marker changes only when a named loop appears, goes or changes kind.
 */
export function loopLabels(
  loops: readonly { readonly id: string; readonly kind: LoopKind }[],
  notes: ReadonlyMap<string, LoopNote>,
  letters: LoopLetters = LOOP_LETTERS_EN,
): Map<string, string> {
  const counts: Record<LoopKind, number> = { reinforcing: 0, balancing: 0, unknown: 0 };
  const labels = new Map<string, string>();
  for (const loop of loops) {
    if (!notes.get(loop.id)?.name) continue;
    counts[loop.kind]++;
    labels.set(loop.id, `${letters[loop.kind]}${counts[loop.kind]}`);
  }
  return labels;
}

/**
 * Removal hook (install.ts): a removed factor ends its loops; their annotations go in the same
 * transaction, and undo brings them back with the factor.
 */
export function dropLoopNotesThrough(doc: Y.Doc, factorIds: ReadonlySet<string>): void {
  const loops = loopsOf(doc);
  for (const loopId of [...loops.keys()]) {
    const parts = loopId.split('>');
    if (parts.some((id) => factorIds.has(id))) loops.delete(loopId);
  }
}
