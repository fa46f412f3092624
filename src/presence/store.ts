import type { Awareness } from 'y-protocols/awareness';
import { create } from 'zustand';

/**
 * Presence of the other people on the map, read from Yjs awareness. Field layout (what each
 * client publishes) is documented in docs/schema.md under "Presence".
 */
export interface Peer {
  clientId: number;
  name: string;
  color: string;
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

interface PresenceState {
  peers: readonly Peer[];
  /** factor id → colour of a peer who has it selected. */
  remoteSelection: ReadonlyMap<string, string>;
  /** factor id → live position while a peer drags it. */
  remoteDrag: ReadonlyMap<string, { x: number; y: number }>;
  set: (peers: Peer[]) => void;
}

export const usePresence = create<PresenceState>((set) => ({
  peers: [],
  remoteSelection: new Map(),
  remoteDrag: new Map(),
  set: (peers) => {
    const remoteSelection = new Map<string, string>();
    const remoteDrag = new Map<string, { x: number; y: number }>();
    for (const p of peers) {
      p.selection.forEach((id) => remoteSelection.set(id, p.color));
      if (p.drag) for (const [id, pos] of Object.entries(p.drag)) remoteDrag.set(id, pos);
    }
    set({ peers, remoteSelection, remoteDrag });
  },
}));

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const point = (v: unknown): { x: number; y: number } | null => {
  const p = v as { x?: unknown; y?: unknown } | null;
  return p && typeof p === 'object' && num(p.x) && num(p.y) ? { x: p.x, y: p.y } : null;
};

/** Validates one peer's awareness state: a peer may publish anything. */
export function readPeer(clientId: number, state: Record<string, unknown>): Peer | null {
  const user = state.user as { name?: unknown; color?: unknown } | undefined;
  if (!user || typeof user !== 'object') return null;
  const name = typeof user.name === 'string' ? user.name.slice(0, 40) : '';
  const color = typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : '#607d8b';
  const selection = Array.isArray(state.selection)
    ? (state.selection as unknown[]).filter((x): x is string => typeof x === 'string').slice(0, 500)
    : [];
  let drag: Record<string, { x: number; y: number }> | null = null;
  if (state.drag && typeof state.drag === 'object') {
    drag = {};
    for (const [id, pos] of Object.entries(state.drag as Record<string, unknown>).slice(0, 500)) {
      const p = point(pos);
      if (p) drag[id] = p;
    }
  }
  const vp = state.viewport as { x?: unknown; y?: unknown; zoom?: unknown } | undefined;
  const viewport = vp && num(vp.x) && num(vp.y) && num(vp.zoom) && vp.zoom > 0 ? { x: vp.x, y: vp.y, zoom: vp.zoom } : null;
  const sc = state.screen as { width?: unknown; height?: unknown } | undefined;
  const screen = sc && num(sc.width) && num(sc.height) && sc.width > 0 && sc.height > 0
    ? { width: sc.width, height: sc.height } : null;
  const showing = typeof state.showing === 'string' && state.showing !== '' && state.showing.length <= 64 ? state.showing : null;
  return {
    clientId, name, color, cursor: point(state.cursor), selection, drag, viewport, leading: state.leading === true, screen, showing,
  };
}

/** Feeds the store from awareness, at most once per animation frame. */
export function bindPresence(awareness: Awareness): () => void {
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const peers: Peer[] = [];
    awareness.getStates().forEach((state, clientId) => {
      if (clientId === awareness.clientID) return;
      const p = readPeer(clientId, state as Record<string, unknown>);
      if (p) peers.push(p);
    });
    usePresence.getState().set(peers);
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
    usePresence.getState().set([]);
  };
}
