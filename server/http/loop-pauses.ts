import { monitorEventLoopDelay, PerformanceObserver, type IntervalHistogram } from 'node:perf_hooks';

const RESOLUTION_MS = 5;

export interface Pauses {
  /** Event-loop delay (ms) over the period: how long a ready callback waited to run. */
  readonly loopP50Ms: number;
  readonly loopP99Ms: number;
  readonly loopMaxMs: number;
  /** Garbage-collection pauses over the period. */
  readonly gcCount: number;
  readonly gcTotalMs: number;
  readonly gcMaxMs: number;
  /** Pauses of 10 ms or more, by GC kind (V8's: 1 minor, 2 major, 4 incremental, 8 weak callbacks). */
  readonly gcLongByKind: Record<string, number>;
}

/**
 * Measures, between two calls of take(), the event loop's delays and the GC's pauses (debug
 * only: TRAME_DEBUG=1). A relay's latency tail is one of these or a long task of its own.
 */
export class LoopPauses {
  private readonly loop: IntervalHistogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  private gc = { count: 0, total: 0, max: 0, long: {} as Record<string, number> };

  constructor() {
    this.loop.enable();
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        this.gc.count++;
        this.gc.total += e.duration;
        this.gc.max = Math.max(this.gc.max, e.duration);
        const kind = String((e as { detail?: { kind?: number } | null }).detail?.kind ?? '?');
        if (e.duration >= 10) this.gc.long[kind] = (this.gc.long[kind] ?? 0) + 1;
      }
    });
    observer.observe({ entryTypes: ['gc'] });
  }

  take(): Pauses {
    // The histogram records whole intervals between its ticks: the delay is what exceeds one.
    const ms = (ns: number) => (this.loop.count === 0 ? 0 : Math.max(0, Math.round((ns - RESOLUTION_MS * 1e6) / 1e4) / 100));
    const out: Pauses = {
      loopP50Ms: ms(this.loop.percentile(50)), loopP99Ms: ms(this.loop.percentile(99)), loopMaxMs: ms(this.loop.max),
      gcCount: this.gc.count, gcTotalMs: Math.round(this.gc.total), gcMaxMs: Math.round(this.gc.max * 10) / 10,
      gcLongByKind: this.gc.long,
    };
    this.loop.reset();
    this.gc = { count: 0, total: 0, max: 0, long: {} };
    return out;
  }
}
