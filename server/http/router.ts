import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A tiny router for the relay's HTTP API.
 *
 * Routes are registered in routes.ts, directly or through the register*Route functions it
 * calls (analysis-route.ts, export-routes.ts, lan-route.ts):
 *
 *   router.get('/api/maps/:id/export.json', async ({ params, token, res }) => {
 *     const r = await rooms.withMapDoc(params.id!, token, (doc) => toJson(doc));
 *     if (!r.ok) return denied(res, r.reason);
 *     sendJson(res, 200, r.value);
 *   });
 *
 * `:name` matches one path segment (URL-decoded). `token` comes from `?token=` or an
 * `Authorization: Bearer` header. A handler that throws answers 500 without details.
 */
export interface RouteContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly token: string | null;
}

export type Handler = (ctx: RouteContext) => void | Promise<void>;

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  readonly handler: Handler;
}

function compile(path: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path
    .split('/')
    .map((seg) => {
      if (seg.startsWith(':')) {
        names.push(seg.slice(1));
        return '([^/]+)';
      }
      return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { pattern: new RegExp(`^${source}$`), names };
}

function tokenOf(req: IncomingMessage, query: URLSearchParams): string | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  return query.get('token');
}

export class Router {
  private readonly routes: Route[] = [];

  get(path: string, handler: Handler): this {
    return this.add('GET', path, handler);
  }

  post(path: string, handler: Handler): this {
    return this.add('POST', path, handler);
  }

  add(method: string, path: string, handler: Handler): this {
    this.routes.push({ method, ...compile(path), handler });
    return this;
  }

  /**
   * Runs the matching route. Returns false when no route has this path (the caller serves the
   * app); a known path with another method gets 405.
   */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://relay');
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.pattern.exec(url.pathname);
      if (!m) continue;
      pathMatched = true;
      const method = req.method === 'HEAD' ? 'GET' : req.method;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      try {
        route.names.forEach((name, i) => {
          params[name] = decodeURIComponent(m[i + 1] ?? '');
        });
      } catch {
        sendJson(res, 400, { error: 'bad-path' });
        return true;
      }
      await route.handler({ req, res, params, query: url.searchParams, token: tokenOf(req, url.searchParams) });
      return true;
    }
    if (pathMatched) {
      sendJson(res, 405, { error: 'method-not-allowed' });
      return true;
    }
    return false;
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    // Map data and tokens must not linger in caches (shared computers in a workshop).
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

/** The answer for a failed authorization: 404 for an unknown map, 401 otherwise. */
export function denied(res: ServerResponse, reason: 'unknown-map' | 'unauthorized'): void {
  if (reason === 'unknown-map') sendJson(res, 404, { error: 'unknown-map' });
  else sendJson(res, 401, { error: 'unauthorized' });
}
