import * as Y from 'yjs';
import { change } from './doc';
import { newId } from './ids';
import { silent } from './log';
import { ModelError } from './ops';
import { modelRegistry } from './registry';
import { MAX_LABEL_CHARS } from './schema';
import { isViewport, MAX_LOOP_ID_CHARS, readEntry, ROOT, VIEWS_SPEC, type Viewport } from './spec';
import type { Warn } from './validate';

/**
 * Saved views (issue 6): the steps of a step-by-step reveal. Each view keeps its place in the
 * list as a number, `position`, rather than in a Y.Array of ids: moving an item of a Y.Array
 * is a delete plus an insert, so two people moving the same view at once would leave it in the
 * list twice. A position is one field, so concurrent moves end with one of them (last writer
 * wins), concurrent adds both survive, and equal positions are ordered by id on every peer.
 */
export const VIEWS_ROOT = ROOT.views;
export { isViewport, MAX_LOOP_ID_CHARS, type Viewport };

export interface SavedView {
  readonly id: string;
  readonly title: string;
  /** Factor ids shown in this step; null shows every factor. */
  readonly factors: readonly string[] | null;
  /** null: the canvas fits the shown factors. */
  readonly viewport: Viewport | null;
  /** A loop to highlight (an id from the loop analysis). */
  readonly loop: string | null;
  readonly position: number;
}

export interface ViewPatch {
  title?: string;
  factors?: readonly string[] | null;
  viewport?: Viewport | null;
  loop?: string | null;
}

export type NewView = ViewPatch & { title: string; id?: string };

export function viewsOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(VIEWS_ROOT);
}

/** The shown factors are a Y.Map used as a set, so two people adding factors at once keep both. */
function writeFactors(m: Y.Map<unknown>, ids: readonly string[] | null): void {
  if (ids === null) {
    if (m.has('factors')) m.delete('factors');
    return;
  }
  let set = m.get('factors');
  if (!(set instanceof Y.Map)) {
    set = new Y.Map<unknown>();
    m.set('factors', set);
  }
  const factorSet = set as Y.Map<unknown>;
  const wanted = new Set(ids);
  for (const id of [...factorSet.keys()]) if (!wanted.has(id)) factorSet.delete(id);
  for (const id of wanted) if (factorSet.get(id) !== true) factorSet.set(id, true);
}

function writeView(m: Y.Map<unknown>, patch: ViewPatch): void {
  if (patch.title !== undefined) {
    const title = patch.title.trim().slice(0, MAX_LABEL_CHARS);
    if (m.get('title') !== title) m.set('title', title);
  }
  if (patch.factors !== undefined) writeFactors(m, patch.factors);
  if (patch.viewport !== undefined) {
    if (patch.viewport === null) m.delete('viewport');
    else {
      // A plain object, replaced whole: x of one person's view with zoom of another's is nobody's.
      const { x, y, zoom } = patch.viewport;
      m.set('viewport', { x, y, zoom });
    }
  }
  if (patch.loop !== undefined) {
    if (patch.loop === null || patch.loop === '') m.delete('loop');
    else if (m.get('loop') !== patch.loop) m.set('loop', patch.loop);
  }
}

/** Checked before the transaction opens, so a bad patch writes nothing. */
function validateFirst(patch: ViewPatch): void {
  if (patch.viewport && !isViewport(patch.viewport)) {
    throw new ModelError('bad-viewport', 'x, y and zoom must be finite, zoom > 0');
  }
  if (patch.loop && patch.loop.length > MAX_LOOP_ID_CHARS) throw new ModelError('bad-loop', 'Loop id too long');
}

/** Appends a view at the end of the list; returns its id. */
export function addView(doc: Y.Doc, v: NewView): string {
  validateFirst(v);
  return change(doc, () => {
    const views = readViews(doc, silent);
    const last = views[views.length - 1];
    const id = v.id ?? newId();
    if (viewsOf(doc).has(id)) throw new ModelError('duplicate-id', `A view with id ${id} exists`);
    const m = new Y.Map<unknown>();
    viewsOf(doc).set(id, m);
    m.set('position', last ? Math.floor(last.position) + 1 : 1);
    writeView(m, v);
    return id;
  });
}

/** Edits only the given fields; false when a peer deleted the view meanwhile. */
export function updateView(doc: Y.Doc, id: string, patch: ViewPatch): boolean {
  validateFirst(patch);
  return change(doc, () => {
    const m = viewsOf(doc).get(id);
    if (!(m instanceof Y.Map)) return false;
    writeView(m, patch);
    return true;
  });
}

export function removeView(doc: Y.Doc, id: string): boolean {
  return change(doc, () => {
    if (!viewsOf(doc).has(id)) return false;
    viewsOf(doc).delete(id);
    return true;
  });
}

/**
 * Moves a view so that it ends at `toIndex` in the list (clamped). Only the moved view's
 * position changes, unless the gap between its new neighbours is too small for a number
 * between them; then every view is renumbered, in the same transaction.
 */
export function moveView(doc: Y.Doc, id: string, toIndex: number): boolean {
  return change(doc, () => {
    const m = viewsOf(doc).get(id);
    if (!(m instanceof Y.Map)) return false;
    const others = readViews(doc, silent).filter((v) => v.id !== id);
    const i = Math.max(0, Math.min(others.length, Math.trunc(toIndex) || 0));
    const before = others[i - 1]?.position;
    const after = others[i]?.position;
    let pos: number;
    if (before === undefined) pos = after === undefined ? 1 : after - 1;
    else if (after === undefined) pos = before + 1;
    else pos = (before + after) / 2;
    if (before !== undefined && after !== undefined && !(pos > before && pos < after)) {
      const order = [...others.slice(0, i).map((v) => v.id), id, ...others.slice(i).map((v) => v.id)];
      order.forEach((vid, n) => viewsOf(doc).get(vid)?.set('position', n + 1));
      return true;
    }
    if (m.get('position') !== pos) m.set('position', pos);
    return true;
  });
}

/** Removal hook (install.ts): a removed factor leaves every view that shows it. */
export function dropFactorsFromViews(doc: Y.Doc, ids: ReadonlySet<string>): void {
  viewsOf(doc).forEach((m) => {
    const set = m instanceof Y.Map ? m.get('factors') : undefined;
    if (set instanceof Y.Map) for (const id of ids) if (set.has(id)) set.delete(id);
  });
}

function readFactorSet(id: string, v: unknown, warn: Warn): string[] | null {
  if (v === undefined) return null;
  if (!(v instanceof Y.Map)) {
    warn(`view ${id}: factors are not a map, showing all`);
    return null;
  }
  const ids: string[] = [];
  v.forEach((flag, fid) => {
    if (flag === true) ids.push(fid);
  });
  return ids.sort();
}

/** A view as its spec reads it (spec/views.ts); its shown factors are a set read here. */
export function readView(id: string, value: unknown, warn: Warn): SavedView | null {
  const e = readEntry(VIEWS_SPEC, id, value, warn);
  if (!e || !(value instanceof Y.Map)) return null;
  const viewport = e.viewport as Viewport | undefined;
  return {
    id,
    title: e.title as string,
    factors: readFactorSet(id, value.get('factors'), warn),
    viewport: viewport ? { x: viewport.x, y: viewport.y, zoom: viewport.zoom } : null,
    loop: (e.loop as string | undefined) ?? null,
    position: e.position as number,
  };
}

/** The views in list order: by position, then by id so every peer shows the same order. */
export function readViews(doc: Y.Doc, warn: Warn = modelRegistry.warn): SavedView[] {
  const out: SavedView[] = [];
  viewsOf(doc).forEach((v, id) => {
    const view = readView(id, v, warn);
    if (view) out.push(view);
  });
  return out.sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The factors a view shows, among those the map still has (a peer may have removed some). */
export function shownFactors(view: SavedView, factorIds: Iterable<string>): string[] {
  if (view.factors === null) return [...factorIds];
  const present = new Set(factorIds);
  return view.factors.filter((id) => present.has(id));
}
