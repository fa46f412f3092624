/** A React Flow viewport: screen = map * zoom + (x, y). */
export interface Vp {
  x: number;
  y: number;
  zoom: number;
}

export interface Size {
  width: number;
  height: number;
}

/**
 * The viewport that shows, on a pane of size `mine`, the area a leader sees with viewport
 * `vp` on a pane of size `theirs`: the same centre, zoomed so all of their area fits. Without
 * their size the leader's viewport is copied as it is. `minZoom` keeps projector labels large.
 */
export function followViewport(vp: Vp, theirs: Size | null, mine: Size, minZoom = 0): Vp {
  if (!theirs || mine.width <= 0 || mine.height <= 0) return clampZoom(vp, mine, minZoom);
  const cx = (theirs.width / 2 - vp.x) / vp.zoom;
  const cy = (theirs.height / 2 - vp.y) / vp.zoom;
  const zoom = Math.max(minZoom, Math.min((mine.width * vp.zoom) / theirs.width, (mine.height * vp.zoom) / theirs.height));
  return { x: mine.width / 2 - cx * zoom, y: mine.height / 2 - cy * zoom, zoom };
}

/** Raises the zoom to at least minZoom, keeping the map point at the pane's centre in place. */
export function clampZoom(vp: Vp, pane: Size, minZoom: number): Vp {
  if (vp.zoom >= minZoom) return vp;
  const cx = (pane.width / 2 - vp.x) / vp.zoom;
  const cy = (pane.height / 2 - vp.y) / vp.zoom;
  return { x: pane.width / 2 - cx * minZoom, y: pane.height / 2 - cy * minZoom, zoom: minZoom };
}

export function sameViewport(a: Vp, b: Vp): boolean {
  return Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom - b.zoom) < 1e-3;
}
