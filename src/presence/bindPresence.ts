import type { Awareness } from 'y-protocols/awareness';
import { presenceSlice, sliceOf, type MapStore, type Peer } from '../session';
import { readPeer } from './readPeer';

/** Feeds the map store's presence slice from awareness, at most once per animation frame. */
export function bindPresence(awareness: Awareness, store: MapStore): () => void {
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const peers: Peer[] = [];
    awareness.getStates().forEach((state, clientId) => {
      if (clientId === awareness.clientID) return;
      const p = readPeer(clientId, state as Record<string, unknown>);
      if (p) peers.push(p);
    });
    sliceOf(store, presenceSlice).set(peers);
  };
  const onChange = () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(flush);
  };
  awareness.on('change', onChange);
  flush();
  return () => {
    awareness.off('change', onChange);
    sliceOf(store, presenceSlice).set([]);
  };
}
