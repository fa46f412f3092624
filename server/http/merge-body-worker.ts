import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';
import { installModel } from '../../src/model';
import { applyUnattended, type MergeOptions, type UnattendedResult } from '../../src/model/merge';
import { readMetaState } from '../../src/model/merge/meta-state';
import { nodeParentPort, serveJobs, withTransfer } from '../../src/model/worker';
import { planMergeBody } from './merge-body';
import type { MapBodyError } from './map-body';

/**
 * A large posted mini-map merged off the relay's event loop: thousands of labels matched
 * against a large map take seconds of edit distances, and writing the merge seconds more.
 * The worker merges into a copy of the map and sends back only what the merge wrote, which
 * the room applies as one change (a Yjs update merges with whatever peers did meanwhile).
 */
installModel();

export type MergeJobResult =
  | { error: MapBodyError }
  | { merged: Extract<UnattendedResult, { ok: false }> }
  | { merged: Extract<UnattendedResult, { ok: true }>; change: Uint8Array };

export const mergeBodyJobs = {
  merge({ body, contentType, map, options }: {
    body: Uint8Array; contentType: string; map: Uint8Array; options: MergeOptions;
  }): MergeJobResult {
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, map);
      const before = Y.encodeStateVector(doc);
      const planned = planMergeBody(Buffer.from(body.buffer, body.byteOffset, body.byteLength), contentType, readMetaState(doc), options);
      if ('error' in planned) return planned;
      const merged = applyUnattended(doc, planned.plan);
      if (!merged.ok) return { merged };
      const change = Y.encodeStateAsUpdate(doc, before);
      return withTransfer({ merged, change }, [change.buffer]);
    } finally {
      doc.destroy();
    }
  },
};

export type MergeBodyJobs = typeof mergeBodyJobs;

if (parentPort) serveJobs(nodeParentPort(parentPort), mergeBodyJobs);
