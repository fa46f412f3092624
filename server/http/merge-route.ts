import type { ServerResponse } from 'node:http';
import * as Y from 'yjs';
import { applyUnattended, readMetaState, type UnattendedAnswer, type UnattendedResult } from '../../src/model/merge';
import { JobBusy, JobRunner, JobTimeout } from '../../src/model/worker';
import { workerEndpoint } from '../lib/spawn-worker';
import { INLINE_BODY_BYTES, MAX_WAITING_MAP_BODIES } from '../limits';
import { describeError, type Logger } from '../log';
import type { Rooms } from '../relay/rooms';
import { BodyTooLarge, readBody } from './body';
import type { MapBodyError } from './map-file';
import { planMergeBody } from './merge-body';
import type { MergeBodyJobs, MergeJobResult } from './merge-body-worker';
import { refuseTooLarge } from './refuse-too-large';
import { denied, sendJson, type Router } from './router';

/** A mini-map the merging thread has not answered after this is refused (503). */
const PLAN_TIMEOUT_MS = 60_000;

/** The origin of a merge made in the worker, applied to the room's document. */
const MERGED = Symbol('http-merge');

function sendError(res: ServerResponse, error: MapBodyError): void {
  const { status, ...rest } = error;
  sendJson(res, status, rest);
}

/** What the answer says of each notice: the code the app translates, and English. */
function noticesOf(answer: UnattendedAnswer) {
  return answer.notices.map((n) => ({ code: n.code, params: n.params, message: n.message }));
}

/**
 * POST /api/maps/<id>/merge?token=<edit token>&source=<title>, for analysts who script the
 * merge of mini-maps: the body (Trame JSON, a links CSV, a workbook) is matched against the
 * map and merged with nobody to review it: matches after normalisation only, near matches
 * returned as suggestions and never merged. The change goes through the map's room, so it is
 * stored and reaches every connected client as one change (one undo step for nobody: it is
 * the relay's, not a person's).
 */
export function registerMergeRoute(
  router: Router, rooms: Rooms, log: Logger,
  /** Keeps the map as it stands first (an automatic snapshot, see snapshot-service.ts). */
  beforeMerge: (mapId: string) => Promise<unknown> = async () => undefined,
): void {
  const merger = new JobRunner<MergeBodyJobs>(
    () => workerEndpoint(new URL('./merge-body-worker.ts', import.meta.url)),
    { maxWaiting: MAX_WAITING_MAP_BODIES, timeoutMs: PLAN_TIMEOUT_MS },
  );

  router.post('/api/maps/:id/merge', async ({ req, res, params, query, token }) => {
    const id = params.id!;
    const auth = await rooms.authorize(id, token);
    if (!auth.ok) return denied(res, auth.reason);
    if (auth.access !== 'edit') return sendJson(res, 403, { error: 'read-only', message: 'merging needs the edit link\'s token' });
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (e) {
      if (e instanceof BodyTooLarge) return refuseTooLarge(res);
      throw e;
    }
    const contentType = req.headers['content-type'] ?? '';
    const options = { title: query.get('source') ?? '', targetMapId: id };

    const room = rooms.acquire(id);
    try {
      await room.ready();
      if (room.closed) throw new Error('map could not be loaded');
      const snapshotFirst = async () => {
        try {
          await beforeMerge(id);
        } catch (e) {
          // A safety net, not a condition: a merge only adds, and the map's log keeps every change.
          log.warn('snapshot', `map ${id}: no automatic snapshot before the merge: ${describeError(e)}`);
        }
      };
      let merged: UnattendedResult;
      if (body.length <= INLINE_BODY_BYTES) {
        const planned = planMergeBody(body, contentType, readMetaState(room.doc), options);
        if ('error' in planned) return sendError(res, planned.error);
        const { plan } = planned;
        await snapshotFirst();
        merged = await room.write((doc) => applyUnattended(doc, plan));
      } else {
        let done: MergeJobResult;
        try {
          done = await merger.run('merge', { body: new Uint8Array(body), contentType, map: Y.encodeStateAsUpdate(room.doc), options });
        } catch (e) {
          if (e instanceof JobBusy || e instanceof JobTimeout) return sendJson(res, 503, { error: 'busy' });
          throw e;
        }
        if ('error' in done) return sendError(res, done.error);
        merged = done.merged;
        if ('change' in done) {
          const { change } = done;
          await snapshotFirst();
          await room.write((doc) => Y.applyUpdate(doc, change, MERGED));
        }
      }
      if (!merged.ok) {
        const first = merged.errors[0]!;
        return sendJson(res, 400, { error: 'invalid-merge', code: first.code, params: first.params, message: first.message });
      }
      // Answered once stored: a script that reads the map next sees its merge.
      await room.ready();
      log.info(`map ${id}: a mini-map merged over HTTP`);
      const { notices: _n, ...answer } = merged.answer;
      return sendJson(res, 200, { ...answer, notices: noticesOf(merged.answer) });
    } finally {
      room.release();
    }
  });
}
