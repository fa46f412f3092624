import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import WebSocket from 'ws';

/**
 * A bare `ws` client for feeding the relay what no well-behaved provider sends, recording
 * everything it receives and how it was closed.
 */
export interface RawClient {
  readonly ws: WebSocket;
  readonly received: Buffer[];
  /** Resolves with the close code once the connection is closed (by either side). */
  readonly closed: Promise<number>;
  /** Resolves when the first message arrives (the relay's sync step 1 for an editor). */
  readonly firstMessage: Promise<void>;
  readonly opened: Promise<void>;
}

export function rawClient(wsUrl: string, mapId: string, token: string | null): RawClient {
  const q = token === null ? '' : `?token=${encodeURIComponent(token)}`;
  const ws = new WebSocket(`${wsUrl}/${mapId}${q}`, { perMessageDeflate: false });
  const received: Buffer[] = [];
  ws.on('error', () => undefined);
  let gotFirst: () => void = () => undefined;
  const firstMessage = new Promise<void>((r) => (gotFirst = r));
  ws.on('message', (data: Buffer) => {
    received.push(data);
    gotFirst();
  });
  const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
  const opened = new Promise<void>((r, j) => {
    ws.once('open', () => r());
    ws.once('close', () => j(new Error('closed before opening')));
  });
  opened.catch(() => undefined);
  return { ws, received, closed, firstMessage, opened };
}

/**
 * Opens a WebSocket by hand over TCP and writes one masked binary frame with the RSV1 bit set,
 * which `ws` cannot be made to send. Resolves when the relay drops the socket.
 */
export function sendRsv1Frame(port: number, path: string): Promise<{ response: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let response = '';
    let sent = false;
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('relay did not close the RSV1 socket'));
    }, 10_000);
    socket.on('error', () => undefined);
    socket.on('connect', () => {
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n`
        + `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
    });
    socket.on('data', (d) => {
      response += d.toString('latin1');
      if (!sent && response.includes('\r\n\r\n')) {
        sent = true;
        const payload = Buffer.from([0, 0, 1, 0]);
        const mask = randomBytes(4);
        const masked = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!));
        // FIN + RSV1 + opcode 2 (binary); MASK bit + length.
        socket.write(Buffer.concat([Buffer.from([0x80 | 0x40 | 0x02, 0x80 | payload.length]), mask, masked]));
      }
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ response });
    });
  });
}
