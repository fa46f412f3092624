import { parseMapLocation } from '../../sync';

/** A snapshot as the relay lists it (GET /api/maps/<id>/snapshots). */
export interface SnapshotItem {
  readonly id: string;
  readonly name: string;
  readonly createdAt: number;
  readonly author: string;
  readonly auto: 'import' | 'merge' | 'restore' | 'daily' | null;
  readonly factors: number;
  readonly links: number;
  readonly bytes: number;
}

export class SnapshotApiError extends Error {
  override readonly name = 'SnapshotApiError';
  constructor(readonly status: number, readonly code: string) {
    super(`relay answered ${status} ${code}`);
  }
}

/** The token of the map this page shows: it rides in the fragment (#edit=… / #view=…). */
function token(): string {
  return parseMapLocation(globalThis.location)?.token ?? '';
}

export function snapshotsUrl(mapId: string, path = ''): string {
  return `/api/maps/${encodeURIComponent(mapId)}/snapshots${path}`;
}

async function call(url: string, init?: RequestInit): Promise<Response> {
  let r: Response;
  try {
    r = await fetch(url, { ...init, headers: { ...init?.headers, authorization: `Bearer ${token()}` } });
  } catch {
    throw new SnapshotApiError(0, 'offline');
  }
  if (!r.ok) {
    let code = 'http-error';
    try {
      const body = (await r.json()) as { error?: unknown };
      if (typeof body.error === 'string') code = body.error;
    } catch {
      // A proxy's error page: the status says enough.
    }
    throw new SnapshotApiError(r.status, code);
  }
  return r;
}

export async function listSnapshots(mapId: string): Promise<SnapshotItem[]> {
  const body = (await (await call(snapshotsUrl(mapId))).json()) as { snapshots?: unknown };
  return Array.isArray(body.snapshots) ? (body.snapshots as SnapshotItem[]) : [];
}

export async function saveSnapshot(
  mapId: string, body: { name?: string; author: string; reason?: 'restore' | 'import' | 'merge' },
): Promise<SnapshotItem> {
  const r = await call(snapshotsUrl(mapId), {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  return (await r.json()) as SnapshotItem;
}

export async function snapshotState(mapId: string, id: string): Promise<Uint8Array> {
  const r = await call(snapshotsUrl(mapId, `/${encodeURIComponent(id)}/state`));
  return new Uint8Array(await r.arrayBuffer());
}

/** Downloads a snapshot as a file, as the relay writes it (the name it gives included). */
export async function downloadExport(mapId: string, id: string, ext: 'json' | 'csv' | 'graphml'): Promise<void> {
  const r = await call(snapshotsUrl(mapId, `/${encodeURIComponent(id)}/export.${ext}`));
  const disposition = r.headers.get('content-disposition') ?? '';
  const utf8 = /filename\*=UTF-8''([^;]+)/.exec(disposition);
  const name = utf8 ? decodeURIComponent(utf8[1]!) : `trame.${ext}`;
  const url = URL.createObjectURL(await r.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
