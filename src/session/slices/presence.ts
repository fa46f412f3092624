import { defineSlice } from '../store';
import { sliceHook } from '../useSlice';

/**
 * Presence of the other people on the map, read from Yjs awareness. Field layout (what each
 * client publishes) is documented in docs/schema.md under "Presence".
 */
export interface Peer {
  clientId: number;
  name: string;
  color: string;
  /** The person's device id (LocalUser.id), as votes record who opened them; absent if not published. */
  userId?: string;
  cursor: { x: number; y: number } | null;
  selection: readonly string[];
  drag: Readonly<Record<string, { x: number; y: number }>> | null;
  viewport: { x: number; y: number; zoom: number } | null;
  /** Set by a facilitator asking everyone to follow them. */
  leading: boolean;
  /** Size of the peer's map pane in px, so a follower shows the same area on another screen. */
  screen: { width: number; height: number } | null;
  /** Id of the saved view the peer is showing (step-by-step reveal), for followers. */
  showing: string | null;
}

export interface PresenceState {
  peers: readonly Peer[];
  /** factor id → colour of a peer who has it selected. */
  remoteSelection: ReadonlyMap<string, string>;
  /** factor id → live position while a peer drags it. */
  remoteDrag: ReadonlyMap<string, { x: number; y: number }>;
  set: (peers: Peer[]) => void;
}

export const presenceSlice = defineSlice<PresenceState>('presence', (set) => ({
  peers: [],
  remoteSelection: new Map(),
  remoteDrag: new Map(),
  set: (peers) => set((s) => {
    // Alone on the map, awareness still changes ~25 times a second while one pans (one's own
    // cursor and viewport): nothing changed for anyone, so nobody is notified (every factor box
    // runs its presence selectors on each notification: thousands on a large map).
    if (peers.length === 0 && s.peers.length === 0) return s;
    const remoteSelection = new Map<string, string>();
    const remoteDrag = new Map<string, { x: number; y: number }>();
    for (const p of peers) {
      p.selection.forEach((id) => remoteSelection.set(id, p.color));
      if (p.drag) for (const [id, pos] of Object.entries(p.drag)) remoteDrag.set(id, pos);
    }
    // A peer's cursor moved but not its selection or drag: the same maps, so what reads them
    // sees no change.
    return {
      peers,
      remoteSelection: sameEntries(remoteSelection, s.remoteSelection, (a, b) => a === b) ? s.remoteSelection : remoteSelection,
      remoteDrag: sameEntries(remoteDrag, s.remoteDrag, (a, b) => a.x === b.x && a.y === b.y) ? s.remoteDrag : remoteDrag,
    };
  }),
}));

function sameEntries<V>(a: ReadonlyMap<string, V>, b: ReadonlyMap<string, V>, same: (x: V, y: V) => boolean): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) {
    const w = b.get(k);
    if (w === undefined || !same(v, w)) return false;
  }
  return true;
}

export const usePresence = sliceHook(presenceSlice);
