/** What a bounded enumeration returns: items found, and whether it stopped at its cap. */
export interface Found<T> {
  items: T[];
  more: boolean;
}

/** Enumerates items of at most maxLength, stopping after cap of them (more: true if others remain). */
export type Collect<T> = (maxLength: number, cap: number) => Found<T>;

/**
 * When more than maxCount items exist, keeps the shortest: every item up to the longest
 * length that fits, then some of the next length. That length is found by bisection, each
 * probe stopping after maxCount + 1 items, so a dense map costs a few bounded searches rather
 * than an enumeration that would never end. Items of length minLength or less must not exist.
 */
export function keepShortest<T>(
  collect: Collect<T>, lengthOf: (item: T) => number, minLength: number, maxLength: number, maxCount: number,
): Found<T> {
  const all = collect(maxLength, maxCount);
  if (!all.more) return all;
  let fits: Found<T> = { items: [], more: false };
  let lo = minLength;
  let hi = maxLength;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    const probe = collect(mid, maxCount);
    if (probe.more) hi = mid;
    else {
      lo = mid;
      fits = probe;
    }
  }
  // Of the maxCount items this finds, at most fits.items.length are shorter than hi.
  const atHi = hi === maxLength ? all : collect(hi, maxCount);
  const next = atHi.items.filter((item) => lengthOf(item) === hi);
  return { items: [...fits.items, ...next.slice(0, maxCount - fits.items.length)], more: true };
}

export function checkCount(value: number, name: string, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer of at least ${min} (got ${String(value)})`);
  }
  return value;
}
