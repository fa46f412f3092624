/**
 * The relay's only logger. Maps may hold testimony about violence, so lines carry at most a
 * map id: never a token, a URL with its query, a message or document content. Warnings are
 * rate-limited per key, so a client flooding bad frames cannot flood the terminal or disk.
 */
export interface Logger {
  info(message: string): void;
  /** `key` groups lines for rate limiting, e.g. 'bad-message'. */
  warn(key: string, message: string): void;
}

const WINDOW_MS = 60_000;
const MAX_PER_WINDOW = 5;

export function createLogger(out: (line: string) => void = (l) => console.log(l),
  err: (line: string) => void = (l) => console.error(l)): Logger {
  const windows = new Map<string, { start: number; count: number; dropped: number }>();
  return {
    info: (message) => out(message),
    warn(key, message) {
      const now = Date.now();
      let w = windows.get(key);
      if (!w || now - w.start >= WINDOW_MS) {
        if (w && w.dropped > 0) err(`[${key}] ${w.dropped} similar warnings not shown`);
        w = { start: now, count: 0, dropped: 0 };
        windows.set(key, w);
      }
      if (w.count < MAX_PER_WINDOW) {
        w.count++;
        err(`[${key}] ${message}`);
      } else {
        w.dropped++;
      }
    },
  };
}

/**
 * Error text safe to log. Many messages quote their input (V8's JSON.parse errors quote the
 * text), so only errors whose messages we know to be content-free keep them.
 */
const SAFE_MESSAGES = new Set(['SqliteError', 'ProtocolError', 'RangeError', 'StoreError']);
export function describeError(e: unknown): string {
  if (!(e instanceof Error)) return 'non-error thrown';
  return SAFE_MESSAGES.has(e.name) ? `${e.name}: ${e.message}`.slice(0, 200) : e.name;
}
