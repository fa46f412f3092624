/** A token bucket: `burst` tokens, refilled at `refillPerSec`. */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly burst: number,
    private readonly refillPerSec: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.at = now();
  }

  /** Takes one token; false when the bucket is empty. */
  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.at) / 1000) * this.refillPerSec);
    this.at = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Time since the bucket was last touched, after which it is full again. */
  idleFor(t: number): number {
    return t - this.at;
  }
}

/**
 * A token bucket per key (the client address). Idle full buckets are forgotten, so a scan
 * from many addresses cannot grow the table without bound.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly burst: number,
    private readonly refillPerSec: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token for key; false when the bucket is empty. */
  take(key: string): boolean {
    let b = this.buckets.get(key);
    if (!b) {
      b = new TokenBucket(this.burst, this.refillPerSec, this.now);
      this.buckets.set(key, b);
      if (this.buckets.size > 10_000) this.sweep();
    }
    return b.take();
  }

  private sweep(): void {
    const t = this.now();
    const fullAfterMs = (this.burst / this.refillPerSec) * 1000;
    for (const [k, b] of this.buckets) if (b.idleFor(t) >= fullAfterMs) this.buckets.delete(k);
  }
}

/** Open connections per key, for a cap on how many one address may hold at once. */
export class ConnectionCount {
  private readonly open = new Map<string, number>();

  constructor(private readonly max: number) {}

  /** Counts one more for key; false (and nothing counted) when key is at the cap. */
  acquire(key: string): boolean {
    const n = this.open.get(key) ?? 0;
    if (n >= this.max) return false;
    this.open.set(key, n + 1);
    return true;
  }

  release(key: string): void {
    const n = (this.open.get(key) ?? 1) - 1;
    if (n <= 0) this.open.delete(key);
    else this.open.set(key, n);
  }
}
