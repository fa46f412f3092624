import type { Access } from './location';

/** What POST /api/maps answers; the URLs are relative to the relay's origin. */
export interface CreatedMap {
  readonly id: string;
  readonly editToken: string;
  readonly viewToken: string;
  readonly editUrl: string;
  readonly viewUrl: string;
}

export interface MapInfo {
  readonly id: string;
  readonly title: string;
  readonly access: Access;
}

/** A refusal from the relay; `code` is stable ('unauthorized', 'invalid-field'…) for the UI to translate. */
export class MapApiError extends Error {
  override readonly name = 'MapApiError';
  constructor(readonly status: number, readonly code: string, readonly field?: string) {
    super(`relay answered ${status} ${code}`);
  }
}

export interface ApiOptions {
  /** The relay's origin; the page's own by default (the relay serves the app). */
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
}

function base(opts: ApiOptions): string {
  return (opts.baseUrl ?? globalThis.location.origin).replace(/\/+$/, '');
}

async function failure(r: Response): Promise<MapApiError> {
  let code = 'http-error';
  let field: string | undefined;
  try {
    const body = (await r.json()) as { error?: unknown; field?: unknown };
    if (typeof body.error === 'string') code = body.error;
    if (typeof body.field === 'string') field = body.field;
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  return new MapApiError(r.status, code, field);
}

function isCreatedMap(x: unknown): x is CreatedMap {
  const o = x as Record<string, unknown>;
  return typeof o === 'object' && o !== null
    && ['id', 'editToken', 'viewToken', 'editUrl', 'viewUrl'].every((k) => typeof o[k] === 'string');
}

/** Creates a map on the relay; rejects with MapApiError (or a network TypeError when offline). */
export async function createMapOnServer(title: string, opts: ApiOptions = {}): Promise<CreatedMap> {
  const r = await (opts.fetch ?? fetch)(`${base(opts)}/api/maps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  if (r.status !== 201) throw await failure(r);
  const body: unknown = await r.json();
  if (!isCreatedMap(body)) throw new MapApiError(r.status, 'bad-response');
  return body;
}

/** The title and the rights a token gives; the token travels in a header, not the URL. */
export async function fetchMapInfo(mapId: string, token: string, opts: ApiOptions = {}): Promise<MapInfo> {
  const r = await (opts.fetch ?? fetch)(`${base(opts)}/api/maps/${encodeURIComponent(mapId)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (r.status !== 200) throw await failure(r);
  const body = (await r.json()) as Partial<MapInfo>;
  if (typeof body.id !== 'string' || typeof body.title !== 'string' || (body.access !== 'edit' && body.access !== 'view')) {
    throw new MapApiError(r.status, 'bad-response');
  }
  return { id: body.id, title: body.title, access: body.access };
}
