import { afterEach, describe, expect, it } from 'vitest';
import {
  JobBusy, JobFailed, JobRunner, JobSuperseded, JobTimeout, WorkerLost, type WorkerEndpoint,
} from '../../../src/model/worker';
import { workerEndpoint } from '../../../server/lib/spawn-worker';
import type { testJobs } from './jobs-worker';

const URL_ = new URL('./jobs-worker.ts', import.meta.url);

let runners: JobRunner<typeof testJobs>[] = [];
function runner(opts: ConstructorParameters<typeof JobRunner>[1] = {}, spawn?: () => WorkerEndpoint) {
  let spawned = 0;
  const r = new JobRunner<typeof testJobs>(() => {
    spawned++;
    return (spawn ?? (() => workerEndpoint(URL_)))();
  }, opts);
  runners.push(r);
  return { r, spawned: () => spawned };
}

afterEach(() => {
  for (const r of runners) r.destroy();
  runners = [];
});

describe('jobs in a real worker thread', () => {
  it('answers each job with its own result, in order, from one worker', async () => {
    const { r, spawned } = runner();
    const results = await Promise.all([r.run('add', { a: 1, b: 2 }), r.run('later', 20), r.run('add', { a: 5, b: 5 })]);
    expect(results).toEqual([3, 20, 10]);
    expect(spawned()).toBe(1);
  });

  it('gives the error a job threw, by name and message, and keeps the worker', async () => {
    const { r, spawned } = runner();
    const err = await r.run('fail', 'no such factor').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JobFailed);
    expect((err as JobFailed).remoteName).toBe('RangeError');
    expect((err as JobFailed).message).toBe('no such factor');
    await expect(r.run('add', { a: 2, b: 2 })).resolves.toBe(4);
    expect(spawned()).toBe(1);
  });

  it('refuses a job past the queue limit rather than pile up work', async () => {
    const { r } = runner({ maxWaiting: 1 });
    const first = r.run('later', 50);
    const second = r.run('later', 1);
    await expect(r.run('later', 1)).rejects.toBeInstanceOf(JobBusy);
    await expect(first).resolves.toBe(50);
    await expect(second).resolves.toBe(1);
  });

  it("with policy 'latest', a newer job replaces the one waiting, never the one running", async () => {
    const { r } = runner({ policy: 'latest' });
    const running = r.run('later', 50);
    const replaced = r.run('add', { a: 1, b: 1 });
    const newest = r.run('add', { a: 2, b: 2 });
    await expect(replaced).rejects.toBeInstanceOf(JobSuperseded);
    await expect(running).resolves.toBe(50);
    await expect(newest).resolves.toBe(4);
  });

  it('replaces a worker held past the timeout; the next job runs on a fresh one', async () => {
    const { r, spawned } = runner({ timeoutMs: 300 });
    await expect(r.run('spin', 5_000)).rejects.toBeInstanceOf(JobTimeout);
    await expect(r.run('add', { a: 3, b: 4 })).resolves.toBe(7);
    expect(spawned()).toBe(2);
  });

  it('fails the job a crashed worker held, then starts another', async () => {
    const { r, spawned } = runner();
    await expect(r.run('crash', undefined as never)).rejects.toBeInstanceOf(WorkerLost);
    await expect(r.run('add', { a: 1, b: 0 })).resolves.toBe(1);
    expect(spawned()).toBe(2);
  });

  it('moves buffers both ways when asked', async () => {
    const { r } = runner();
    const buf = new Uint8Array([1, 2, 3, 250]).buffer;
    const out = await r.run('bytes', buf, [buf]);
    expect(buf.byteLength).toBe(0); // moved to the worker, not copied
    expect(out.sum).toBe(256);
    expect(new Uint8Array(out.buf)).toEqual(new Uint8Array([1, 2, 3, 250]));
  });

  it('answers a result that cannot be cloned with an error, not silence', async () => {
    const { r } = runner();
    await expect(r.run('unclonable', undefined as never)).rejects.toBeInstanceOf(JobFailed);
    await expect(r.run('add', { a: 1, b: 1 })).resolves.toBe(2);
  });

  it('answers an unknown kind with an error', async () => {
    const { r } = runner();
    const run = r.run as (kind: string, arg: unknown) => Promise<unknown>;
    await expect(run.call(r, 'constructor', 1)).rejects.toThrow(/unknown job kind/);
  });

  it('rejects every job left when destroyed', async () => {
    const { r } = runner();
    const a = r.run('later', 200);
    const b = r.run('add', { a: 1, b: 1 });
    r.destroy();
    await expect(a).rejects.toBeInstanceOf(WorkerLost);
    await expect(b).rejects.toBeInstanceOf(WorkerLost);
  });

  it('fails the job when the worker cannot even start', async () => {
    const { r } = runner({}, () => workerEndpoint(new URL('./no-such-worker.mjs', import.meta.url)));
    await expect(r.run('add', { a: 1, b: 1 })).rejects.toBeInstanceOf(WorkerLost);
  });
});
