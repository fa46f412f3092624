import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { overlaySlice, useRoot, useSliceGetter, useSnapshot, type CanvasMarker } from '../../session';
import { LOOPS_ROOT, loopLabels, readLoopNotes, type MapSnapshot } from '../../model';
import { useAnalysis } from './store';

export const MARKER_LAYER = 'loop-markers';
// A factor not measured yet (just added) is taken to be the size of a new one.
const DEFAULT_HALF = { x: 80, y: 20 };

type Sizes = (id: string) => { width?: number; height?: number } | undefined;

/** The middle of a loop's factor boxes, in map coordinates. */
export function loopCentre(factors: readonly string[], snap: Pick<MapSnapshot, 'factorById'>, sizeOf: Sizes): { x: number; y: number } | null {
  let x = 0;
  let y = 0;
  let n = 0;
  for (const id of factors) {
    const f = snap.factorById.get(id);
    if (!f) continue;
    const size = sizeOf(id);
    x += f.x + (size?.width ? size.width / 2 : DEFAULT_HALF.x);
    y += f.y + (size?.height ? size.height / 2 : DEFAULT_HALF.y);
    n++;
  }
  return n === 0 ? null : { x: x / n, y: y / n };
}

/**
 * R1, B2… markers at the centre of every named loop, on the canvas whenever the map is open,
 * whichever panel is. Numbered per kind in the order of the loop list (see loopLabels).
 */
export function useLoopMarkers(): void {
  const analysis = useAnalysis((s) => s.analysis);
  const notes = useRoot(LOOPS_ROOT, readLoopNotes);
  const snap = useSnapshot();
  const flow = useReactFlow();
  const overlay = useSliceGetter(overlaySlice);

  useEffect(() => {
    const { setLayer } = overlay();
    if (!analysis) {
      setLayer(MARKER_LAYER, null);
      return;
    }
    const labels = loopLabels(analysis.loops, notes);
    const sizeOf: Sizes = (id) => flow.getInternalNode(id)?.measured;
    const markers: CanvasMarker[] = [];
    for (const loop of analysis.loops) {
      const text = labels.get(loop.id);
      const centre = text ? loopCentre(loop.factors, snap, sizeOf) : null;
      if (!text || !centre) continue;
      markers.push({ id: `loop:${loop.id}`, ...centre, text, title: `${text} — ${notes.get(loop.id)?.name ?? ''}`, tone: loop.kind });
    }
    setLayer(MARKER_LAYER, markers.length > 0 ? { markers } : null);
  }, [analysis, notes, snap, flow, overlay]);

  useEffect(() => () => overlay().setLayer(MARKER_LAYER, null), [overlay]);
}
