import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INLINE_BODY_BYTES } from '../../server/limits';
import { startRelay, type RelayProcess } from '../helpers/relay';

let relay: RelayProcess;

beforeAll(async () => {
  relay = await startRelay();
});
afterAll(async () => {
  await relay?.stop();
});

/**
 * A links CSV of `factors` factors with labels as short as they come (base 36), so that a few
 * thousand fit in a small body: chains of ten factors, linked two by two.
 */
function linksCsv(factors: number): string {
  const label = (i: number) => i.toString(36);
  const rows = ['cause,effect,polarity'];
  for (let i = 0; i < factors; i += 2) rows.push(`${label(i)},${label(i + 1)},+`);
  for (let i = 1; i + 1 < factors; i += 2) if (i % 10 !== 9) rows.push(`${label(i)},${label(i + 1)},-`);
  return `${rows.join('\n')}\n`;
}

interface Posted {
  /** Resolves once the whole request has been handed to the socket. */
  readonly sent: Promise<void>;
  readonly answer: Promise<{ status: number; body: string }>;
}

function postCsv(csv: string): Posted {
  let sent!: () => void;
  const sentP = new Promise<void>((r) => (sent = r));
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(`${relay.url}/api/maps`, { method: 'POST', headers: { 'content-type': 'text/csv' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(csv, () => sent());
  });
  return { sent: sentP, answer };
}

describe('POST /api/maps lays a file out in a worker thread', () => {
  it.each([
    ['5,000 factors', 5_000],
    // The relay once read bodies up to INLINE_BODY_BYTES on its own thread, layout included.
    [`2,000 factors in a body under ${INLINE_BODY_BYTES / 1024} KB`, 2_000],
  ])('answers /healthz while a CSV of %s is laid out', async (_name, factors) => {
    const csv = linksCsv(factors);
    if (factors === 2_000) expect(csv.length).toBeLessThan(INLINE_BODY_BYTES);
    const posted = postCsv(csv);
    let answered = false;
    const answer = posted.answer.finally(() => (answered = true));
    await posted.sent;
    // One /healthz after another from the moment the relay holds the whole body: a layout on
    // its event loop would hold them all until the map's answer had gone out.
    let whileLayingOut = 0;
    while (!answered && whileLayingOut < 5) {
      const health = await fetch(`${relay.url}/healthz`);
      expect(health.status).toBe(200);
      if (!answered) whileLayingOut++;
    }
    expect(whileLayingOut).toBe(5);
    const { status, body } = await answer;
    expect(status).toBe(201);
    const m = JSON.parse(body) as { id: string; editToken: string };
    const json = (await (await fetch(`${relay.url}/api/maps/${m.id}/export.json?token=${m.editToken}`)).json()) as {
      factors: { x: number; y: number }[];
    };
    expect(json.factors).toHaveLength(factors);
    expect(json.factors.every((f) => Number.isFinite(f.x) && Number.isFinite(f.y))).toBe(true);
    // Laid out, not all in one place.
    expect(new Set(json.factors.map((f) => `${f.x},${f.y}`)).size).toBe(factors);
  }, 120_000);
});
