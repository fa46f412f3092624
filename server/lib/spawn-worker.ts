import { Worker, type WorkerOptions } from 'node:worker_threads';
import { nodeWorkerEndpoint, type WorkerEndpoint } from '../../src/model/worker';

/**
 * Starts a worker thread from a module next to the caller (`new URL('./x-worker.ts',
 * import.meta.url)`). The relay runs TypeScript through tsx, and Node 20 does not carry tsx's
 * loader hooks over to worker threads: a `.ts` worker registers them first, then imports the
 * module. A `.js`/`.mjs` worker starts as is.
 */
export function spawnWorker(url: URL, options: WorkerOptions = {}): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, options);
  return new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); })`,
    { ...options, eval: true },
  );
}

/** The same, as an endpoint for JobRunner (src/model/worker). */
export function workerEndpoint(url: URL, options: WorkerOptions = {}): WorkerEndpoint {
  return nodeWorkerEndpoint(spawnWorker(url, options));
}
