import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';
import { installModel } from '../../src/model';
import { nodeParentPort, serveJobs, withTransfer } from '../../src/model/worker';
import { isMapBodyError, parseMapBody, type MapBodyError } from './map-body';

/**
 * The posted map parsed and laid out off the relay's event loop: a CSV at the import limits
 * takes seconds to lay out, and every workshop on the relay must keep being served meanwhile.
 */
installModel();

export const mapBodyJobs = {
  /** The new map's first update, or why the body is refused. */
  parse({ body, contentType }: { body: Uint8Array; contentType: string }): { update: Uint8Array } | { error: MapBodyError } {
    const parsed = parseMapBody(Buffer.from(body.buffer, body.byteOffset, body.byteLength), contentType);
    if (isMapBodyError(parsed)) return { error: parsed };
    try {
      const update = Y.encodeStateAsUpdate(parsed);
      return withTransfer({ update }, [update.buffer]);
    } finally {
      parsed.destroy();
    }
  },
};

export type MapBodyJobs = typeof mapBodyJobs;

if (parentPort) serveJobs(nodeParentPort(parentPort), mapBodyJobs);
