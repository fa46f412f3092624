import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CLOSE, type CloseCode } from '../close-codes';
import { MAX_AWARENESS_BYTES } from '../limits';

/**
 * The y-websocket wire format, decoded strictly: the relay accepts exactly what the stock
 * WebsocketProvider sends and refuses everything else with a named close code, before any of
 * it touches a document.
 *
 *   message   = varUint(type) payload
 *   type 0    sync:      varUint(0 step1 | 1 step2 | 2 update) varUint8Array
 *   type 1    awareness: varUint8Array (awareness update)
 *   type 3    query awareness (no payload)
 *   type 2    auth: server → client only
 */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
  constructor(readonly code: CloseCode, message: string) {
    super(message);
  }
}

/** One client's presence in an awareness update; `state` null means the client left. */
export interface AwarenessEntry {
  readonly clientId: number;
  readonly clock: number;
  readonly state: unknown;
}

export type ClientMessage =
  | { readonly type: 'sync-step1'; readonly stateVector: Uint8Array }
  | { readonly type: 'sync-step2' | 'update'; readonly update: Uint8Array }
  | { readonly type: 'awareness'; readonly entries: readonly AwarenessEntry[] }
  | { readonly type: 'query-awareness' };

const bad = (why: string) => new ProtocolError(CLOSE.BAD_MESSAGE, why);

function read<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch {
    throw bad(`truncated or malformed ${what}`);
  }
}

function expectEnd(decoder: decoding.Decoder): void {
  if (decoding.hasContent(decoder)) throw bad('trailing bytes');
}

/** Decodes one binary frame; throws ProtocolError for anything a correct client never sends. */
export function decodeClientMessage(data: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(data);
  const type = read('message type', () => decoding.readVarUint(decoder));
  if (type === MESSAGE_SYNC) {
    const step = read('sync type', () => decoding.readVarUint(decoder));
    const payload = read('sync payload', () => decoding.readVarUint8Array(decoder));
    expectEnd(decoder);
    if (step === syncProtocol.messageYjsSyncStep1) {
      read('state vector', () => Y.decodeStateVector(payload));
      return { type: 'sync-step1', stateVector: payload };
    }
    if (step === syncProtocol.messageYjsSyncStep2) return { type: 'sync-step2', update: payload };
    if (step === syncProtocol.messageYjsUpdate) return { type: 'update', update: payload };
    throw bad('unknown sync message type');
  }
  if (type === MESSAGE_AWARENESS) {
    const update = read('awareness payload', () => decoding.readVarUint8Array(decoder));
    expectEnd(decoder);
    if (update.byteLength > MAX_AWARENESS_BYTES) {
      throw new ProtocolError(CLOSE.TOO_LARGE, 'awareness update too large');
    }
    return { type: 'awareness', entries: decodeAwarenessEntries(update) };
  }
  if (type === MESSAGE_QUERY_AWARENESS) {
    expectEnd(decoder);
    return { type: 'query-awareness' };
  }
  throw bad('unknown message type');
}

/**
 * Parses a document update completely without applying it: Yjs integrates structs before it
 * reads the delete set, so a truncated update would otherwise be half-applied before it throws.
 */
export function checkUpdate(update: Uint8Array): void {
  read('document update', () => Y.decodeUpdate(update));
}

/**
 * Presence, parsed whole before any of it is applied (applyAwarenessUpdate would apply entries
 * up to the first bad one), so the room can also check whose entries they are.
 */
function decodeAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  return read('awareness update', () => {
    const d = decoding.createDecoder(update);
    const n = decoding.readVarUint(d);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < n; i++) {
      const clientId = decoding.readVarUint(d);
      const clock = decoding.readVarUint(d);
      entries.push({ clientId, clock, state: JSON.parse(decoding.readVarString(d)) as unknown });
    }
    if (decoding.hasContent(d)) throw new Error('trailing bytes');
    return entries;
  });
}

/** An awareness update holding exactly `entries` (the y-protocols encoding). */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, entries.length);
    for (const x of entries) {
      encoding.writeVarUint(e, x.clientId);
      encoding.writeVarUint(e, x.clock);
      encoding.writeVarString(e, JSON.stringify(x.state));
    }
  });
}

function message(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(e, doc);
  });
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    syncProtocol.writeSyncStep2(e, doc, stateVector);
  });
}

/** A sync step 2 carrying an update already encoded (a shared or precomputed answer). */
export function encodeSyncStep2Update(update: Uint8Array): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(e, update);
  });
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    syncProtocol.writeUpdate(e, update);
  });
}

export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  });
}
