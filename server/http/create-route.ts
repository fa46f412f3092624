import * as Y from 'yjs';
import { JobBusy, JobRunner, JobTimeout } from '../../src/model/worker';
import { viewTokenFor } from '../../src/model/tokens';
import { workerEndpoint } from '../lib/spawn-worker';
import {
  CREATE_BURST, CREATE_REFILL_PER_SEC, INLINE_BODY_BYTES, MAX_WAITING_MAP_BODIES,
} from '../limits';
import type { Logger } from '../log';
import { RateLimiter } from '../relay/rate-limit';
import type { Rooms } from '../relay/rooms';
import { hashToken, newMapId, newToken } from '../store/secrets';
import { BodyTooLarge, readBody } from './body';
import type { ClientAddress } from './client-address';
import { refuseTooLarge } from './refuse-too-large';
import { isMapBodyError, isTitleBody, parseMapBody, type MapBodyError } from './map-body';
import type { MapBodyJobs } from './map-body-worker';
import { sendJson, type Router } from './router';

/** A map body the parsing thread has not answered after this is refused (503). */
const PARSE_TIMEOUT_MS = 60_000;

/** The new map's first update, or why not. */
type Parsed = { update: Uint8Array } | { error: MapBodyError };

/**
 * POST /api/maps: anyone may create a map (it is how a workshop starts), so creation is
 * limited per address, and a posted file, whatever its size, is parsed and laid out in a
 * worker thread: a CSV at the import limits takes seconds, and every other workshop must keep
 * being served. Only a title (or an empty body) is read here.
 */
export function registerCreateRoute(router: Router, rooms: Rooms, log: Logger, addressOf: ClientAddress): void {
  const limiter = new RateLimiter(CREATE_BURST, CREATE_REFILL_PER_SEC);
  const parser = new JobRunner<MapBodyJobs>(
    () => workerEndpoint(new URL('./map-body-worker.ts', import.meta.url)),
    { maxWaiting: MAX_WAITING_MAP_BODIES, timeoutMs: PARSE_TIMEOUT_MS },
  );

  const parse = async (body: Buffer, contentType: string | undefined): Promise<Parsed | 'busy'> => {
    if (body.length <= INLINE_BODY_BYTES && isTitleBody(body, contentType)) {
      const doc = parseMapBody(body, contentType);
      if (isMapBodyError(doc)) return { error: doc };
      try {
        return { update: Y.encodeStateAsUpdate(doc) };
      } finally {
        doc.destroy();
      }
    }
    try {
      return await parser.run('parse', { body: new Uint8Array(body), contentType: contentType ?? '' });
    } catch (e) {
      if (e instanceof JobBusy || e instanceof JobTimeout) return 'busy';
      throw e;
    }
  };

  router.post('/api/maps', async ({ req, res }) => {
    if (!limiter.take(addressOf(req))) {
      log.warn('rate-limit', 'too many maps created from one address, refused');
      res.setHeader('retry-after', String(Math.ceil(1 / CREATE_REFILL_PER_SEC)));
      return sendJson(res, 429, { error: 'too-many-requests' });
    }
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (e) {
      if (e instanceof BodyTooLarge) return refuseTooLarge(res);
      throw e;
    }
    const parsed = await parse(body, req.headers['content-type']);
    if (parsed === 'busy') return sendJson(res, 503, { error: 'busy' });
    if ('error' in parsed) {
      const { status, ...rest } = parsed.error;
      return sendJson(res, status, rest);
    }
    const id = newMapId();
    const editToken = newToken();
    // Derived one way from the edit token: editors can always hand out a read-only link.
    const viewToken = viewTokenFor(editToken);
    await rooms.store.createMap(
      { id, editTokenHash: hashToken(editToken), viewTokenHash: hashToken(viewToken), createdAt: Date.now() },
      parsed.update,
    );
    log.info(`map ${id} created`);
    // Tokens ride in the fragment: browsers never send it, so no server or proxy logs it.
    return sendJson(res, 201, {
      id, editToken, viewToken,
      editUrl: `/m/${id}#edit=${editToken}`,
      viewUrl: `/m/${id}#view=${viewToken}`,
    });
  });
}
