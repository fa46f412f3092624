import * as Y from 'yjs';

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    return a.length === b.length && a.every((x, i) => x === b[i]);
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * Makes `live` hold what `target` holds, key by key and in place: a key whose value is the
 * same is not written, a nested map is mirrored rather than replaced. Writing only what
 * differs keeps a peer's concurrent edit of an untouched field, and keeps the update small.
 * Runs inside the caller's transaction; `target` belongs to another document and is only read.
 */
export function mirrorMap(live: Y.Map<unknown>, target: Y.Map<unknown>): number {
  let writes = 0;
  for (const key of [...live.keys()]) {
    if (!target.has(key)) {
      live.delete(key);
      writes++;
    }
  }
  target.forEach((tv, key) => {
    const lv = live.get(key);
    if (tv instanceof Y.Map) {
      if (lv instanceof Y.Map) writes += mirrorMap(lv, tv);
      else {
        live.set(key, tv.clone());
        writes++;
      }
    } else if (tv instanceof Y.AbstractType) {
      // Arrays and texts are not used by the map's layout today; copied whole if a part adds one.
      live.set(key, tv.clone());
      writes++;
    } else if (!sameValue(lv, tv) || lv instanceof Y.AbstractType) {
      live.set(key, tv);
      writes++;
    }
  });
  return writes;
}
