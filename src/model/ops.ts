import * as Y from 'yjs';
import { change, factorsOf, linksOf, metaOf } from './doc';
import { newId } from './ids';
import { modelRegistry } from './registry';
import {
  MAX_LABEL_CHARS, MAX_NOTES_CHARS, POLARITIES, type Polarity,
} from './schema';
import { FACTORS_SPEC, isBlank, isPolarity, isStrength, MAX_LANGUAGE_CHARS, maxChars } from './spec';

/**
 * The named operations: the only way the app writes to a map. Each is one local transaction
 * (one undo step) and edits fields in place: replacing a whole factor map would resurrect one
 * that a peer has just deleted, and would overwrite a peer's concurrent edit of another field.
 */

export interface NewFactor {
  label: string;
  x: number;
  y: number;
  theme?: string;
  notes?: string;
  icon?: string;
  /** Importers pass their own ids; the app lets the model choose. */
  id?: string;
}

export class ModelError extends Error {
  constructor(public readonly code: string, message: string) {
    super(message);
    this.name = 'ModelError';
  }
}

/**
 * A label is trimmed and cut to its limit; a blank one is refused (spec/factors.ts): readers
 * would show it as a placeholder, and an importer would refuse the file it exports to.
 */
function cleanLabel(label: string): string {
  if (typeof label !== 'string' || isBlank(label)) throw new ModelError('empty-label', 'A factor needs a label');
  return label.trim().slice(0, MAX_LABEL_CHARS);
}

/** The limit of an optional text field of a factor, from its spec. */
function maxCharsOf(field: FactorField): number {
  return maxChars(FACTORS_SPEC.fields, field);
}

function finite(n: number, what: string): number {
  if (!Number.isFinite(n)) throw new ModelError('bad-position', `${what} must be a finite number`);
  return n;
}

/** Writes a factor into a transaction already open (importers batch many). */
export function putFactor(doc: Y.Doc, f: NewFactor): string {
  const id = f.id ?? newId();
  const m = new Y.Map<unknown>();
  m.set('label', cleanLabel(f.label));
  m.set('x', finite(f.x, 'x'));
  m.set('y', finite(f.y, 'y'));
  if (f.theme) m.set('theme', f.theme.slice(0, maxCharsOf('theme')));
  if (f.notes) m.set('notes', f.notes.slice(0, maxCharsOf('notes')));
  if (f.icon) m.set('icon', f.icon.slice(0, maxCharsOf('icon')));
  factorsOf(doc).set(id, m);
  return id;
}

export function addFactor(doc: Y.Doc, f: NewFactor): string {
  return change(doc, () => putFactor(doc, f));
}

function factorMap(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  const m = factorsOf(doc).get(id);
  return m instanceof Y.Map ? m : null;
}

function linkMap(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  const m = linksOf(doc).get(id);
  return m instanceof Y.Map ? m : null;
}

/**
 * Returns false when the factor is gone (a peer deleted it meanwhile); throws ModelError
 * 'empty-label' for a blank label, before anything is written.
 */
export function renameFactor(doc: Y.Doc, id: string, label: string): boolean {
  const clean = cleanLabel(label);
  return change(doc, () => {
    const m = factorMap(doc, id);
    if (!m) return false;
    if (m.get('label') !== clean) m.set('label', clean);
    return true;
  });
}

export type FactorField = 'theme' | 'notes' | 'icon';

/** Sets or clears (empty string / undefined) an optional text field of a factor. */
export function setFactorField(doc: Y.Doc, id: string, field: FactorField, value: string | undefined): boolean {
  return change(doc, () => {
    const m = factorMap(doc, id);
    if (!m) return false;
    const max = maxCharsOf(field);
    if (value === undefined || value === '') {
      if (m.has(field)) m.delete(field);
    } else if (m.get(field) !== value) {
      m.set(field, value.slice(0, max));
    }
    return true;
  });
}

export interface Move {
  id: string;
  x: number;
  y: number;
}

/**
 * Called when a drag ends, never per frame: a Yjs doc keeps every position it was sent. A move
 * by hand (the default) also marks the factor as placed by a person, in the same transaction,
 * so "tidy around what I placed" knows to leave it; a layout passes `byHand: false`.
 */
export function moveFactors(doc: Y.Doc, moves: readonly Move[], { byHand = true }: { byHand?: boolean } = {}): number {
  return change(doc, () => {
    let moved = 0;
    for (const { id, x, y } of moves) {
      const m = factorMap(doc, id);
      if (!m || !Number.isFinite(x) || !Number.isFinite(y)) continue;
      if (m.get('x') !== x) m.set('x', x);
      if (m.get('y') !== y) m.set('y', y);
      if (byHand && m.get('placed') !== true) m.set('placed', true);
      moved++;
    }
    return moved;
  });
}

/**
 * Removes factors and, in the same transaction, every link touching them and what the
 * installed model drops with them (install.ts: loop notes, citations, view entries), so one
 * undo brings everything back together.
 */
export function removeFactors(doc: Y.Doc, ids: readonly string[]): number {
  const cascade = modelRegistry.cascade();
  return change(doc, () => {
    const factors = factorsOf(doc);
    const gone = new Set(ids.filter((id) => factors.has(id)));
    if (gone.size === 0) return 0;
    const links = linksOf(doc);
    const goneLinks = new Set<string>();
    for (const [lid, l] of links.entries()) {
      const s = l instanceof Y.Map ? l.get('source') : undefined;
      const t = l instanceof Y.Map ? l.get('target') : undefined;
      if (gone.has(s as string) || gone.has(t as string)) goneLinks.add(lid);
    }
    for (const lid of goneLinks) links.delete(lid);
    for (const id of gone) factors.delete(id);
    if (goneLinks.size > 0) cascade.links.forEach((hook) => hook(doc, goneLinks));
    cascade.factors.forEach((hook) => hook(doc, gone));
    return gone.size;
  });
}

export interface NewLink {
  source: string;
  target: string;
  polarity?: Polarity;
  strength?: number;
  delay?: boolean;
  notes?: string;
  id?: string;
}

/** Finds the link from source to target, if any (a second one is refused). */
export function findLink(doc: Y.Doc, source: string, target: string): string | null {
  for (const [id, l] of linksOf(doc).entries()) {
    if (l instanceof Y.Map && l.get('source') === source && l.get('target') === target) return id;
  }
  return null;
}

/** Writes a link inside an open transaction, after the same checks as addLink. */
export function putLink(doc: Y.Doc, l: NewLink): string {
  if (l.source === l.target) throw new ModelError('self-link', 'A factor cannot cause itself');
  const factors = factorsOf(doc);
  if (!factors.has(l.source) || !factors.has(l.target)) {
    throw new ModelError('missing-factor', 'Both ends of a link must be factors of the map');
  }
  if (findLink(doc, l.source, l.target)) {
    throw new ModelError('duplicate-link', 'These two factors are already linked in this direction');
  }
  const polarity = l.polarity ?? '+';
  if (!isPolarity(polarity)) throw new ModelError('bad-polarity', `Unknown polarity ${String(polarity)}`);
  const id = l.id ?? newId();
  const m = new Y.Map<unknown>();
  m.set('source', l.source);
  m.set('target', l.target);
  m.set('polarity', polarity);
  if (l.strength !== undefined) {
    if (!isStrength(l.strength)) throw new ModelError('bad-strength', 'Strength is 1, 2 or 3');
    m.set('strength', l.strength);
  }
  if (l.delay) m.set('delay', true);
  if (l.notes) m.set('notes', l.notes.slice(0, MAX_NOTES_CHARS));
  linksOf(doc).set(id, m);
  return id;
}

/** Adds a link; throws ModelError for a self-link, a missing factor or a duplicate. */
export function addLink(doc: Y.Doc, l: NewLink): string {
  return change(doc, () => putLink(doc, l));
}

function editLink(doc: Y.Doc, id: string, edit: (m: Y.Map<unknown>) => void): boolean {
  return change(doc, () => {
    const m = linkMap(doc, id);
    if (!m) return false;
    edit(m);
    return true;
  });
}

export function setPolarity(doc: Y.Doc, id: string, polarity: Polarity): boolean {
  if (!isPolarity(polarity)) throw new ModelError('bad-polarity', `Unknown polarity ${String(polarity)}`);
  return editLink(doc, id, (m) => {
    if (m.get('polarity') !== polarity) m.set('polarity', polarity);
  });
}

/** + → − → ? → +: the order a facilitator clicks through while the group decides. */
export function nextPolarity(p: Polarity): Polarity {
  const i = POLARITIES.indexOf(p);
  return POLARITIES[(i + 1) % POLARITIES.length] ?? '+';
}

export function cyclePolarity(doc: Y.Doc, id: string): Polarity | null {
  let result: Polarity | null = null;
  editLink(doc, id, (m) => {
    const cur = m.get('polarity');
    result = nextPolarity(isPolarity(cur) ? cur : '?');
    m.set('polarity', result);
  });
  return result;
}

export function setStrength(doc: Y.Doc, id: string, strength: number | undefined): boolean {
  if (strength !== undefined && !isStrength(strength)) {
    throw new ModelError('bad-strength', 'Strength is 1, 2 or 3');
  }
  return editLink(doc, id, (m) => {
    if (strength === undefined) m.delete('strength');
    else if (m.get('strength') !== strength) m.set('strength', strength);
  });
}

export function setDelay(doc: Y.Doc, id: string, delay: boolean): boolean {
  return editLink(doc, id, (m) => {
    if (delay) m.set('delay', true);
    else if (m.has('delay')) m.delete('delay');
  });
}

export function setLinkNotes(doc: Y.Doc, id: string, notes: string): boolean {
  return editLink(doc, id, (m) => {
    if (notes === '') m.delete('notes');
    else m.set('notes', notes.slice(0, MAX_NOTES_CHARS));
  });
}

/** Removes links and, in the same transaction, their citations (install.ts). */
export function removeLinks(doc: Y.Doc, ids: readonly string[]): number {
  const cascade = modelRegistry.cascade();
  return change(doc, () => {
    const links = linksOf(doc);
    const gone = new Set(ids.filter((id) => links.has(id)));
    for (const id of gone) links.delete(id);
    if (gone.size > 0) cascade.links.forEach((hook) => hook(doc, gone));
    return gone.size;
  });
}

/** Removes a selection of factors and links as one undo step. */
export function removeElements(doc: Y.Doc, factorIds: readonly string[], linkIds: readonly string[]): void {
  change(doc, () => {
    removeLinks(doc, linkIds);
    removeFactors(doc, factorIds);
  });
}

export function setTitle(doc: Y.Doc, title: string): void {
  change(doc, () => metaOf(doc).set('title', title.trim().slice(0, MAX_LABEL_CHARS)));
}

export function setLanguage(doc: Y.Doc, language: string): void {
  change(doc, () => metaOf(doc).set('language', language.slice(0, MAX_LANGUAGE_CHARS)));
}
