import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { CLOSE, type CloseCode } from '../close-codes';
import {
  CONNECT_BURST, CONNECT_REFILL_PER_SEC, MAX_PAYLOAD_BYTES, MAX_PENDING_BYTES,
  MAX_CONNECTIONS_PER_ADDRESS, MESSAGE_BURST, MESSAGES_PER_SEC, PING_INTERVAL_MS,
} from '../limits';
import { describeError, type Logger } from '../log';
import type { ClientAddress } from '../http/client-address';
import { ConnectionCount, RateLimiter, TokenBucket } from './rate-limit';
import type { Peer } from './room';
import type { Rooms } from './rooms';

/** WebSocket path: /ws/<mapId>?token=<token> (y-websocket appends the room name to /ws). */
const WS_PATH = /^\/ws\/([^/?]+)$/;

function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

/**
 * Serves the relay on the HTTP server's upgrade requests. Every socket gets an 'error'
 * listener (ws re-emits protocol errors, such as a frame with RSV1 set, as 'error' events,
 * which would otherwise crash the process) and every message is handled inside try/catch
 * by its room, so a bad client only ever closes its own connection.
 */
export interface RelayOptions {
  /** The address per-address limits count (the socket's, or the one a trusted proxy saw). */
  readonly addressOf: ClientAddress;
  /**
   * Caps open WebSockets per address here. Without a proxy, app.ts caps every socket at
   * connection time; behind one, only the upgrade request knows the client's address.
   */
  readonly capOpenPerAddress: boolean;
}

export function attachWebSocketRelay(
  server: Server, rooms: Rooms, log: Logger, opts: RelayOptions,
): { close(): Promise<void> } {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_PAYLOAD_BYTES,
    // Compression is off: it costs CPU and memory per socket (zip bombs) for updates that
    // are small, and any frame with RSV1 set is then a protocol error, closed by ws.
    perMessageDeflate: false,
    clientTracking: false,
  });
  wss.on('error', (e) => log.warn('ws-server', describeError(e)));
  wss.on('wsClientError', (e, socket) => {
    log.warn('ws-handshake', describeError(e));
    socket.destroy();
  });

  const limiter = new RateLimiter(CONNECT_BURST, CONNECT_REFILL_PER_SEC);
  const open = opts.capOpenPerAddress ? new ConnectionCount(MAX_CONNECTIONS_PER_ADDRESS) : null;
  const alive = new Map<WebSocket, boolean>();
  const liveness = setInterval(() => {
    for (const [ws, answered] of alive) {
      if (!answered) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      try {
        ws.ping();
      } catch {
        ws.terminate();
      }
    }
  }, PING_INTERVAL_MS);
  liveness.unref();

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => socket.destroy());
    handleUpgrade(req, socket, head).catch((e: unknown) => {
      log.warn('upgrade', describeError(e));
      socket.destroy();
    });
  };

  async function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    // Never log req.url: its query carries the token.
    const url = new URL(req.url ?? '/', 'http://relay');
    const match = WS_PATH.exec(url.pathname);
    if (!match) return refuseUpgrade(socket, 404, 'Not Found');
    const address = opts.addressOf(req);
    if (!limiter.take(address)) {
      log.warn('rate-limit', 'too many connections from one address, refused');
      return refuseUpgrade(socket, 429, 'Too Many Requests');
    }
    if (open) {
      if (!open.acquire(address)) {
        log.warn('rate-limit', `more than ${MAX_CONNECTIONS_PER_ADDRESS} open connections from one address, refused`);
        return refuseUpgrade(socket, 429, 'Too Many Requests');
      }
      socket.once('close', () => open.release(address));
    }
    let mapId: string;
    try {
      mapId = decodeURIComponent(match[1] ?? '');
    } catch {
      return refuseUpgrade(socket, 400, 'Bad Request');
    }
    let auth: Awaited<ReturnType<Rooms['authorize']>> | 'unavailable';
    try {
      auth = await rooms.authorize(mapId, url.searchParams.get('token'));
    } catch (e) {
      // The store does not answer (PostgreSQL down or restarting): the client is told so with
      // a named code it retries on, rather than a connection that drops without a word.
      log.warn('upgrade', `map ${mapId}: cannot check the token: ${describeError(e)}`);
      auth = 'unavailable';
    }
    if (socket.destroyed) return undefined;
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', (e) => log.warn('ws', describeError(e)));
      if (auth === 'unavailable') {
        ws.close(CLOSE.TRY_AGAIN_LATER, 'storage unavailable');
        return;
      }
      if (!auth.ok) {
        // The handshake completes so the client sees a close code (a refused upgrade is an
        // anonymous 1006 to a browser); not one document byte has been sent.
        ws.close(auth.reason === 'unknown-map' ? CLOSE.UNKNOWN_MAP : CLOSE.UNAUTHORIZED, auth.reason);
        return;
      }
      serve(ws, mapId, auth.access);
    });
    return undefined;
  }

  function serve(ws: WebSocket, mapId: string, access: Peer['access']): void {
    const room = rooms.acquire(mapId);
    let closing = false;
    // Messages sent to this peer in one turn of the event loop (a group commit relays several
    // changes at once; under load, many) leave in one write: ws writes each frame on its own,
    // a system call each, which for 25 peers of a busy map was most of the relay's CPU.
    // `_socket` is ws's own (stable since ws 1); without it, frames simply go one by one.
    const socket = (ws as unknown as { _socket?: Duplex })._socket;
    let corked = false;
    const uncork = () => {
      corked = false;
      socket?.uncork();
    };
    const budget = new TokenBucket(MESSAGE_BURST, MESSAGES_PER_SEC);
    const peer: Peer = {
      access,
      pendingBytes: () => ws.bufferedAmount,
      send(message, written) {
        if (closing || ws.readyState !== WebSocket.OPEN) return written?.();
        if (ws.bufferedAmount + message.byteLength > MAX_PENDING_BYTES) {
          log.warn('budget', `map ${mapId}: a connection does not read what it is sent, closed`);
          room.leave(peer);
          peer.close(CLOSE.TRY_AGAIN_LATER, 'too slow');
          return written?.();
        }
        if (socket && !corked) {
          corked = true;
          socket.cork();
          process.nextTick(uncork);
        }
        ws.send(message, (err) => {
          if (err) ws.terminate();
          written?.();
        });
      },
      close(code: CloseCode, reason: string) {
        if (closing) return;
        closing = true;
        try {
          ws.close(code, reason);
        } catch {
          ws.terminate();
        }
      },
    };
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    ws.on('message', (data, isBinary) => {
      if (closing) return;
      if (!isBinary) {
        log.warn('bad-message', `map ${mapId}: text frame, connection closed`);
        room.leave(peer);
        peer.close(CLOSE.BAD_MESSAGE, 'binary frames only');
        return;
      }
      if (!budget.take()) {
        // Checked before the message is queued: a flood never reaches the room.
        log.warn('budget', `map ${mapId}: more than ${MESSAGES_PER_SEC} messages a second, connection closed`);
        room.leave(peer);
        peer.close(CLOSE.OVER_BUDGET, 'too many messages');
        return;
      }
      room.receive(peer, toBytes(data));
    });
    ws.once('close', () => {
      closing = true;
      alive.delete(ws);
      room.leave(peer);
      room.release();
    });
    room.join(peer);
  }

  server.on('upgrade', onUpgrade);

  return {
    async close() {
      server.off('upgrade', onUpgrade);
      clearInterval(liveness);
      await rooms.shutdown(CLOSE.GOING_AWAY);
      for (const ws of alive.keys()) ws.terminate();
    },
  };
}
