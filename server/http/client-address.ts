import type { IncomingMessage } from 'node:http';

/** The address a request is counted against (per-address limits), given how it reached us. */
export type ClientAddress = (req: IncomingMessage) => string;

/** TRUST_PROXY is neither empty, a count of proxies, true nor false: main.ts says so and exits. */
export class TrustProxyError extends Error {
  override readonly name = 'TrustProxyError';
}

/**
 * How many reverse proxies stand in front of the relay, from TRUST_PROXY: unset, "0" or
 * "false" is none (the socket's address is the client's); "1" or "true" is one (nginx); "N"
 * is N in a row (a CDN, then nginx). Anything else is refused, since a typo here would either
 * count a whole programme as one client or let any client pick its own address.
 */
export function readTrustProxy(env: { TRUST_PROXY?: string }): number {
  const v = (env.TRUST_PROXY ?? '').trim().toLowerCase();
  if (v === '' || v === '0' || v === 'false' || v === 'no') return 0;
  if (v === 'true' || v === 'yes') return 1;
  if (/^[1-9]$/.test(v)) return Number(v);
  throw new TrustProxyError(`TRUST_PROXY must be 0, 1 (one proxy such as nginx) or the number of proxies in front of the relay, not "${env.TRUST_PROXY}"`);
}

/**
 * The client's address. Without proxies, the socket's. Behind `hops` trusted proxies, the
 * address the outermost one saw: each proxy appends the address it was reached from to
 * X-Forwarded-For (nginx: `$proxy_add_x_forwarded_for`), so the entry `hops` from the right
 * is the client's, and anything further left was written by the client itself and is never
 * believed. A request that did not come through the proxies (no such entry) counts under its
 * socket's address. Only meaningful when the relay is reachable through the proxies alone
 * (HOST=127.0.0.1 or a private network), see docs/deploy.md.
 */
export function clientAddress(hops: number): ClientAddress {
  const socketAddress = (req: IncomingMessage) => req.socket.remoteAddress ?? 'unknown';
  if (hops === 0) return socketAddress;
  return (req) => {
    const header = req.headers['x-forwarded-for'];
    const list = (Array.isArray(header) ? header.join(',') : header ?? '')
      .split(',').map((s) => s.trim()).filter((s) => s !== '');
    const entry = list[list.length - hops];
    // An address has no spaces and is short; anything else is not one a proxy wrote.
    return entry && entry.length <= 64 && /^[0-9a-fA-F:.[\]%\w-]+$/.test(entry) ? entry : socketAddress(req);
  };
}
