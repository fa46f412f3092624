import type { Transfer } from './protocol';

/**
 * The two sides of a worker, by shape only, so that the model imports neither the DOM's
 * `Worker` nor `node:worker_threads`. Adapters below cover Web Workers (and their `self`) and
 * Node worker threads (and their `parentPort`).
 */

/** The caller's handle on one worker. */
export interface WorkerEndpoint {
  post(message: unknown, transfer: Transfer): void;
  /** Called once: messages, and the worker's failure (crash, exit, load error). */
  listen(onMessage: (message: unknown) => void, onLost: (reason: string) => void): void;
  terminate(): void;
}

/** The worker's own side: where requests arrive and replies go. */
export interface ServingPort {
  post(message: unknown, transfer: Transfer): void;
  listen(onMessage: (message: unknown) => void): void;
}

interface WebWorkerLike {
  postMessage(message: unknown, transfer: never[]): void;
  onmessage: ((e: { data: unknown }) => void) | null;
  onerror: ((e: { message?: string; preventDefault(): void }) => void) | null;
  onmessageerror?: ((e: unknown) => void) | null;
  terminate(): void;
}

/** A Web Worker (`new Worker(new URL('./x.worker.ts', import.meta.url), { type: 'module' })`). */
export function webWorkerEndpoint(worker: unknown): WorkerEndpoint {
  const w = worker as WebWorkerLike;
  return {
    post: (message, transfer) => w.postMessage(message, transfer as never[]),
    listen: (onMessage, onLost) => {
      w.onmessage = (e) => onMessage(e.data);
      w.onerror = (e) => {
        // Handled here: the browser must not also report it as an uncaught error.
        e.preventDefault();
        onLost(e.message || 'worker failed');
      };
      w.onmessageerror = () => onLost('a message from the worker could not be read');
    },
    terminate: () => w.terminate(),
  };
}

interface WebWorkerScopeLike {
  postMessage(message: unknown, transfer: never[]): void;
  onmessage: ((e: { data: unknown }) => void) | null;
}

/** Inside a Web Worker: pass `self`. */
export function webWorkerScope(scope: unknown): ServingPort {
  const s = scope as WebWorkerScopeLike;
  return {
    post: (message, transfer) => s.postMessage(message, transfer as never[]),
    listen: (onMessage) => {
      s.onmessage = (e) => onMessage(e.data);
    },
  };
}

interface NodeWorkerLike {
  postMessage(message: unknown, transfer?: readonly never[]): void;
  on(event: 'message', cb: (m: unknown) => void): unknown;
  on(event: 'error', cb: (e: Error) => void): unknown;
  on(event: 'exit', cb: (code: number) => void): unknown;
  terminate(): unknown;
  unref?(): void;
}

/**
 * A Node worker thread. `unref`: an idle worker must not keep the process alive (the relay
 * exits on SIGTERM once its sockets close, whatever threads it started).
 */
export function nodeWorkerEndpoint(worker: unknown, { unref = true } = {}): WorkerEndpoint {
  const w = worker as NodeWorkerLike;
  if (unref) w.unref?.();
  let ended = false;
  return {
    post: (message, transfer) => w.postMessage(message, transfer as readonly never[]),
    listen: (onMessage, onLost) => {
      w.on('message', onMessage);
      w.on('error', (e) => {
        ended = true;
        onLost(e.message || 'worker failed');
      });
      w.on('exit', (code) => {
        if (!ended) onLost(`worker exited with code ${code}`);
        ended = true;
      });
    },
    terminate: () => {
      ended = true;
      void w.terminate();
    },
  };
}

interface NodeParentPortLike {
  postMessage(message: unknown, transfer?: readonly never[]): void;
  on(event: 'message', cb: (m: unknown) => void): unknown;
}

/** Inside a Node worker thread: pass `parentPort` from `node:worker_threads`. */
export function nodeParentPort(port: unknown): ServingPort {
  const p = port as NodeParentPortLike | null;
  if (!p) throw new Error('nodeParentPort: not inside a worker thread');
  return {
    post: (message, transfer) => p.postMessage(message, transfer as readonly never[]),
    listen: (onMessage) => {
      p.on('message', onMessage);
    },
  };
}
