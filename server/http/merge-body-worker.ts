import { parentPort } from 'node:worker_threads';
import { installModel } from '../../src/model';
import type { MergeOptions, MetaState } from '../../src/model/merge';
import { nodeParentPort, serveJobs } from '../../src/model/worker';
import { planMergeBody, type MergeBodyResult } from './merge-body';

/**
 * A posted mini-map parsed and matched off the relay's event loop: 5,000 factors against a
 * large map take seconds of edit distances, and every workshop must keep being served.
 */
installModel();

export const mergeBodyJobs = {
  plan({ body, contentType, state, options }: {
    body: Uint8Array; contentType: string; state: MetaState; options: MergeOptions;
  }): MergeBodyResult {
    return planMergeBody(Buffer.from(body.buffer, body.byteOffset, body.byteLength), contentType, state, options);
  },
};

export type MergeBodyJobs = typeof mergeBodyJobs;

if (parentPort) serveJobs(nodeParentPort(parentPort), mergeBodyJobs);
