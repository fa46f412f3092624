import { IndexeddbPersistence } from 'y-indexeddb';
import { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { relaySocketUrl } from '../model/location';

/**
 * Close codes of the relay this client reacts to (the full list is server/close-codes.ts;
 * test/sync checks they agree). Both are final: y-websocket stops retrying on 4400–4499.
 */
export const CLOSE_UNAUTHORIZED = 4401;
export const CLOSE_UNKNOWN_MAP = 4404;
/** The relay could not store (1011), or its store does not answer (1013, "storage unavailable"). */
export const CLOSE_INTERNAL = 1011;
export const CLOSE_TRY_AGAIN_LATER = 1013;
export const REASON_STORAGE_UNAVAILABLE = 'storage unavailable';

/** A close that says the relay, not the network, is the trouble (it retries like offline). */
export function isServerTrouble(code: number, reason: string): boolean {
  return code === CLOSE_INTERNAL || (code === CLOSE_TRY_AGAIN_LATER && reason === REASON_STORAGE_UNAVAILABLE);
}

/**
 * - connecting: first attempt, nothing heard yet
 * - online: connected and in sync with the relay; edits flow both ways
 * - offline: lost or never reached; edits stay on this device and the provider keeps retrying
 * - server-error: reached, but the relay cannot store right now (its database is down); edits
 *   stay on this device and the provider keeps retrying, as offline
 * - unauthorized: the relay refused the token (4401); no retry
 * - not-found: the relay has no such map (4404); no retry
 */
export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'server-error' | 'unauthorized' | 'not-found';

export interface ConnectOptions {
  readonly mapId: string;
  readonly token: string;
  /** The relay's origin (http(s):// or ws(s)://); the page's own by default. */
  readonly url?: string;
  /** Keep a copy in IndexedDB (offline-first). Default: wherever IndexedDB exists. */
  readonly persist?: boolean;
  /** Node tests pass `WebSocket` from 'ws'; browsers use their own. */
  readonly WebSocketPolyfill?: typeof WebSocket;
  /** Cross-tab sync through BroadcastChannel; tests in one process turn it off. */
  readonly disableBc?: boolean;
}

export interface MapConnection {
  /** Presence (names, cursors); usable at once, shared once online. */
  readonly awareness: Awareness;
  /** Resolves when this device's copy is in the document (immediately without persistence). */
  readonly whenLocalReady: Promise<void>;
  readonly status: ConnectionStatus;
  /** Called on every status change; returns the unsubscribe function. */
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  /** The y-websocket provider, once the local copy is loaded (null before and after destroy). */
  readonly provider: WebsocketProvider | null;
  destroy(): Promise<void>;
}

export const localDbName = (mapId: string): string => `trame-map-${mapId}`;

/** ws(s)://host/ws from the relay's origin: one definition, shared with the relay (model/location.ts). */
export { relaySocketUrl };

/**
 * Opens a map: first the copy on this device (so it shows and edits offline), then the relay
 * through the stock y-websocket provider (room = map id, token as a query parameter).
 */
export function connectMap(doc: Y.Doc, opts: ConnectOptions): MapConnection {
  const awareness = new Awareness(doc);
  const listeners = new Set<(s: ConnectionStatus) => void>();
  let status: ConnectionStatus = 'connecting';
  let provider: WebsocketProvider | null = null;
  let destroyed = false;

  const set = (next: ConnectionStatus) => {
    if (next === status || status === 'unauthorized' || status === 'not-found') return;
    status = next;
    listeners.forEach((l) => l(next));
  };

  const persist = opts.persist ?? typeof indexedDB !== 'undefined';
  const local = persist ? new IndexeddbPersistence(localDbName(opts.mapId), doc) : null;
  const whenLocalReady = local
    ? new Promise<void>((resolve) => {
      void local.whenSynced.then(() => resolve());
      // Storage refused (private browsing, quota): work online-only rather than never connect.
      local._db.catch(() => resolve());
    })
    : Promise.resolve();

  void whenLocalReady.then(() => {
    if (destroyed) return;
    const p = new WebsocketProvider(relaySocketUrl(opts.url ?? globalThis.location.origin), opts.mapId, doc, {
      params: { token: opts.token },
      awareness,
      ...(opts.WebSocketPolyfill ? { WebSocketPolyfill: opts.WebSocketPolyfill } : {}),
      ...(opts.disableBc ? { disableBc: true } : {}),
    });
    // Why the last connection closed: the relay's own trouble is told apart from the network's,
    // so the room hears "the server cannot store right now", not silence or "offline".
    let lastLoss: ConnectionStatus = 'offline';
    p.on('status', ({ status: s }) => {
      if (s === 'disconnected') set(lastLoss);
      // Retries after a loss stay "offline" rather than flickering to "connecting".
      else if (s === 'connecting' && status !== 'offline' && status !== 'server-error') set('connecting');
    });
    // A first attempt that fails never reports 'disconnected' (it was never connected): without
    // this, a map opened with the relay down would say "connecting" for ever instead of offline.
    p.on('connection-close', (event) => {
      lastLoss = event && isServerTrouble(event.code, event.reason) ? 'server-error' : 'offline';
      set(lastLoss);
    });
    p.on('sync', (synced) => {
      if (synced) set('online');
    });
    p.on('closed', ({ code }) => {
      if (code === CLOSE_UNAUTHORIZED) set('unauthorized');
      else if (code === CLOSE_UNKNOWN_MAP) set('not-found');
    });
    provider = p;
  });

  // The browser knows at once when the device loses its network, while a dead socket can
  // linger until y-websocket's 30 s silence timeout: follow the browser both ways, so edits
  // are known to be kept here at once and flow again as soon as the network is back.
  const onNetworkLost = () => provider?.shouldConnect && provider.disconnect();
  const onNetworkBack = () => {
    if (provider && status !== 'unauthorized' && status !== 'not-found') provider.connect();
  };
  const win = typeof window === 'undefined' ? null : window;
  win?.addEventListener('offline', onNetworkLost);
  win?.addEventListener('online', onNetworkBack);

  return {
    awareness,
    whenLocalReady,
    get status() {
      return status;
    },
    get provider() {
      return provider;
    },
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      listeners.clear();
      win?.removeEventListener('offline', onNetworkLost);
      win?.removeEventListener('online', onNetworkBack);
      provider?.destroy();
      provider = null;
      awareness.destroy();
      await local?.destroy().catch(() => undefined);
    },
  };
}
