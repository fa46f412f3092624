import { Panel, useReactFlow, useStoreApi } from '@xyflow/react';
import { memo, useEffect, useRef, type PointerEvent, type WheelEvent } from 'react';
import { shownBounds, viewOf, type FlowState, type Rect } from './flowBounds';
import { nodeBox } from './lod';
import type { FactorNodeType, LinkEdgeType } from './types';

type State = FlowState;

/** Where the minimap's pixels are in map units: its top-left corner, and map units per pixel. */
interface Frame {
  x: number;
  y: number;
  scale: number;
}

// React Flow's MiniMap's size and colours, so a map that grows past LOD_MIN_FACTORS keeps its look.
const W = 200;
const H = 150;
const NODE_COLOUR = '#90a4ae';
const MASK_COLOUR = 'rgba(240,242,245,0.6)';
/** The mask is the view's box with a shadow this wide: enough to cover the minimap from anywhere. */
const MASK_SPREAD = Math.max(W, H) * 2;
const ZOOM_STEP = 0.002;
/** While a factor is dragged, the boxes are drawn again at most this often. */
const DRAG_REDRAW_MS = 250;

function frameFor(bounds: Rect | null, view: Rect): Frame {
  const mx = view.w / 4;
  const my = view.h / 4;
  const x0 = Math.min(bounds?.x ?? view.x, view.x - mx);
  const y0 = Math.min(bounds?.y ?? view.y, view.y - my);
  const x1 = Math.max(bounds ? bounds.x + bounds.w : -Infinity, view.x + view.w + mx);
  const y1 = Math.max(bounds ? bounds.y + bounds.h : -Infinity, view.y + view.h + my);
  const scale = Math.max((x1 - x0) / W, (y1 - y0) / H);
  return { x: (x0 + x1) / 2 - (W * scale) / 2, y: (y0 + y1) / 2 - (H * scale) / 2, scale };
}

const within = (f: Frame, v: Rect) => v.x >= f.x && v.y >= f.y && v.x + v.w <= f.x + W * f.scale && v.y + v.h <= f.y + H * f.scale;

function sized(canvas: HTMLCanvasElement): CanvasRenderingContext2D | null {
  const dpr = window.devicePixelRatio || 1;
  if (canvas.width !== W * dpr) {
    canvas.width = W * dpr;
    canvas.height = H * dpr;
  }
  const ctx = canvas.getContext('2d');
  ctx?.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}

/**
 * The minimap of a large map: the boxes on a small 2D canvas, drawn again only when factors
 * change or the view nears the frame's edge, and over them the mask on what is out of view, a
 * box moved by a compositor transform on each frame of a pan. React Flow's MiniMap renders on every frame of a pan and
 * the browser then rasters its SVG again, one rect per factor (issue #16: a 2,000-factor map,
 * an old laptop with no GPU). Drag on it to move the view, wheel on it to zoom, as on React
 * Flow's; the class and place are the same, so fitting the map keeps clear of it.
 */
function LargeMiniMapView({ label }: { label: string }) {
  const store = useStoreApi<FactorNodeType, LinkEdgeType>();
  const flow = useReactFlow();
  const boxesRef = useRef<HTMLCanvasElement>(null);
  const maskRef = useRef<HTMLDivElement>(null);
  const frameRef = useRef<Frame | null>(null);
  // Held while the pointer moves the view from here: the frame stays put under it.
  const holding = useRef(false);

  useEffect(() => {
    const boxes = boxesRef.current;
    const mask = maskRef.current;
    if (!boxes || !mask) return undefined;
    let raf = 0;
    let drawnNodes: unknown = null;
    let drawnAt = 0;

    const drawBoxes = (s: State) => {
      const ctx = sized(boxes);
      if (!ctx) return;
      const f = frameFor(shownBounds(s), viewOf(s));
      frameRef.current = f;
      drawnNodes = s.nodes;
      drawnAt = performance.now();
      ctx.clearRect(0, 0, W, H);
      ctx.fillStyle = NODE_COLOUR;
      for (const n of s.nodeLookup.values()) {
        if (n.hidden) continue;
        const b = nodeBox(n);
        // At least a pixel, or a small factor vanishes from a large map's minimap.
        ctx.fillRect((b.x - f.x) / f.scale, (b.y - f.y) / f.scale, Math.max(1, b.width / f.scale), Math.max(1, b.height / f.scale));
      }
    };

    // Moved by a transform on a layer of its own: a pan frame then paints nothing here, where
    // a redrawn mask made the browser paint and layerize the whole page again on every frame.
    let size = '';
    const placeMask = (s: State) => {
      const f = frameRef.current;
      if (!f) return;
      const v = viewOf(s);
      const w = `${(v.w / f.scale).toFixed(1)}px`;
      const h = `${(v.h / f.scale).toFixed(1)}px`;
      if (`${w} ${h}` !== size) {
        size = `${w} ${h}`;
        Object.assign(mask.style, { width: w, height: h });
      }
      mask.style.transform = `translate(${((v.x - f.x) / f.scale).toFixed(1)}px, ${((v.y - f.y) / f.scale).toFixed(1)}px)`;
    };

    const paint = () => {
      raf = 0;
      const s = store.getState();
      const f = frameRef.current;
      const moved = s.nodes !== drawnNodes;
      const dragging = moved && s.nodes.some((n) => n.dragging);
      const left = !f || (!holding.current && !within(f, viewOf(s)));
      if (left || (moved && (!dragging || performance.now() - drawnAt > DRAG_REDRAW_MS))) drawBoxes(s);
      placeMask(s);
    };
    paint();
    const unsubscribe = store.subscribe((s, prev) => {
      if (raf) return;
      if (s.transform !== prev.transform || s.nodes !== prev.nodes || s.width !== prev.width || s.height !== prev.height) {
        raf = requestAnimationFrame(paint);
      }
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(raf);
    };
  }, [store]);

  /** Centres the view on the map point under the pointer, at the same zoom. */
  const moveTo = (e: PointerEvent<HTMLDivElement>) => {
    const f = frameRef.current;
    if (!f) return;
    const r = e.currentTarget.getBoundingClientRect();
    void flow.setCenter(f.x + (e.clientX - r.left) * f.scale, f.y + (e.clientY - r.top) * f.scale, { zoom: store.getState().transform[2] });
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    holding.current = true;
    e.currentTarget.setPointerCapture(e.pointerId);
    moveTo(e);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (holding.current) moveTo(e);
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    holding.current = false;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onWheel = (e: WheelEvent<HTMLDivElement>) => {
    const zoom = store.getState().transform[2];
    void flow.zoomTo(zoom * 2 ** (-e.deltaY * ZOOM_STEP));
  };

  return (
    <Panel position="bottom-right" className="react-flow__minimap large-minimap" data-testid="rf__minimap">
      <div
        role="img"
        aria-label={label}
        style={{ position: 'relative', width: W, height: H, overflow: 'hidden', cursor: 'grab', touchAction: 'none' }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onWheel={onWheel}
      >
        <canvas ref={boxesRef} style={{ position: 'absolute', inset: 0, width: W, height: H }} aria-hidden="true" />
        <div
          ref={maskRef}
          aria-hidden="true"
          style={{ position: 'absolute', left: 0, top: 0, willChange: 'transform', boxShadow: `0 0 0 ${MASK_SPREAD}px ${MASK_COLOUR}` }}
        />
      </div>
    </Panel>
  );
}

export const LargeMiniMap = memo(LargeMiniMapView);
