import { isJobRequest, unwrapTransfer, type JobReply, type Jobs, type WorkerReady } from './protocol';
import type { ServingPort } from './ports';

/**
 * Serves jobs inside a worker: each request runs its handler and gets one reply, the result or
 * the error's name and message (never the stack: it may quote map content). Unknown kinds and
 * malformed requests are answered with an error, never dropped, so the caller is not left
 * waiting.
 */
export function serveJobs<J extends Jobs>(port: ServingPort, handlers: J): void {
  port.listen((message) => {
    if (!isJobRequest(message)) return;
    const { id, kind, arg } = message;
    const fail = (e: unknown) => {
      const reply: JobReply = {
        rpc: 1, id, ok: false,
        name: e instanceof Error ? e.name : 'Error',
        message: e instanceof Error ? e.message : String(e),
      };
      port.post(reply, []);
    };
    const handler = Object.prototype.hasOwnProperty.call(handlers, kind) ? handlers[kind] : undefined;
    if (typeof handler !== 'function') return fail(new Error(`unknown job kind: ${kind}`));
    let out: unknown;
    try {
      out = (handler as (a: unknown) => unknown)(arg);
    } catch (e) {
      return fail(e);
    }
    Promise.resolve(out).then((result) => {
      const { value, transfer } = unwrapTransfer(result);
      const reply: JobReply = { rpc: 1, id, ok: true, result: value };
      try {
        port.post(reply, transfer);
      } catch (e) {
        // A result that cannot be cloned: say so rather than leave the caller waiting.
        fail(e);
      }
    }, fail);
  });
  const ready: WorkerReady = { rpc: 1, ready: true };
  port.post(ready, []);
}
