import { parseMapLocation } from '../../src/model/location';
import { isMapId } from '../store/secrets';

/**
 * Which local maps a relay carries to another relay ("carry the map home"):
 *
 *   UPSTREAM_MAPS = <localMapId>=<upstream edit link>[,<localMapId>=<upstream edit link>…]
 *   UPSTREAM_URL  = the upstream relay's origin (optional when the links are absolute)
 *
 * An edit link is what the upstream relay's share dialog gives: `https://central.example/m/<id>#edit=<token>`.
 * A relative link (`/m/<id>#edit=<token>`) needs UPSTREAM_URL. Errors name the entry by its
 * position and never quote it: an entry is mostly a token.
 */
export interface UpstreamTarget {
  /** The map on this relay. */
  readonly localId: string;
  /** http(s):// origin of the upstream relay. */
  readonly origin: string;
  readonly upstreamId: string;
  readonly token: string;
}

export class UpstreamConfigError extends Error {
  override readonly name = 'UpstreamConfigError';
}

const SCHEMES = ['http:', 'https:', 'ws:', 'wss:'];

/** http(s)://host[:port] of a relay given in any of the schemes a relay answers on. */
function originOf(u: URL, what: string): string {
  if (!SCHEMES.includes(u.protocol)) throw new UpstreamConfigError(`${what} must start with http://, https://, ws:// or wss://`);
  return `${u.protocol.replace(/^ws/, 'http')}//${u.host}`;
}

function parseBase(raw: string): string {
  try {
    return originOf(new URL(raw), 'UPSTREAM_URL');
  } catch (e) {
    if (e instanceof UpstreamConfigError) throw e;
    throw new UpstreamConfigError('UPSTREAM_URL is not a URL (expected e.g. https://central.example)');
  }
}

function parseEntry(entry: string, n: number, base: string | null): UpstreamTarget {
  const where = `UPSTREAM_MAPS entry ${n}`;
  const eq = entry.indexOf('=');
  if (eq <= 0) throw new UpstreamConfigError(`${where}: expected <local map id>=<upstream edit link>`);
  const localId = entry.slice(0, eq).trim();
  const link = entry.slice(eq + 1).trim();
  if (!isMapId(localId)) throw new UpstreamConfigError(`${where}: the part before "=" is not a map id`);
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(link);
  if (!absolute && base === null) {
    throw new UpstreamConfigError(`${where} (map ${localId}): a relative link needs UPSTREAM_URL, or give the full link`);
  }
  let url: URL;
  try {
    url = new URL(link, base ?? undefined);
  } catch {
    throw new UpstreamConfigError(`${where} (map ${localId}): the upstream link is not a URL`);
  }
  const origin = originOf(url, `${where} (map ${localId}): the upstream link`);
  if (base !== null && origin !== base) {
    throw new UpstreamConfigError(`${where} (map ${localId}): the link points to ${origin}, not to UPSTREAM_URL ${base}`);
  }
  const location = parseMapLocation(url);
  if (!location) {
    throw new UpstreamConfigError(`${where} (map ${localId}): not a map link (expected …/m/<id>#edit=<token>)`);
  }
  if (location.access !== 'edit') {
    throw new UpstreamConfigError(`${where} (map ${localId}): this is a view link; forwarding needs the edit link`);
  }
  return { localId, origin, upstreamId: location.mapId, token: location.token };
}

/** Reads the forwarding settings from the environment; throws UpstreamConfigError, all or nothing. */
export function readUpstreamConfig(env: Record<string, string | undefined>): UpstreamTarget[] {
  const base = env.UPSTREAM_URL?.trim() ? parseBase(env.UPSTREAM_URL.trim()) : null;
  const entries = (env.UPSTREAM_MAPS ?? '').split(',').map((e) => e.trim());
  const targets: UpstreamTarget[] = [];
  entries.forEach((entry, i) => {
    if (entry === '') return;
    const t = parseEntry(entry, i + 1, base);
    if (targets.some((o) => o.localId === t.localId)) {
      throw new UpstreamConfigError(`UPSTREAM_MAPS entry ${i + 1}: map ${t.localId} is listed twice`);
    }
    targets.push(t);
  });
  return targets;
}
