import { parentPort } from 'node:worker_threads';
import { nodeParentPort, serveJobs, withTransfer } from '../../../src/model/worker';

/** A worker for test/server/lib/worker-jobs.test.ts: each job shows one behaviour. */
export const testJobs = {
  add: ({ a, b }: { a: number; b: number }) => a + b,
  later: async (ms: number) => {
    await new Promise((r) => setTimeout(r, ms));
    return ms;
  },
  fail: (message: string) => {
    throw new RangeError(message);
  },
  spin: (ms: number) => {
    const end = Date.now() + ms;
    while (Date.now() < end) { /* holds the thread, as a runaway job would */ }
    return ms;
  },
  crash: () => process.exit(3),
  /** Sums the bytes and sends the buffer back moved, not copied. */
  bytes: (buf: ArrayBuffer) => withTransfer({ sum: new Uint8Array(buf).reduce((s, v) => s + v, 0), buf }, [buf]),
  unclonable: () => ({ f: () => 1 }),
};

serveJobs(nodeParentPort(parentPort), testJobs);
