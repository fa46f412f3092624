import * as Y from 'yjs';

/**
 * Two or more documents joined as a relay would join them: each local update is sent to the
 * others at once while online, kept while offline and sent on reconnection (as y-websocket's
 * sync step 2 does, in one update).
 */
export class Peers {
  private readonly online = new Set<Y.Doc>();

  constructor(readonly docs: Y.Doc[]) {
    for (const d of docs) {
      this.online.add(d);
      d.on('update', (u: Uint8Array, origin: unknown) => {
        if (origin === this || !this.online.has(d)) return;
        for (const o of this.docs) if (o !== d && this.online.has(o)) Y.applyUpdate(o, u, this);
      });
    }
  }

  offline(d: Y.Doc): void {
    this.online.delete(d);
  }

  reconnect(d: Y.Doc): void {
    this.online.add(d);
    for (const o of this.docs) {
      if (o === d || !this.online.has(o)) continue;
      Y.applyUpdate(d, Y.encodeStateAsUpdate(o, Y.encodeStateVector(d)), this);
      Y.applyUpdate(o, Y.encodeStateAsUpdate(d, Y.encodeStateVector(o)), this);
    }
  }
}

/** A fresh document with the given client id (Yjs orders concurrent writes by it). */
export function docWithClient(client: number, from?: Y.Doc): Y.Doc {
  const d = new Y.Doc();
  d.clientID = client;
  if (from) Y.applyUpdate(d, Y.encodeStateAsUpdate(from));
  return d;
}
