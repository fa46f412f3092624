/**
 * Order statistics for bench figures. Benches report a median with its spread rather than a
 * mean: on a shared 2-core machine a few slow samples (another process, a GC) are common and
 * say nothing about the code under test.
 */
export interface Summary {
  readonly n: number;
  readonly min: number;
  readonly p25: number;
  readonly median: number;
  readonly p75: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** Linear interpolation between closest ranks (the common "type 7" definition). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

export function summarize(values: readonly number[]): Summary {
  const s = Float64Array.from(values).sort();
  const arr = Array.from(s);
  return {
    n: arr.length,
    min: arr[0] ?? Number.NaN,
    p25: quantile(arr, 0.25),
    median: quantile(arr, 0.5),
    p75: quantile(arr, 0.75),
    p95: quantile(arr, 0.95),
    p99: quantile(arr, 0.99),
    max: arr[arr.length - 1] ?? Number.NaN,
  };
}

export function median(values: readonly number[]): number {
  return summarize(values).median;
}

/** Rounds for display: 3 significant digits, at most 2 decimals. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return '—';
  const abs = Math.abs(x);
  if (abs >= 100) return String(Math.round(x));
  if (abs >= 10) return (Math.round(x * 10) / 10).toString();
  return (Math.round(x * 100) / 100).toString();
}

/** mulberry32: small, fast and the same sequence on every machine for a seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
