import type { Peer } from '../session';

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const point = (v: unknown): { x: number; y: number } | null => {
  const p = v as { x?: unknown; y?: unknown } | null;
  return p && typeof p === 'object' && num(p.x) && num(p.y) ? { x: p.x, y: p.y } : null;
};

/** Validates one peer's awareness state: a peer may publish anything. */
export function readPeer(clientId: number, state: Record<string, unknown>): Peer | null {
  const user = state.user as { id?: unknown; name?: unknown; color?: unknown } | undefined;
  if (!user || typeof user !== 'object') return null;
  const name = typeof user.name === 'string' ? user.name.slice(0, 40) : '';
  const userId = typeof user.id === 'string' && /^[\w-]{1,64}$/.test(user.id) ? user.id : undefined;
  const color = typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : '#607d8b';
  const selection = Array.isArray(state.selection)
    ? (state.selection as unknown[]).filter((x): x is string => typeof x === 'string').slice(0, 500)
    : [];
  let drag: Record<string, { x: number; y: number }> | null = null;
  if (state.drag && typeof state.drag === 'object') {
    drag = {};
    for (const [id, pos] of Object.entries(state.drag as Record<string, unknown>).slice(0, 500)) {
      const p = point(pos);
      if (p) drag[id] = p;
    }
  }
  const vp = state.viewport as { x?: unknown; y?: unknown; zoom?: unknown } | undefined;
  const viewport = vp && num(vp.x) && num(vp.y) && num(vp.zoom) && vp.zoom > 0 ? { x: vp.x, y: vp.y, zoom: vp.zoom } : null;
  const sc = state.screen as { width?: unknown; height?: unknown } | undefined;
  const screen = sc && num(sc.width) && num(sc.height) && sc.width > 0 && sc.height > 0
    ? { width: sc.width, height: sc.height } : null;
  const showing = typeof state.showing === 'string' && state.showing !== '' && state.showing.length <= 64 ? state.showing : null;
  return {
    clientId, name, color, ...(userId ? { userId } : {}), cursor: point(state.cursor), selection, drag, viewport, leading: state.leading === true, screen, showing,
  };
}
