import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { addFactor, readSnapshot, renameFactor } from '../../src/model';
import { CLOSE } from '../../server/close-codes';
import { MESSAGE_BURST, MESSAGES_PER_SEC } from '../../server/limits';
import {
  connectClient, createMap, destroyAll, startRelay, waitFor, whenSynced, type RelayProcess,
} from '../helpers/relay';
import { bigMapFile, fakeStateVector, step1 } from '../../bench/lib/flood-frames';
import { rawClient } from './raw-client';

/**
 * A view link cannot stall the relay: a flood of sync step 1 on a large map costs a few
 * answers, not one whole-document encode each, while another map's edits and /healthz keep
 * being answered. How fast they are answered meanwhile is a bench figure (relay-load).
 */
let relay: RelayProcess;
beforeAll(async () => {
  relay = await startRelay();
});
afterAll(async () => {
  await relay?.stop();
});

const isStep2 = (m: Buffer) => m[0] === 0 && m[1] === 1;

describe('a flood of sync step 1 from a view link', () => {
  it('is answered a few times, not once per request, while another map keeps working', async () => {
    const r = await fetch(`${relay.url}/api/maps`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: bigMapFile(2500).text,
    });
    expect(r.status).toBe(201);
    const big = (await r.json()) as { id: string; viewToken: string };
    const small = await createMap(relay, 'Autre atelier');
    const a = connectClient(relay, small.id, small.editToken);
    const b = connectClient(relay, small.id, small.editToken);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    const id = addFactor(a.doc, { label: 'e0', x: 0, y: 0 });
    await waitFor(() => readSnapshot(b.doc).factors.length === 1, 'the other map in sync');

    const attacker = rawClient(relay.wsUrl, big.id, big.viewToken);
    await attacker.opened;
    const FLOODS = 3;
    const PER_FLOOD = 200;
    for (let f = 0; f < FLOODS; f++) {
      for (let i = 0; i < PER_FLOOD; i++) {
        attacker.ws.send(step1(i % 2 === 0 ? Y.encodeStateVector(new Y.Doc()) : fakeStateVector(f * PER_FLOOD + i)));
      }
      // Between floods the relay answers: /healthz, and an edit on the other map arrives.
      expect((await fetch(`${relay.url}/healthz`)).status).toBe(200);
      renameFactor(a.doc, id, `e${f + 1}`);
      await waitFor(() => readSnapshot(b.doc).factors[0]?.label === `e${f + 1}`, `edit ${f + 1} on the other map`, 60_000);
    }
    // Sentinel: a query sent after every step 1 is answered after them, on the same connection.
    attacker.ws.send(new Uint8Array([3]));
    await waitFor(() => attacker.received.some((m) => m[0] === 1), 'the attacker\'s query answered', 120_000);
    const answers = attacker.received.filter(isStep2).length;
    expect(answers).toBeGreaterThan(0);
    expect(answers).toBeLessThan(FLOODS * PER_FLOOD / 10);
    // What it was sent is the map: a document built from those bytes has every factor.
    const copy = new Y.Doc();
    for (const m of attacker.received) {
      if (m[0] !== 0) continue;
      const d = decoding.createDecoder(m);
      decoding.readVarUint(d);
      syncProtocol.readSyncMessage(d, encoding.createEncoder(), copy, null);
    }
    expect(readSnapshot(copy).factors.length).toBe(2500);
    attacker.ws.close();
    destroyAll(a, b);
  }, 300_000);
});

describe('the message budget of a connection', () => {
  it(`closes a connection past ${MESSAGE_BURST} messages in a burst with OVER_BUDGET, and only it`, async () => {
    const map = await createMap(relay, 'Budget');
    const bystander = connectClient(relay, map.id, map.editToken);
    await whenSynced(bystander);
    const flood = rawClient(relay.wsUrl, map.id, map.viewToken);
    await flood.opened;
    const started = performance.now();
    for (let i = 0; i < MESSAGE_BURST * 2; i++) flood.ws.send(new Uint8Array([3]));
    expect(await flood.closed).toBe(CLOSE.OVER_BUDGET);
    // Far fewer answers than messages: the rest were never queued. The bucket refills while the
    // burst is still arriving (slowly, on a loaded machine), so that much more may be answered.
    const refill = Math.ceil(((performance.now() - started) / 1000) * MESSAGES_PER_SEC);
    expect(flood.received.length).toBeLessThanOrEqual(MESSAGE_BURST + 1 + refill);
    expect(flood.received.length).toBeLessThan(MESSAGE_BURST * 2);
    addFactor(bystander.doc, { label: 'Toujours là', x: 0, y: 0 });
    const fresh = connectClient(relay, map.id, map.viewToken);
    await whenSynced(fresh);
    await waitFor(() => readSnapshot(fresh.doc).factors.length === 1, 'the map still served');
    expect(bystander.wsconnected).toBe(true);
    destroyAll(bystander, fresh);
  });
});
