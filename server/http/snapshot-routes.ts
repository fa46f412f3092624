import type { ServerResponse } from 'node:http';
import * as Y from 'yjs';
import { ModelError } from '../../src/model';
import { AUTO_REASONS, cleanSnapshotName, type AutoReason } from '../../src/model/snapshots';
import { JobBusy, JobTimeout } from '../../src/model/worker';
import { describeError, type Logger } from '../log';
import { RateLimiter } from '../relay/rate-limit';
import type { Rooms } from '../relay/rooms';
import { isMapId } from '../store/secrets';
import type { SnapshotService } from '../store/snapshot-service';
import { TooManySnapshots, type SnapshotRecord } from '../store/snapshot-store';
import type { ExportKind, StateSource } from '../store/snapshot-worker';
import { BodyTooLarge, readBody } from './body';
import { contentDisposition } from './export-routes';
import { denied, sendJson, type RouteContext, type Router } from './router';

/** A snapshot request body is a name and an author: a few hundred bytes. */
const MAX_SNAPSHOT_BODY_BYTES = 4 * 1024;
const MAX_AUTHOR_CHARS = 100;
/**
 * Snapshots taken and restores made, per map: a bucket of SNAPSHOT_BURST refilled at
 * SNAPSHOT_REFILL_PER_SEC. A workshop saves a state a few times a session; a script asking for
 * thousands at once gets 429 with Retry-After, and what it already took stays listed.
 */
export const SNAPSHOT_BURST = 20;
export const SNAPSHOT_REFILL_PER_SEC = 1 / 6;

const EXPORTS: Record<ExportKind, { contentType: string; suffix?: { fr: string; en: string } }> = {
  json: { contentType: 'application/json; charset=utf-8' },
  csv: { contentType: 'text/csv; charset=utf-8', suffix: { fr: 'liens', en: 'links' } },
  graphml: { contentType: 'application/graphml+xml; charset=utf-8' },
};

const publicRecord = (s: SnapshotRecord) => ({
  id: s.id, name: s.name, createdAt: s.createdAt, author: s.author, auto: s.auto,
  factors: s.factors, links: s.links, bytes: s.bytes,
});

const unreadable = (res: ServerResponse, id: string) =>
  sendJson(res, 422, { error: 'snapshot-unreadable', snapshot: id, message: 'This snapshot’s stored state cannot be read; the map itself is not affected' });

function busy(res: ServerResponse, e: unknown): void {
  if (e instanceof JobBusy || e instanceof JobTimeout) return sendJson(res, 503, { error: 'busy' });
  throw e;
}

/**
 * Snapshots over HTTP (issue 19), for the app, reports and scripts:
 *
 *   POST /api/maps/:id/snapshots {"name", "author"?, "reason"?}  edit token → 201 {id, name, createdAt, …}
 *   GET  /api/maps/:id/snapshots                                  → {snapshots: […]}, oldest first
 *   GET  /api/maps/:id/snapshots/:sid/export.{json,csv,graphml}   → the map as it was
 *   GET  /api/maps/:id/snapshots/:sid/state                       → the stored Yjs state (the app opens it)
 *   POST /api/maps/:id/snapshots/:sid/restore                     edit token → a forward change to everyone
 *   GET  /api/maps/:id/compare?from=<sid>&to=<sid|current>        → what was added, removed, changed
 *
 * A snapshot id is looked up with its map id: another map's snapshot is a 404, never content.
 */
export function registerSnapshotRoutes(router: Router, rooms: Rooms, service: SnapshotService | null, log: Logger): void {
  const limiter = new RateLimiter(SNAPSHOT_BURST, SNAPSHOT_REFILL_PER_SEC);

  /** Authorized access and the snapshot store, or the answer already sent. */
  const access = async (ctx: RouteContext, need: 'edit' | 'view') => {
    const auth = await rooms.authorize(ctx.params.id!, ctx.token);
    if (!auth.ok) {
      denied(ctx.res, auth.reason);
      return null;
    }
    if (need === 'edit' && auth.access !== 'edit') {
      sendJson(ctx.res, 403, { error: 'forbidden', message: 'A view link cannot change snapshots' });
      return null;
    }
    if (!service) {
      sendJson(ctx.res, 501, { error: 'snapshots-unavailable', message: 'This relay’s store keeps no snapshots yet' });
      return null;
    }
    return service;
  };

  const limited = (ctx: RouteContext): boolean => {
    if (limiter.take(ctx.params.id!)) return false;
    log.warn('rate-limit', `map ${ctx.params.id!}: too many snapshots requested, refused`);
    ctx.res.setHeader('retry-after', String(Math.ceil(1 / SNAPSHOT_REFILL_PER_SEC)));
    sendJson(ctx.res, 429, { error: 'too-many-requests' });
    return true;
  };

  /** The stored state of one of this map's snapshots, or the 404 already sent. */
  const stateOf = async (s: SnapshotService, ctx: RouteContext, sid: string) => {
    const state = isMapId(sid) ? await s.snapshots.getSnapshotState(ctx.params.id!, sid) : null;
    if (!state) sendJson(ctx.res, 404, { error: 'unknown-snapshot' });
    return state;
  };

  router.post('/api/maps/:id/snapshots', async (ctx) => {
    const s = await access(ctx, 'edit');
    if (!s) return;
    let body: unknown;
    try {
      body = JSON.parse((await readBody(ctx.req, MAX_SNAPSHOT_BODY_BYTES)).toString('utf8') || '{}');
    } catch (e) {
      if (e instanceof BodyTooLarge) return sendJson(ctx.res, 413, { error: 'too-large' });
      return sendJson(ctx.res, 400, { error: 'bad-json', message: 'The body must be JSON: {"name": "…"}' });
    }
    const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const reason = fields.reason;
    // The app asks for an automatic one before it restores or imports on its own side.
    const auto = typeof reason === 'string' && reason !== 'daily' && (AUTO_REASONS as readonly string[]).includes(reason)
      ? (reason as AutoReason) : null;
    let name: string | undefined;
    if (auto === null || fields.name !== undefined) {
      try {
        name = cleanSnapshotName(fields.name);
      } catch (e) {
        if (!(e instanceof ModelError)) throw e;
        return sendJson(ctx.res, 400, { error: 'bad-name', code: e.code, message: e.message });
      }
    }
    const author = typeof fields.author === 'string'
      // eslint-disable-next-line no-control-regex
      ? [...fields.author.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim()].slice(0, MAX_AUTHOR_CHARS).join('') : '';
    if (limited(ctx)) return;
    try {
      const taken = await s.take(ctx.params.id!, { name, author, auto });
      return sendJson(ctx.res, 201, publicRecord(taken));
    } catch (e) {
      if (e instanceof TooManySnapshots) return sendJson(ctx.res, 409, { error: 'too-many-snapshots', message: e.message });
      return busy(ctx.res, e);
    }
  });

  router.get('/api/maps/:id/snapshots', async (ctx) => {
    const s = await access(ctx, 'view');
    if (!s) return;
    const list = await s.snapshots.listSnapshots(ctx.params.id!);
    return sendJson(ctx.res, 200, { snapshots: list.map(publicRecord) });
  });

  router.get('/api/maps/:id/snapshots/:sid/state', async (ctx) => {
    const s = await access(ctx, 'view');
    if (!s) return;
    const state = await stateOf(s, ctx, ctx.params.sid!);
    if (!state) return;
    ctx.res.writeHead(200, {
      'content-type': 'application/octet-stream', 'content-length': state.byteLength,
      'cache-control': 'no-store', 'x-content-type-options': 'nosniff',
    });
    ctx.res.end(state);
  });

  for (const [ext, kind] of Object.entries(EXPORTS) as [ExportKind, (typeof EXPORTS)[ExportKind]][]) {
    router.get(`/api/maps/:id/snapshots/:sid/export.${ext}`, async (ctx) => {
      const s = await access(ctx, 'view');
      if (!s) return;
      const sid = ctx.params.sid!;
      const record = isMapId(sid) ? await s.snapshots.getSnapshot(ctx.params.id!, sid) : null;
      const state = record ? await stateOf(s, ctx, sid) : (sendJson(ctx.res, 404, { error: 'unknown-snapshot' }), null);
      if (!record || !state) return;
      let out;
      try {
        out = await s.exportState(state, ext, { excel: ctx.query.get('excel') === '1', raw: ctx.query.get('raw') === '1' });
      } catch (e) {
        return busy(ctx.res, e);
      }
      if (!out.ok) return unreadable(ctx.res, sid);
      const suffix = kind.suffix ? (out.language === 'en' ? kind.suffix.en : kind.suffix.fr) : '';
      const body = out.body;
      ctx.res.writeHead(200, {
        'content-type': kind.contentType,
        'content-length': Buffer.byteLength(body),
        'content-disposition': contentDisposition([out.title, record.name].filter((x) => x !== '').join(' - '), suffix, ext),
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      ctx.res.end(body);
    });
  }

  router.post('/api/maps/:id/snapshots/:sid/restore', async (ctx) => {
    const s = await access(ctx, 'edit');
    if (!s) return;
    const mapId = ctx.params.id!;
    const sid = ctx.params.sid!;
    const state = await stateOf(s, ctx, sid);
    if (!state || limited(ctx)) return;
    let computed;
    try {
      computed = await s.restoreChange(mapId, state);
    } catch (e) {
      return busy(ctx.res, e);
    }
    if (!computed.ok) return unreadable(ctx.res, sid);
    // What the restore replaces is kept first: a restore can always be taken back.
    const before = await s.keep(mapId, computed.before, { auto: 'restore' });
    const room = rooms.acquire(mapId);
    try {
      // Applied as a change of the relay's own, in the room's order: stored, then relayed.
      await room.write((doc) => Y.applyUpdate(doc, computed.change));
      await room.ready();
    } catch (e) {
      log.warn('snapshot', `map ${mapId}: restore not applied: ${describeError(e)}`);
      return sendJson(ctx.res, 503, { error: 'map-unavailable' });
    } finally {
      room.release();
    }
    return sendJson(ctx.res, 200, { restored: sid, before: publicRecord(before), ...computed.counts });
  });

  router.get('/api/maps/:id/compare', async (ctx) => {
    const s = await access(ctx, 'view');
    if (!s) return;
    const from = ctx.query.get('from');
    const to = ctx.query.get('to') ?? 'current';
    if (!from) return sendJson(ctx.res, 400, { error: 'bad-param', param: 'from', message: 'from=<snapshot id> is required' });
    const side = async (sid: string): Promise<StateSource | null> => {
      if (sid === 'current') return s.liveSource(ctx.params.id!);
      const state = await stateOf(s, ctx, sid);
      return state ? { state } : null;
    };
    const a = await side(from);
    if (!a) return;
    const b = await side(to);
    if (!b) return;
    let out;
    try {
      out = await s.compare(a, b);
    } catch (e) {
      return busy(ctx.res, e);
    }
    if (!out.ok) return unreadable(ctx.res, out.side === 'from' ? from : to);
    return sendJson(ctx.res, 200, out.report);
  });
}
