import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { change, createMapDoc, putFactor, putLink } from '../../src/model';
import { exportJsonText } from '../../src/model/io';

/**
 * What the flood of issue 14 sends, shared by its test (test/server/flood.test.ts, which checks
 * the relay survives it) and its bench (flood.ts, which times the relay meanwhile).
 */

/** A map file of `n` factors with long notes and positions (so nothing is laid out). */
export function bigMapFile(n: number): { text: string; stateBytes: number } {
  const doc = createMapDoc({ title: 'Grande carte' });
  change(doc, () => {
    const ids = Array.from({ length: n }, (_, i) => putFactor(doc, {
      label: `Facteur ${i}`, x: (i % 70) * 200, y: Math.floor(i / 70) * 120, notes: `Témoignage ${i} `.repeat(60),
    }));
    ids.forEach((id, i) => putLink(doc, { source: id, target: ids[(i + 7) % n]!, polarity: '+' }));
  });
  const out = { text: exportJsonText(doc), stateBytes: Y.encodeStateAsUpdate(doc).byteLength };
  doc.destroy();
  return out;
}

export function step1(sv: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint8Array(e, sv);
  return encoding.toUint8Array(e);
}

/** A state vector naming one made-up client, so no two requests are alike. */
export function fakeStateVector(i: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, 1_000_000 + i);
  encoding.writeVarUint(e, 1 + (i % 5));
  return encoding.toUint8Array(e);
}
