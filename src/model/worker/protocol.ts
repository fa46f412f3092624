/**
 * The one message protocol between Trame and its workers (Web Workers in the app, worker
 * threads in the relay). A worker serves named jobs; the caller runs them one at a time and
 * gets each result, or a typed error, back. Plain data both ways (structured clone), with
 * optional transfer of buffers. No DOM or Node import here: ports are described by shape, so
 * the same code runs in both (adapters in ./ports.ts).
 */

/** The jobs a worker serves: kind → handler. A handler may return a promise. */
export type Jobs = { [kind: string]: (arg: never) => unknown };

export type JobArg<J extends Jobs, K extends keyof J> = Parameters<J[K]>[0];
export type JobResult<J extends Jobs, K extends keyof J> = Awaited<ReturnType<J[K]>>;

/** Buffers moved, not copied, with a message (ArrayBuffer, MessagePort…). */
export type Transfer = readonly unknown[];

export interface JobRequest {
  readonly rpc: 1;
  readonly id: number;
  readonly kind: string;
  readonly arg: unknown;
}

export type JobReply =
  | { readonly rpc: 1; readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly rpc: 1; readonly id: number; readonly ok: false; readonly name: string; readonly message: string };

export function isJobRequest(m: unknown): m is JobRequest {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Partial<JobRequest>;
  return r.rpc === 1 && typeof r.id === 'number' && typeof r.kind === 'string';
}

/** Sent once by a worker when it starts serving: a job's time counts from then, not from load. */
export interface WorkerReady {
  readonly rpc: 1;
  readonly ready: true;
}

export function isWorkerReady(m: unknown): m is WorkerReady {
  return typeof m === 'object' && m !== null && (m as Partial<WorkerReady>).rpc === 1 && (m as Partial<WorkerReady>).ready === true;
}

export function isJobReply(m: unknown): m is JobReply {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Partial<JobReply>;
  return r.rpc === 1 && typeof r.id === 'number' && typeof r.ok === 'boolean';
}

/** The job threw in the worker: its error's name and message, never its stack or data. */
export class JobFailed extends Error {
  constructor(readonly remoteName: string, message: string) {
    super(message);
    this.name = 'JobFailed';
  }
}
/** The queue was full: the caller should say "busy" rather than pile up work. */
export class JobBusy extends Error {
  constructor() {
    super('worker busy');
    this.name = 'JobBusy';
  }
}
/** A newer job took this one's place before it started (policy 'latest'); callers ignore it. */
export class JobSuperseded extends Error {
  constructor() {
    super('superseded by a newer job');
    this.name = 'JobSuperseded';
  }
}
/** The job ran past its time; the worker was replaced. */
export class JobTimeout extends Error {
  constructor(ms: number) {
    super(`job took longer than ${ms} ms`);
    this.name = 'JobTimeout';
  }
}
/** The worker could not start, crashed or exited; the next job gets a fresh one. */
export class WorkerLost extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerLost';
  }
}

/** A result with the buffers to move back with it (see `serveJobs`). */
export interface WithTransfer<T> {
  readonly [TRANSFER]: true;
  readonly value: T;
  readonly transfer: Transfer;
}
const TRANSFER = Symbol('transfer');

/** Return this from a handler to move buffers back instead of copying them. */
export function withTransfer<T>(value: T, transfer: Transfer): T {
  return { [TRANSFER]: true, value, transfer } as unknown as T;
}

export function unwrapTransfer(result: unknown): { value: unknown; transfer: Transfer } {
  if (typeof result === 'object' && result !== null && TRANSFER in result) {
    const w = result as WithTransfer<unknown>;
    return { value: w.value, transfer: w.transfer };
  }
  return { value: result, transfer: [] };
}
