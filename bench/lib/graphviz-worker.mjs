// Runs one Graphviz layout in a worker thread, so the layout bench can stop an engine that
// takes minutes on a big graph (dot on 1,000 factors) instead of hanging the whole run.
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { instance } from '@viz-js/viz';

const viz = await instance();
const t0 = performance.now();
const result = viz.render(workerData.source, { engine: workerData.engine, format: 'plain' });
const ms = performance.now() - t0;
parentPort.postMessage(result.status === 'success'
  ? { ok: true, plain: result.output, ms }
  : { ok: false, error: result.errors.map((e) => e.message).join('; ') });
