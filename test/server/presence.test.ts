import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMap, connectClient, destroyAll, startRelay, waitFor, whenSynced, type RelayProcess } from '../helpers/relay';
import { rawClient } from './raw-client';

/** Presence belongs to its sender: no connection can speak for another client id. */
let relay: RelayProcess;
beforeAll(async () => {
  relay = await startRelay();
});
afterAll(async () => {
  await relay?.stop();
});

type State = Record<string, unknown> & { user?: { name?: string } };

/** An awareness message with the given entries, as a hand-made client would send it. */
function awarenessMessage(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(inner, e.clientId);
    encoding.writeVarUint(inner, e.clock);
    encoding.writeVarString(inner, JSON.stringify(e.state));
  }
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, 1);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}

const named = (states: Map<number, unknown>, name: string) =>
  [...states.entries()].find(([, s]) => (s as State).user?.name === name);

describe('presence', () => {
  it("a viewer's forged presence for the facilitator's client id is never seen by others", async () => {
    const map = await createMap(relay, 'Présence');
    const facilitator = connectClient(relay, map.id, map.editToken);
    const participant = connectClient(relay, map.id, map.viewToken);
    await Promise.all([whenSynced(facilitator), whenSynced(participant)]);
    facilitator.awareness.setLocalState({ user: { name: 'Animatrice', color: '#00796b' } });
    await waitFor(() => named(participant.awareness.getStates(), 'Animatrice') !== undefined, 'facilitator presence');
    const target = facilitator.awareness.clientID;
    const clock = facilitator.awareness.meta.get(target)!.clock;

    const viewer = rawClient(relay.wsUrl, map.id, map.viewToken);
    await viewer.opened;
    viewer.ws.send(awarenessMessage([
      { clientId: target, clock: clock + 1, state: { user: { name: 'Faussaire', color: '#ff0000' }, leading: true } },
    ]));
    viewer.ws.send(awarenessMessage([{ clientId: target, clock: clock + 2, state: null }]));
    // Sentinel: the viewer's own presence, sent after the forgeries on the same connection.
    viewer.ws.send(awarenessMessage([{ clientId: 4242, clock: 1, state: { user: { name: 'Témoin', color: '#123456' } } }]));
    await waitFor(() => named(participant.awareness.getStates(), 'Témoin') !== undefined, 'the viewer\'s own presence');

    expect((participant.awareness.getStates().get(target) as State).user?.name).toBe('Animatrice');
    expect((participant.awareness.getStates().get(target) as State).leading).toBeUndefined();
    expect(named(participant.awareness.getStates(), 'Faussaire')).toBeUndefined();
    expect((facilitator.awareness.getLocalState() as State).user?.name).toBe('Animatrice');
    expect(named(facilitator.awareness.getStates(), 'Faussaire')).toBeUndefined();

    // The id the viewer introduced is its own: another connection cannot take it either.
    const other = rawClient(relay.wsUrl, map.id, map.editToken);
    await other.opened;
    other.ws.send(awarenessMessage([{ clientId: 4242, clock: 2, state: { user: { name: 'Voleur' } } }]));
    other.ws.send(awarenessMessage([{ clientId: 4343, clock: 1, state: { user: { name: 'Témoin 2' } } }]));
    await waitFor(() => named(participant.awareness.getStates(), 'Témoin 2') !== undefined, 'the second sentinel');
    expect(named(participant.awareness.getStates(), 'Voleur')).toBeUndefined();

    // When the viewer leaves, its presence goes with it.
    viewer.ws.close();
    await waitFor(() => named(participant.awareness.getStates(), 'Témoin') === undefined, 'viewer presence removed');
    other.ws.close();
    destroyAll(facilitator, participant);
  });

  it('a viewer shows a name and cursor, never leading or what steers others', async () => {
    const map = await createMap(relay, 'Suivre');
    const facilitator = connectClient(relay, map.id, map.editToken);
    const viewer = connectClient(relay, map.id, map.viewToken);
    const editor = connectClient(relay, map.id, map.editToken);
    await Promise.all([facilitator, viewer, editor].map(whenSynced));
    viewer.awareness.setLocalState({
      user: { name: 'Lectrice', color: '#00796b' }, cursor: { x: 1, y: 2 }, leading: true, showing: 'v1', drag: { f: { x: 0, y: 0 } },
    });
    editor.awareness.setLocalState({ user: { name: 'Éditrice', color: '#00796b' }, leading: true });
    await waitFor(() => named(facilitator.awareness.getStates(), 'Lectrice') !== undefined
      && named(facilitator.awareness.getStates(), 'Éditrice') !== undefined, 'both presences');
    const seen = named(facilitator.awareness.getStates(), 'Lectrice')![1] as State;
    expect(seen.cursor).toEqual({ x: 1, y: 2 });
    expect(seen.leading).toBeUndefined();
    expect(seen.showing).toBeUndefined();
    expect(seen.drag).toBeUndefined();
    // An editor may lead.
    expect((named(facilitator.awareness.getStates(), 'Éditrice')![1] as State).leading).toBe(true);
    destroyAll(facilitator, viewer, editor);
  });
});
