import { statSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_BURST, CREATE_REFILL_PER_SEC, MAX_BODY_BYTES } from '../../server/limits';
import { DB_FILE } from '../../server/store/sqlite-store';
import { makeTempDir, startRelay, type RelayProcess } from '../helpers/relay';

/** The low findings of issue 14, each against a real relay process. */
let relay: RelayProcess;
let dist: string;
beforeAll(async () => {
  dist = makeTempDir('trame-dist-');
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Trame</title>');
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
  relay = await startRelay({ env: { DIST_DIR: dist } });
});
afterAll(async () => {
  await relay?.stop();
  rmSync(dist, { recursive: true, force: true });
});

const post = (body: string, contentType: string) =>
  fetch(`${relay.url}/api/maps`, { method: 'POST', headers: { 'content-type': contentType }, body });

/** A raw HTTP exchange, to see what fetch hides: whether the relay closed the connection. */
function rawRequest(
  head: string, body: Buffer, chunk = 64 * 1024, readAfterMs = 0,
): Promise<{ response: string; closedAfterBytes: number }> {
  return new Promise((resolve, reject) => {
    const socket = connect(relay.port, '127.0.0.1');
    // A loaded client reads late: the answer must still be there when it does.
    if (readAfterMs > 0) {
      socket.pause();
      setTimeout(() => socket.resume(), readAfterMs);
    }
    let response = '';
    let sent = 0;
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('the relay kept the connection open'));
    }, 20_000);
    socket.on('error', () => undefined);
    socket.on('data', (d) => (response += d.toString('latin1')));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ response, closedAfterBytes: sent });
    });
    socket.write(head);
    const pump = () => {
      while (sent < body.length && !socket.destroyed) {
        const part = body.subarray(sent, sent + chunk);
        sent += part.length;
        if (!socket.write(part)) return void socket.once('drain', pump);
      }
    };
    pump();
  });
}

describe('headers', () => {
  it('the app and the API say: own scripts only, no framing, no referrer', async () => {
    for (const path of ['/', '/m/abc', '/healthz', '/api/maps/nosuchmap0000000000000']) {
      const r = await fetch(`${relay.url}${path}`);
      const csp = r.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain('img-src \'self\' data: blob:');
      expect(r.headers.get('x-frame-options')).toBe('DENY');
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});

describe('static files', () => {
  it('a missing asset is 404, not the app under an immutable cache', async () => {
    for (const path of ['/assets/missing-1234.js', '/assets/nothing']) {
      const r = await fetch(`${relay.url}${path}`);
      expect(r.status).toBe(404);
      expect(r.headers.get('cache-control')).not.toContain('immutable');
    }
    expect((await fetch(`${relay.url}/assets/app-1234.js`)).headers.get('cache-control')).toContain('immutable');
  });
});

describe('POST /api/maps', () => {
  it('refuses an empty body that is not application/json (a cross-site form)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const r = await post('', type);
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
    }
  });

  it('lays out a map whose factor ids are prototype names', async () => {
    const ids = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
    const file = {
      format: 'trame', schemaVersion: 1,
      factors: ids.map((id) => ({ id, label: `F ${id}` })),
      links: ids.slice(1).map((id, i) => ({ id: `l${i}`, source: ids[i], target: id, polarity: '+' })),
    };
    const r = await post(JSON.stringify(file), 'application/json');
    expect(r.status).toBe(201);
    const m = (await r.json()) as { id: string; editToken: string };
    const json = (await (await fetch(`${relay.url}/api/maps/${m.id}/export.json?token=${m.editToken}`)).json()) as {
      factors: { id: string; x: number; y: number }[];
    };
    expect(json.factors.map((f) => f.id).sort()).toEqual([...ids].sort());
    for (const f of json.factors) expect(Number.isFinite(f.x) && Number.isFinite(f.y)).toBe(true);
    // The same names as CSV labels, after it: nothing in the relay was changed by the first.
    const csv = await post('cause,effect\n__proto__,constructor\ntoString,hasOwnProperty\n', 'text/csv');
    expect(csv.status).toBe(201);
  });

  it('answers 413 and closes the connection instead of reading the rest', async () => {
    const big = Buffer.alloc(MAX_BODY_BYTES * 3, 0x20);
    const undeclared = await rawRequest(
      `POST /api/maps HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n`,
      Buffer.concat([Buffer.from(`${big.length.toString(16)}\r\n`), big, Buffer.from('\r\n0\r\n\r\n')]),
    );
    expect(undeclared.response).toMatch(/^HTTP\/1\.1 413/);
    expect(undeclared.closedAfterBytes).toBeLessThan(big.length);
    const declared = await rawRequest(
      `POST /api/maps HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\nContent-Length: ${big.length}\r\n\r\n`, big,
    );
    expect(declared.response).toMatch(/^HTTP\/1\.1 413/);
    expect(declared.closedAfterBytes).toBeLessThan(big.length);
    const late = await rawRequest(
      `POST /api/maps HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\nContent-Length: ${big.length}\r\n\r\n`, big,
      64 * 1024, 500,
    );
    expect(late.response).toMatch(/^HTTP\/1\.1 413/);
    expect(late.closedAfterBytes).toBeLessThan(big.length);
  });
});

describe('CSV download', () => {
  it('is safe to open in a spreadsheet by default, exactly as written with ?raw=1', async () => {
    const r = await post('cause,effect,polarity\n"=HYPERLINK(""http://x"")",@cmd,-\n+1,-2,+\n', 'text/csv');
    expect(r.status).toBe(201);
    const m = (await r.json()) as { id: string; viewToken: string };
    const csv = (q: string) => fetch(`${relay.url}/api/maps/${m.id}/export.csv?token=${m.viewToken}${q}`).then((x) => x.text());
    const safe = await csv('');
    for (const cell of ["'=HYPERLINK", "'@cmd", "'+1", "'-2"]) expect(safe).toContain(cell);
    const raw = await csv('&raw=1');
    expect(raw).toContain('=HYPERLINK');
    expect(raw).not.toContain("'=HYPERLINK");
    expect(raw).toContain('@cmd,');
  });
});

describe('data files', () => {
  it('the database is 0600 in a 0700 folder', () => {
    expect(statSync(relay.dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(relay.dataDir, DB_FILE)).mode & 0o777).toBe(0o600);
  });
});

describe('creation limit', () => {
  it(`a burst of creations from one address gets 429 past ${CREATE_BURST}`, async () => {
    // Last in this file: it empties this address's bucket. Ten at a time, twice the burst:
    // the bucket refills at CREATE_REFILL_PER_SEC while they arrive, however slowly.
    const started = performance.now();
    const answers: Response[] = [];
    for (let i = 0; i < 2 * CREATE_BURST; i += 10) {
      answers.push(...await Promise.all(Array.from({ length: 10 }, (_, j) => post(JSON.stringify({ title: `n${i + j}` }), 'application/json'))));
    }
    const seconds = (performance.now() - started) / 1000;
    const statuses = answers.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 429)).toBe(true);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    // Earlier tests in this file created maps too: at most the burst and what refilled meanwhile.
    expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(CREATE_BURST + Math.ceil(seconds * CREATE_REFILL_PER_SEC));
    const refused = answers.find((r) => r.status === 429)!;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    await Promise.all(answers.map((r) => r.body?.cancel()));
    // Other routes are not limited.
    expect((await fetch(`${relay.url}/healthz`)).status).toBe(200);
  });
});
