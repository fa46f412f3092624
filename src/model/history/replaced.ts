import * as Y from 'yjs';
import { factorsOf, linksOf } from '../doc';
import {
  renameFactor, setDelay, setFactorField, setLinkNotes, setPolarity, setStrength, type FactorField,
} from '../ops';
import { isPolarity, isStrength } from '../validate';
import { plainValue, type HistoryValue } from './entry';
import { isNewIn } from './writers';

/** A value of yours that a concurrent write replaced: the app offers to write it again. */
export interface ReplacedChange {
  readonly kind: 'factor' | 'link';
  readonly id: string;
  readonly field: string;
  /** What you wrote. */
  readonly yours: HistoryValue;
  /** What the map holds now. */
  readonly theirs: HistoryValue;
  /** The client whose value won. */
  readonly by: number;
}

const FACTOR_FIELDS: ReadonlySet<string> = new Set(['label', 'theme', 'notes', 'icon']);
const LINK_FIELDS: ReadonlySet<string> = new Set(['polarity', 'strength', 'delay', 'notes']);

/**
 * The value that was showing before this transaction, if this transaction replaced it: the
 * first item left of the current one that is older than the transaction and deleted by it.
 * Items that arrived in the transaction (a peer's several writes) are passed over.
 */
function replacedItem(current: Y.Item, tr: Y.Transaction): Y.Item | null {
  for (let item = current.left; item; item = item.left) {
    if (isNewIn(tr, item.id)) continue;
    return item.deleted && Y.isDeleted(tr.deleteSet, item.id) ? item : null;
  }
  return null;
}

/**
 * Whether a write saw the replaced value: a map write's origin is the value it replaced where
 * it was written. If no write of this transaction had ours as its origin, the writers had not
 * seen it: the writes were concurrent (one of us was offline, or both typed at once), and
 * Yjs kept one by client order, not by anyone's choice.
 */
function sawIt(current: Y.Item, replaced: Y.Item, tr: Y.Transaction): boolean {
  for (let item: Y.Item | null = current; item && item !== replaced; item = item.left) {
    if (isNewIn(tr, item.id) && item.origin && Y.compareIDs(item.origin, replaced.lastId)) return true;
  }
  return false;
}

export interface ReplacedOptions {
  readonly isMine: (client: number) => boolean;
  readonly onReplaced: (change: ReplacedChange) => void;
}

/**
 * Watches remote transactions for fields of factors and links where a value you wrote was
 * replaced by a concurrent one: two people renaming one factor, one of them offline. A value
 * deliberately overwritten by someone who had seen it is not reported. Returns the unwatch.
 */
export function watchReplaced(doc: Y.Doc, opts: ReplacedOptions): () => void {
  const handler = (kind: 'factor' | 'link', fields: ReadonlySet<string>) =>
    (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => {
      if (tr.local) return;
      for (const e of events) {
        const target = e.target as Y.Map<unknown>;
        const id = target._item?.parentSub;
        if (e.path.length !== 1 || typeof id !== 'string') continue;
        for (const [field, ch] of (e as Y.YMapEvent<unknown>).changes.keys) {
          if (ch.action !== 'update' || !fields.has(field)) continue;
          const current = target._map.get(field);
          if (!current || current.deleted) continue;
          const replaced = replacedItem(current, tr);
          if (!replaced || !opts.isMine(replaced.id.client) || opts.isMine(current.id.client)) continue;
          if (sawIt(current, replaced, tr)) continue;
          const yours = plainValue(ch.oldValue);
          const theirs = plainValue(target.get(field));
          if (yours === undefined || theirs === undefined || yours === theirs) continue;
          opts.onReplaced({ kind, id, field, yours, theirs, by: current.id.client });
        }
      }
    };
  const onFactors = handler('factor', FACTOR_FIELDS);
  const onLinks = handler('link', LINK_FIELDS);
  factorsOf(doc).observeDeep(onFactors);
  linksOf(doc).observeDeep(onLinks);
  return () => {
    factorsOf(doc).unobserveDeep(onFactors);
    linksOf(doc).unobserveDeep(onLinks);
  };
}

/**
 * "Rétablir": writes your value again through the named operation for that field, as a new
 * local change (so everyone gets it and undo takes it back). False when the element is gone
 * or the value no longer fits the field.
 */
export function reapplyReplaced(doc: Y.Doc, c: ReplacedChange): boolean {
  const v = c.yours;
  if (c.kind === 'factor') {
    if (c.field === 'label') return typeof v === 'string' && renameFactor(doc, c.id, v);
    if (FACTOR_FIELDS.has(c.field) && (typeof v === 'string' || v === null)) {
      return setFactorField(doc, c.id, c.field as FactorField, v ?? undefined);
    }
    return false;
  }
  if (c.field === 'polarity') return isPolarity(v) && setPolarity(doc, c.id, v);
  if (c.field === 'strength') return isStrength(v) && setStrength(doc, c.id, v);
  if (c.field === 'delay') return typeof v === 'boolean' && setDelay(doc, c.id, v);
  if (c.field === 'notes') return typeof v === 'string' && setLinkNotes(doc, c.id, v);
  return false;
}
