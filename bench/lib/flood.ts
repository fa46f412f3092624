import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { installModel } from '../../src/model';
import { bigMapFile, fakeStateVector, step1 } from './flood-frames';
import { runRawLoad } from './raw-load';
import { openRoom, startServer } from './servers';
import { sleep, summarize, type Summary } from './stats';

/**
 * Issue 14's flood, timed: a view link sends bursts of sync step 1 on a large map while
 * stock-sized clients edit another map and /healthz is polled. What the relay bench reports
 * (the test, test/server/flood.test.ts, asserts only that the relay answers between floods).
 */
export interface FloodResult {
  mapBytes: number;
  healthz: Summary & { failed: number };
  edits: Summary;
  lost: number;
  stepsSent: number;
  answers: number;
  attackerClose: number | null;
}

export async function floodFigures(opts: { factors: number; perFlood: number; measureMs: number; clients: number }): Promise<FloodResult> {
  const server = await startServer('trame', { startTimeoutMs: 60_000 });
  try {
    installModel();
    const file = bigMapFile(opts.factors);
    const r = await fetch(`${server.url}/api/maps`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: file.text });
    if (r.status !== 201) throw new Error(`POST of the large map answered ${r.status}`);
    const big = (await r.json()) as { id: string; viewToken: string };
    const small = await openRoom(server, 'Autre atelier');

    const healthz: number[] = [];
    let failed = 0;
    let flooding = false;
    let stepsSent = 0;
    let answers = 0;
    let attackerClose: number | null = null;
    const attacker = new WebSocket(`${server.wsUrl}/${big.id}?token=${big.viewToken}`, { perMessageDeflate: false });
    attacker.on('error', () => undefined);
    attacker.on('message', (m: Buffer) => {
      if (m[0] === 0 && m[1] === 1) answers++;
    });
    attacker.once('close', (code) => (attackerClose = code));
    await new Promise<void>((res, rej) => {
      attacker.once('open', () => res());
      attacker.once('close', () => rej(new Error('the attacker was refused')));
    });

    const poll = async () => {
      while (flooding) {
        const t = performance.now();
        try {
          const h = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(10_000) });
          await h.text();
          if (h.status === 200) healthz.push(performance.now() - t);
          else failed++;
        } catch {
          failed++;
        }
        await sleep(50);
      }
    };
    const flood = async () => {
      // One burst a second, at the connection's message budget (200 a second).
      for (let f = 0; flooding && attacker.readyState === WebSocket.OPEN; f++) {
        for (let i = 0; i < opts.perFlood; i++) {
          attacker.send(step1(i % 2 === 0 ? Y.encodeStateVector(new Y.Doc()) : fakeStateVector(f * opts.perFlood + i)));
          stepsSent++;
        }
        await sleep(1000);
      }
    };
    let running: Promise<unknown> = Promise.resolve();
    const load = await runRawLoad({
      wsUrls: [server.wsUrl], rooms: [small], clients: opts.clients, editsPerSecond: 2,
      warmupMs: 2000, measureMs: opts.measureMs, generators: 1,
      onMeasureStart: () => {
        flooding = true;
        running = Promise.all([poll(), flood()]);
      },
      onMeasureEnd: () => {
        flooding = false;
      },
    });
    await running;
    attacker.close();
    return {
      mapBytes: file.stateBytes,
      healthz: { ...summarize(healthz), failed },
      edits: summarize(load.latencies),
      lost: load.lost,
      stepsSent,
      answers,
      attackerClose,
    };
  } finally {
    await server.stop();
  }
}
