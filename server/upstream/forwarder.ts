import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { relaySocketUrl } from '../../src/model/location';
import { CLOSE } from '../close-codes';
import type { Logger } from '../log';
import { encodeSyncStep1, encodeUpdate, MESSAGE_SYNC } from '../relay/protocol';
import type { Peer, Room } from '../relay/room';
import type { Rooms } from '../relay/rooms';
import type { UpstreamTarget } from './config';

/** Marks changes the mirror took from the local room, so they are not sent back to it. */
const FROM_ROOM = Symbol('from-local-room');
/** A room that closed under us (storage failure) is joined again after this pause. */
const REJOIN_AFTER_MS = 2_000;

export interface Forwarder {
  /** Stores what already arrived from upstream, then closes the link and unpins the room. */
  stop(): Promise<void>;
}


/**
 * Carries one local map to a map on another relay, both ways.
 *
 * A mirror document sits between two stock y-websocket conversations: towards upstream it is
 * a client (WebsocketProvider over `ws`), towards the local room it is one more edit peer, so
 * what comes from upstream enters the room like any participant's edit (checked, stored, then
 * fanned out) and what local participants do reaches the mirror like any broadcast. Both
 * sides open with a state-vector exchange, so whatever a dropped link or a restart missed is
 * sent again; the mirror itself needs no storage.
 *
 * Holding the room (acquire without release) keeps the local document loaded while no one
 * is connected locally.
 */
export function forwardMap(rooms: Rooms, target: UpstreamTarget, log: Logger): Forwarder {
  const { localId } = target;
  const mirror = new Y.Doc();
  let room: Room | null = null;
  let peer: Peer | null = null;
  let stopped = false;
  let rejoin: NodeJS.Timeout | null = null;

  const attach = (): void => {
    rejoin = null;
    if (stopped) return;
    const r = rooms.acquire(localId);
    const p: Peer = {
      access: 'edit',
      send: (message, written) => {
        fromRoom(p, message);
        written?.();
      },
      close: () => detach(p),
      // Nothing waits: the mirror takes every message as it is sent.
      pendingBytes: () => 0,
    };
    room = r;
    peer = p;
    r.join(p);
    // The room asks for what the mirror has (its step 1 on join); this asks for what it has.
    r.receive(p, encodeSyncStep1(mirror));
  };

  const detach = (p: Peer): void => {
    if (peer !== p || !room) return;
    room.release();
    room = null;
    peer = null;
    if (stopped) return;
    log.warn('upstream', `map ${localId}: local room closed, joining it again`);
    rejoin = setTimeout(attach, REJOIN_AFTER_MS);
  };

  const fromRoom = (p: Peer, message: Uint8Array): void => {
    if (peer !== p) return;
    const decoder = decoding.createDecoder(message);
    // Presence stays in the room: the partners upstream see the map, not who is in the hall.
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
    const reply = encoding.createEncoder();
    encoding.writeVarUint(reply, MESSAGE_SYNC);
    syncProtocol.readSyncMessage(decoder, reply, mirror, FROM_ROOM);
    if (encoding.length(reply) > 1) room?.receive(p, encoding.toUint8Array(reply));
  };

  mirror.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === FROM_ROOM || !room || !peer) return;
    room.receive(peer, encodeUpdate(update));
  });

  const provider = new WebsocketProvider(relaySocketUrl(target.origin), target.upstreamId, mirror, {
    params: { token: target.token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // Two forwarders in one process must not talk to each other instead of to upstream.
    disableBc: true,
  });
  let linked = false;
  provider.on('sync', (synced) => {
    if (synced && !linked) log.info(`upstream: map ${localId} in sync with ${target.origin}`);
    linked = synced;
  });
  let everReached = false;
  provider.on('status', ({ status }) => {
    if (status === 'connected') everReached = true;
  });
  provider.once('connection-close', () => {
    // In the hall the upstream is usually out of reach at start: say so once, then wait quietly.
    if (!everReached && !stopped) log.info(`upstream: ${target.origin} not reachable yet for map ${localId}; will keep trying`);
  });
  provider.on('status', ({ status }) => {
    if (status === 'disconnected' && !stopped) log.warn('upstream', `map ${localId}: link to ${target.origin} lost, retrying`);
  });
  provider.on('closed', ({ code }) => {
    const why = code === CLOSE.UNAUTHORIZED ? 'the edit token is wrong'
      : code === CLOSE.UNKNOWN_MAP ? 'it has no such map' : `close code ${code}`;
    log.warn('upstream', `map ${localId}: ${target.origin} refused the link (${why}); not forwarded`);
  });

  attach();
  log.info(`upstream: forwarding map ${localId} to ${target.origin} (map ${target.upstreamId})`);

  return {
    async stop() {
      if (stopped) return;
      stopped = true;
      if (rejoin) clearTimeout(rejoin);
      const r = room;
      const p = peer;
      if (r && p) await r.ready();
      provider.destroy();
      if (r && p) {
        r.leave(p);
        detach(p);
      }
      mirror.destroy();
    },
  };
}
