import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { LINGER_MAX_BYTES, LINGER_MS } from '../limits';
import { sendJson } from './router';

/**
 * 413, then the connection is closed without reading the whole body.
 *
 * Once a `connection: close` response is written, Node's server calls the socket's
 * `destroySoon`, which drops it as soon as the answer is in the kernel. The client is usually
 * still sending, so the kernel answers those unread bytes with a reset, and a reset can wipe the
 * 413 from the client's receive queue before the client has read it (a loaded client, or one
 * that reads only after it has sent, sees "connection reset" instead of "too large"). So for
 * this one socket the close lingers, as nginx's lingering close does: the relay sends its
 * half-close and discards what is still arriving. Past LINGER_MAX_BYTES it stops reading
 * (dropping the connection then would send the very reset this avoids: the client's writes
 * simply stall), and after LINGER_MS, or when the client closes first, the connection goes.
 */
export function refuseTooLarge(res: ServerResponse): void {
  const socket = res.socket as (Socket & { destroySoon?: () => void }) | null;
  if (socket) {
    socket.destroySoon = () => {
      const drop = () => socket.destroy();
      const timer = setTimeout(drop, LINGER_MS);
      timer.unref();
      socket.once('close', () => clearTimeout(timer));
      const startBytes = socket.bytesRead;
      // The server's parser lets go of the socket once the answer is written: from there the
      // socket flows on its own; what it reads is discarded, and counted here.
      socket.on('data', () => {
        if (socket.bytesRead - startBytes > LINGER_MAX_BYTES) socket.pause();
      });
      socket.end();
    };
  }
  res.setHeader('connection', 'close');
  sendJson(res, 413, { error: 'too-large' });
}
