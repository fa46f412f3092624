import * as Y from 'yjs';
import { signDeletions } from './history/sign';
import { ROOT, SCHEMA_VERSION } from './schema';

/**
 * The origin every local write carries. The undo manager tracks only this origin, so
 * updates applied from peers (whatever origin their provider gives) are never undone by us.
 */
export const LOCAL_ORIGIN: unique symbol = Symbol('trame-local');

export type FactorsMap = Y.Map<Y.Map<unknown>>;
export type LinksMap = Y.Map<Y.Map<unknown>>;

export function factorsOf(doc: Y.Doc): FactorsMap {
  return doc.getMap(ROOT.factors);
}
export function linksOf(doc: Y.Doc): LinksMap {
  return doc.getMap(ROOT.links);
}
export function metaOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOT.meta);
}

/**
 * Runs fn as one local transaction: one undo step, one update on the wire. A transaction that
 * only deletes is signed, so peers can tell who removed what (history/sign.ts).
 */
export function change<T>(doc: Y.Doc, fn: () => T): T {
  let result!: T;
  doc.transact((tr) => {
    result = fn();
    signDeletions(doc, tr);
  }, LOCAL_ORIGIN);
  return result;
}

/** A fresh map document with its meta set; used by the relay when a map is created. */
export function createMapDoc(init: { title?: string; language?: string } = {}): Y.Doc {
  const doc = new Y.Doc();
  change(doc, () => {
    const meta = metaOf(doc);
    meta.set('schemaVersion', SCHEMA_VERSION);
    meta.set('title', init.title ?? '');
    meta.set('language', init.language ?? 'fr');
  });
  return doc;
}
