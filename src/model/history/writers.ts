import * as Y from 'yjs';

/**
 * Who wrote what, read from the document itself: every value Yjs holds was written by one
 * client, and its id (client, clock) says which. Yjs keeps no author for a deletion, so a
 * removal is put down to the one client whose clock moved in the transaction, if there is
 * one (each local transaction that only deletes signs itself, see sign.ts).
 */

/** The client that wrote the value a map holds under a key, or null when there is none. */
export function writerOfKey(map: Y.Map<unknown>, key: string): number | null {
  const item = map._map.get(key);
  return item && !item.deleted ? item.id.client : null;
}

/** The client that created a shared type (a factor's map). */
export function creatorOf(type: { readonly _item: Y.Item | null }): number | null {
  return type._item ? type._item.id.client : null;
}

/** Clients that wrote anything in this transaction. */
export function writersOf(tr: Y.Transaction): number[] {
  const out: number[] = [];
  tr.afterState.forEach((clock, client) => {
    if (clock > (tr.beforeState.get(client) ?? 0)) out.push(client);
  });
  return out;
}

/** The one client that wrote in this transaction, or null when none or several did. */
export function soleWriterOf(tr: Y.Transaction): number | null {
  const w = writersOf(tr);
  return w.length === 1 ? (w[0] as number) : null;
}

/** True when this struct arrived in this transaction. */
export function isNewIn(tr: Y.Transaction, id: Y.ID): boolean {
  return id.clock >= (tr.beforeState.get(id.client) ?? 0);
}
