/**
 * Keeps the shortest items of a bounded enumeration when there are more than maxCount: every
 * item up to some length, then some of the next length, maxCount in all. The enumeration asks
 * add() for its length bound after each item: once more than maxCount items are known up to
 * the bound, items of that length can only be a partial fill, so the bound drops and the
 * search stops looking for them. One search, however dense the map, instead of an enumeration
 * that would never end.
 */
export class ShortestFirst<T> {
  private readonly byLength: T[][] = [];
  private fill: T[] = [];
  /** Items kept of length <= bound, all of them so far. */
  private complete = 0;
  /** Whether items were left out. */
  truncated = false;

  constructor(public bound: number, private readonly maxCount: number) {}

  /** Adds an item of length <= bound; returns the bound from now on. */
  add(item: T, length: number): number {
    (this.byLength[length] ??= []).push(item);
    this.complete++;
    while (this.complete > this.maxCount) {
      this.fill = this.byLength[this.bound] ?? [];
      this.byLength[this.bound] = [];
      this.complete -= this.fill.length;
      this.bound--;
      this.truncated = true;
    }
    const room = this.maxCount - this.complete;
    if (this.fill.length > room) this.fill.length = room;
    return this.bound;
  }

  /** The items kept, shortest first (in the order found within a length). */
  items(): T[] {
    return [...this.byLength.flat(), ...this.fill.slice(0, this.maxCount - this.complete)];
  }
}

export function checkCount(value: number, name: string, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer of at least ${min} (got ${String(value)})`);
  }
  return value;
}
