import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * Splits a y-protocols awareness update (count, then per client: id, clock, JSON state) into
 * updates of at most `maxBytes` each, so presence fits PostgreSQL's NOTIFY payloads. A single
 * client's entry larger than that is returned in `dropped` (its count), not sent.
 */
export function chunkAwareness(update: Uint8Array, maxBytes: number): { chunks: Uint8Array[]; dropped: number } {
  if (update.byteLength <= maxBytes) return { chunks: [update], dropped: 0 };
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, decoding.readVarUint(decoder));
    encoding.writeVarUint(e, decoding.readVarUint(decoder));
    encoding.writeVarString(e, decoding.readVarString(decoder));
    entries.push(encoding.toUint8Array(e));
  }
  const chunks: Uint8Array[] = [];
  let dropped = 0;
  let group: Uint8Array[] = [];
  let size = 0;
  const close = () => {
    if (group.length === 0) return;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, group.length);
    for (const g of group) encoding.writeUint8Array(e, g);
    chunks.push(encoding.toUint8Array(e));
    group = [];
    size = 0;
  };
  // 5 bytes: the largest varuint count in front of a group.
  for (const entry of entries) {
    if (entry.byteLength + 5 > maxBytes) {
      dropped++;
      continue;
    }
    if (size + entry.byteLength + 5 > maxBytes) close();
    group.push(entry);
    size += entry.byteLength;
  }
  close();
  return { chunks, dropped };
}
