import { spawn } from 'node:child_process';
import type { IncomingMessage } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { clientAddress, readTrustProxy, TrustProxyError } from '../../server/http/client-address';
import { CREATE_BURST } from '../../server/limits';
import { makeTempDir, startRelay, type RelayProcess } from '../helpers/relay';

const request = (socket: string, xff?: string | string[]) =>
  ({ socket: { remoteAddress: socket }, headers: xff === undefined ? {} : { 'x-forwarded-for': xff } }) as unknown as IncomingMessage;

/** Status of one creation, as if through a proxy that forwarded `xff`. */
async function create(relay: RelayProcess, xff: string): Promise<number> {
  const r = await fetch(`${relay.url}/api/maps`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': xff }, body: '{}',
  });
  await r.body?.cancel();
  return r.status;
}

/**
 * Twice CREATE_BURST creations, ten at a time; the statuses. The bucket refills at one a
 * second, so however slow the machine, the second half cannot all fit.
 */
async function burst(relay: RelayProcess, xff: (i: number) => string): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < 2 * CREATE_BURST; i += 10) {
    out.push(...await Promise.all(Array.from({ length: 10 }, (_, j) => create(relay, xff(i + j)))));
  }
  return out;
}

describe('the client address behind a reverse proxy', () => {
  it('is the socket address unless proxies are trusted', () => {
    expect(clientAddress(0)(request('10.0.0.2', '203.0.113.7'))).toBe('10.0.0.2');
  });

  it('is the entry the nearest trusted proxy appended, never one the client wrote', () => {
    const one = clientAddress(1);
    expect(one(request('127.0.0.1', '203.0.113.7'))).toBe('203.0.113.7');
    // The client sent "X-Forwarded-For: 1.2.3.4" itself; nginx appended the real address.
    expect(one(request('127.0.0.1', '1.2.3.4, 203.0.113.7'))).toBe('203.0.113.7');
    expect(one(request('127.0.0.1', ['1.2.3.4', '2001:db8::1']))).toBe('2001:db8::1');
    expect(clientAddress(2)(request('127.0.0.1', '1.2.3.4, 203.0.113.7, 10.0.0.9'))).toBe('203.0.113.7');
    // Not through the proxies, or garbage: the socket's address.
    expect(one(request('127.0.0.1'))).toBe('127.0.0.1');
    expect(clientAddress(2)(request('127.0.0.1', '203.0.113.7'))).toBe('127.0.0.1');
    expect(one(request('127.0.0.1', 'not an address'))).toBe('127.0.0.1');
  });

  it('reads TRUST_PROXY as a count of proxies and refuses anything else', () => {
    expect(readTrustProxy({})).toBe(0);
    expect(readTrustProxy({ TRUST_PROXY: 'false' })).toBe(0);
    expect(readTrustProxy({ TRUST_PROXY: '1' })).toBe(1);
    expect(readTrustProxy({ TRUST_PROXY: 'true' })).toBe(1);
    expect(readTrustProxy({ TRUST_PROXY: '2' })).toBe(2);
    expect(() => readTrustProxy({ TRUST_PROXY: 'nginx' })).toThrow(TrustProxyError);
  });
});

describe('a relay with TRUST_PROXY', () => {
  const relays: RelayProcess[] = [];
  afterAll(async () => {
    await Promise.all(relays.map((r) => r.stop()));
  });

  it('limits creations per forwarded address: one client past its burst, another behind the same proxy still served', async () => {
    const relay = await startRelay({ env: { TRUST_PROXY: '1' } });
    relays.push(relay);
    // The client writes its own X-Forwarded-For entry, a new one each time; nginx appends the
    // address it saw. Believing the client's entry would let every request through.
    const statuses = await burst(relay, (i) => `198.51.100.${i}, 203.0.113.7`);
    expect(statuses.slice(0, CREATE_BURST).every((s) => s === 201)).toBe(true);
    expect(statuses).toContain(429);
    expect(await create(relay, '203.0.113.8')).toBe(201);
  }, 120_000);

  it('without it, a client cannot escape the limit by sending X-Forwarded-For', async () => {
    const relay = await startRelay();
    relays.push(relay);
    const statuses = await burst(relay, (i) => `203.0.113.${i}`);
    expect(statuses).toContain(429);
  }, 120_000);

  it('does not start on a TRUST_PROXY it cannot read: one line, exit code 1', async () => {
    const dataDir = makeTempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, TRUST_PROXY: 'nginx' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((res) => child.once('exit', res));
    expect(code).toBe(1);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/^Cannot start: TRUST_PROXY must be/);
  }, 120_000);
});
