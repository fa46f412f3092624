import type { Server } from 'node:http';
import { lanOrigins } from '../lan';
import type { ClientAddress } from './client-address';
import { sendJson, type Router } from './router';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * GET /api/lan → {origins}: the addresses phones on the local network can open this relay at.
 * A facilitator on the relay's own computer opens Trame at localhost (the one address where
 * the offline app installs without HTTPS), which phones cannot reach; the share dialog asks
 * here for a LAN address to put in its links and QR codes. Only local callers are told, so a
 * public relay does not hand out its private addresses.
 */
export function registerLanRoute(router: Router, server: Server, addressOf: ClientAddress): void {
  router.get('/api/lan', ({ req, res }) => {
    const address = server.address();
    // Behind a proxy the socket is always local: the address the proxy saw decides.
    const local = LOOPBACK.has(addressOf(req));
    const origins = local && address && typeof address === 'object' ? lanOrigins(address.address, address.port) : [];
    res.setHeader('cache-control', 'no-store');
    sendJson(res, 200, { origins });
  });
}
