import type { Factor } from '../schema';

/**
 * Where the factors a merge adds go on the canvas. A new factor linked to factors the map
 * already has goes next to them (the middle of its neighbours), so the facilitator finds a
 * group's addition where it belongs; the others go in a block to the right of the map. Each
 * takes the nearest free cell of a grid the size of a factor, so none lands on another.
 */
const CELL_WIDTH = 240;
const CELL_HEIGHT = 110;
/** Rings searched around the wanted cell before giving up on it (never reached in practice). */
const MAX_RINGS = 200;

export interface Position {
  readonly x: number;
  readonly y: number;
}

const cellOf = (p: Position) => `${Math.round(p.x / CELL_WIDTH)},${Math.round(p.y / CELL_HEIGHT)}`;

function freeCellNear(want: Position, taken: Set<string>): Position {
  const cx = Math.round(want.x / CELL_WIDTH);
  const cy = Math.round(want.y / CELL_HEIGHT);
  for (let r = 0; r <= MAX_RINGS; r++) {
    // Nearest cells of ring r first: sides before corners.
    const ring: [number, number][] = [];
    for (let dx = -r; dx <= r; dx++) {
      for (let dy = -r; dy <= r; dy++) if (Math.max(Math.abs(dx), Math.abs(dy)) === r) ring.push([dx, dy]);
    }
    ring.sort((a, b) => Math.hypot(a[0], a[1] * 2) - Math.hypot(b[0], b[1] * 2) || a[0] - b[0] || a[1] - b[1]);
    for (const [dx, dy] of ring) {
      const key = `${cx + dx},${cy + dy}`;
      if (!taken.has(key)) {
        taken.add(key);
        return { x: (cx + dx) * CELL_WIDTH, y: (cy + dy) * CELL_HEIGHT };
      }
    }
  }
  return want;
}

/**
 * @param added new factors in order, with the map's factors each is linked to
 * @param existing the map's factors as they are
 */
export function placeAdded(
  added: readonly { id: string; neighbours: readonly string[] }[],
  existing: readonly Factor[],
): Map<string, Position> {
  const byId = new Map(existing.map((f) => [f.id, f]));
  const taken = new Set(existing.map(cellOf));
  let right = 0;
  let top = 0;
  if (existing.length > 0) {
    right = Math.max(...existing.map((f) => f.x)) + 2 * CELL_WIDTH;
    top = Math.min(...existing.map((f) => f.y));
  }
  const out = new Map<string, Position>();
  let loose = 0;
  const columns = Math.max(1, Math.ceil(Math.sqrt(added.length)));
  for (const f of added) {
    const near = f.neighbours.flatMap((id) => {
      const n = byId.get(id) ?? out.get(id);
      return n ? [n] : [];
    });
    const want = near.length > 0
      ? { x: near.reduce((s, p) => s + p.x, 0) / near.length, y: near.reduce((s, p) => s + p.y, 0) / near.length }
      : { x: right + (loose % columns) * CELL_WIDTH, y: top + Math.floor(loose++ / columns) * CELL_HEIGHT };
    out.set(f.id, freeCellNear(want, taken));
  }
  return out;
}
