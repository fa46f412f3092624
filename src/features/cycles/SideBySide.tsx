import { ReactFlowProvider, useNodesInitialized, useStoreApi, type Node } from '@xyflow/react';
import {
  createContext, useCallback, useContext, useEffect, useId, useMemo, useRef, useState,
  type ComponentType, type KeyboardEvent, type RefObject,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import {
  CanvasContributionsContext, MapContext, overlaySlice, sessionSlice, SharedViewportContext, sliceOf, useCanvasContributions,
  useMapSession, useSnapshot, type AnySlice, type MapSession,
} from '../../session';
import { fitBoxes, type Viewport } from '../../ui/fit';
import { drawnBoxes, paneObstacles, paneSize, type FlowStore } from '../../ui/flowFrame';
import { CompareBar } from './CompareBar';
import { legendGroups, statusCss, statusLayer } from './status';
import { cyclesSlice, useCycles, type CyclesState, type ViewedHalf } from './store';
import { closeViewedSession, viewedSession } from './viewed-session';
import './cycles.css';
import './i18n';

type Side = 'before' | 'after';
const SIDES: readonly Side[] = ['before', 'after'];

/** What each half's canvas tells the view around it: its React Flow store, once its boxes are measured. */
interface Probe {
  readonly attach: (store: FlowStore, ready: boolean) => () => void;
}
const ProbeContext = createContext<Probe | null>(null);

/** Drawn inside a half's React Flow (a canvas layer): hands its store out, and says when its boxes are measured. */
function HalfProbe() {
  const store = useStoreApi();
  const measured = useNodesInitialized();
  const empty = useSnapshot().factors.length === 0;
  const probe = useContext(ProbeContext);
  useEffect(() => probe?.attach(store, measured || empty), [probe, store, measured, empty]);
  return null;
}
const PROBE_LAYER = { id: 'cycles-side-probe', component: HalfProbe };

const PAN_PX = 60;
const ZOOM_STEP = 1.25;
const MIN_ZOOM = 0.1;
const MAX_ZOOM = 4;
const FRAME = { maxZoom: 1, marginPx: 24 };
/** Where the side panel is a sheet over the map (ui/touch.css). */
const PHONE = '(max-width: 600px)';

/**
 * A comparison side by side: the earlier state on the left, the later on the right (one above
 * the other on a phone), each read-only with its own marks (what it lost, what it gained, what
 * changed in it), and ONE viewport: both canvases are controlled by the same state, so a pan
 * or a zoom in either moves both and they cannot drift apart. The factors both states have
 * are at the same place in both (open.ts, pairOf). Escape, or the button, goes back to the
 * comparison drawn as one map. The app hands in its canvas (features never import it).
 */
export default function SideBySide({ canvas: Canvas, slices }: { canvas: ComponentType; slices: readonly AnySlice[] }) {
  const { t } = useTranslation();
  const live = useCycles((s) => s.live);
  const cycles = useStore(live?.store ?? EMPTY_STORE, (all) => all.cycles as CyclesState | undefined);
  const viewing = cycles?.viewing ?? null;
  const pair = viewing?.pair;
  const outer = useCanvasContributions();
  const hintId = useId();

  const halves = useMemo(
    () => (pair && live ? { before: viewedSession(pair.before.doc, live, slices), after: viewedSession(pair.after.doc, live, slices) } : null),
    [pair, live, slices],
  );
  useEffect(() => () => {
    if (!halves) return;
    closeViewedSession(halves.before);
    closeViewedSession(halves.after);
  }, [halves]);
  // Each half's words for its marks ("Retiré", "Ajouté"), in its own store's overlay.
  useEffect(() => {
    if (!halves || !pair) return;
    for (const side of SIDES) {
      sliceOf(halves[side].store, overlaySlice).setLayer('cycles-compare', statusLayer(t, pair[side].factorStatus, pair[side].linkStatus, viewing?.diff));
    }
  }, [halves, pair, viewing?.diff, t]);
  const css = useMemo(
    () => (pair ? SIDES.map((side) => statusCss(`.cycles-half.${side}`, pair[side].factorStatus, pair[side].linkStatus)).join('\n') : ''),
    [pair],
  );

  // The one viewport of both halves.
  const [viewport, setViewport] = useState<Viewport>({ x: 0, y: 0, zoom: 1 });
  const shared = useMemo(() => ({ viewport, onViewportChange: setViewport }), [viewport]);

  // Framed once both halves are measured, over the factors of both: a factor only one state
  // has is on screen too. Framed again when the halves change size (a panel, a phone turned).
  const flows = useRef<Partial<Record<Side, { store: FlowStore; ready: boolean }>>>({});
  const framed = useRef(false);
  const frame = useCallback((): boolean => {
    const { before, after } = flows.current;
    if (!before?.ready || !after?.ready) return false;
    const boxes = [...drawnBoxes(before.store).boxes, ...drawnBoxes(after.store).boxes];
    const pane = paneSize(before.store);
    if (boxes.length === 0 || pane.width <= 0 || pane.height <= 0) return false;
    setViewport(fitBoxes(boxes, pane, { ...FRAME, obstacles: paneObstacles(before.store) }));
    return true;
  }, []);
  const probes = useMemo(() => Object.fromEntries(SIDES.map((side) => [side, {
    attach: (store: FlowStore, ready: boolean) => {
      flows.current[side] = { store, ready };
      if (!framed.current) framed.current = frame();
      return () => {
        if (flows.current[side]?.store === store) delete flows.current[side];
      };
    },
  } satisfies Probe])) as Record<Side, Probe>, [frame]);
  const halvesEl = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = halvesEl.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    let last = '';
    let raf = 0;
    const seen = new ResizeObserver(([entry]) => {
      const size = entry ? `${Math.round(entry.contentRect.width)}x${Math.round(entry.contentRect.height)}` : '';
      if (size === last) return;
      const initial = last === '';
      last = size;
      // After the canvases' own reaction to the new size, which frames their half only.
      if (!initial) {
        cancelAnimationFrame(raf);
        raf = requestAnimationFrame(() => void frame());
      }
    });
    seen.observe(el);
    return () => {
      seen.disconnect();
      cancelAnimationFrame(raf);
    };
  }, [frame]);

  const contributions = useMemo(() => ({ ...outer, layers: [...outer.layers, PROBE_LAYER] }), [outer]);
  const close = useCallback(() => {
    if (live) sliceOf(live.store, cyclesSlice).setLayout('overlay');
  }, [live]);

  // Escape goes back to the one map, unless a dialog or a field has it.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest('[role="dialog"], input, textarea, select')) return;
      e.preventDefault();
      close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [close]);
  // Keyboard users land on the left half, where the arrows move both; leaving, they land back
  // on the button that opened it. On a phone the open panel (a sheet over the lower part of the
  // screen, ui/touch.css) would cover the right half: the halves get the room.
  const first = useRef<HTMLDivElement>(null);
  const shown = useMapSession();
  useEffect(() => {
    if (typeof matchMedia !== 'undefined' && matchMedia(PHONE).matches) sliceOf(shown.store, sessionSlice).setPanel(null);
  }, [shown]);
  useEffect(() => {
    first.current?.focus();
    return () => {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="cycles-layout-side"]')?.focus());
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.target instanceof Element && e.target.closest('button, input, textarea, select')) return;
    const pane = flows.current.before ? paneSize(flows.current.before.store) : { width: 0, height: 0 };
    const zoomBy = (f: number) => setViewport((v) => {
      const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, v.zoom * f));
      const cx = pane.width / 2;
      const cy = pane.height / 2;
      return { zoom, x: cx - ((cx - v.x) * zoom) / v.zoom, y: cy - ((cy - v.y) * zoom) / v.zoom };
    });
    const pan = (dx: number, dy: number) => setViewport((v) => ({ ...v, x: v.x + dx, y: v.y + dy }));
    const keys: Record<string, () => void> = {
      ArrowLeft: () => pan(PAN_PX, 0), ArrowRight: () => pan(-PAN_PX, 0),
      ArrowUp: () => pan(0, PAN_PX), ArrowDown: () => pan(0, -PAN_PX),
      '+': () => zoomBy(ZOOM_STEP), '=': () => zoomBy(ZOOM_STEP), '-': () => zoomBy(1 / ZOOM_STEP), '0': () => void frame(),
    };
    const run = keys[e.key];
    if (!run || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    run();
  };

  const exportImage = async () => {
    const parts = SIDES.map((side) => ({
      side, store: flows.current[side]?.store,
      viewport: halvesEl.current?.querySelector<HTMLElement>(`.cycles-half.${side} .react-flow__viewport`) ?? null,
    }));
    if (!pair || parts.some((p) => !p.store || !p.viewport)) throw new Error('no canvas');
    const [{ sideBySideImage }, { saveBlob, fileName }] = await Promise.all([import('./compareImage'), import('../export/download')]);
    // Both halves over the same part of the map: the bounds of every box of either.
    const nodes: Node[] = parts.flatMap((p) => p.store?.getState().nodes ?? []);
    const blob = await sideBySideImage(
      parts.map((p) => ({ viewport: p.viewport as HTMLElement, title: t('cycles.halfTitle', { side: t(`cycles.${p.side}`), name: pair[p.side].name }) })),
      nodes, legendGroups(t),
    );
    saveBlob(blob, fileName(viewing?.name ?? '', t('cycles.sideSuffix'), 'png'));
  };

  if (!viewing || !live || !pair || !halves) return null;
  return (
    <div className="cycles-side" role="region" aria-label={t('cycles.sideRegion', { from: pair.before.name, to: pair.after.name })}
      data-testid="cycles-side">
      <style data-testid="cycles-side-colours">{css}</style>
      <div className="cycles-side-bar" data-testid="cycles-banner">
        <CompareBar viewing={viewing} live={live} layout="side" onImage={exportImage} />
        <button type="button" onClick={close} data-testid="cycles-side-close">{t('cycles.closeSide')}</button>
      </div>
      <p id={hintId} className="cycles-side-keys">{t('cycles.sideKeys')}</p>
      <div className="cycles-side-halves" ref={halvesEl}>
        {SIDES.map((side) => (
          <Half key={side} side={side} half={pair[side]} session={halves[side]} probe={probes[side]}
            contributions={contributions} shared={shared} canvas={Canvas} hintId={hintId}
            onKeyDown={onKeyDown} focusRef={side === 'before' ? first : undefined} />
        ))}
      </div>
    </div>
  );
}

function Half({ side, half, session, probe, contributions, shared, canvas: Canvas, hintId, onKeyDown, focusRef }: {
  side: Side;
  half: ViewedHalf;
  session: MapSession;
  probe: Probe;
  contributions: ReturnType<typeof useCanvasContributions>;
  shared: { viewport: Viewport; onViewportChange: (v: Viewport) => void };
  canvas: ComponentType;
  hintId: string;
  onKeyDown: (e: KeyboardEvent<HTMLElement>) => void;
  focusRef: RefObject<HTMLDivElement | null> | undefined;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section className={`cycles-half ${side}`} aria-labelledby={titleId} data-testid={`cycles-half-${side}`}>
      <h2 id={titleId} className="cycles-half-title" title={half.name}>
        <span className="cycles-half-side">{t(`cycles.${side}`)}</span> {half.name}
      </h2>
      {/* The arrows, + and − move both halves: the one viewport is theirs. */}
      <div className="cycles-half-view" tabIndex={0} ref={focusRef} onKeyDown={onKeyDown}
        role="group" aria-label={t('cycles.halfLabel', { side: t(`cycles.${side}`), name: half.name })} aria-describedby={hintId}>
        <MapContext.Provider value={session}>
          <ReactFlowProvider>
            <CanvasContributionsContext.Provider value={contributions}>
              <ProbeContext.Provider value={probe}>
                <SharedViewportContext.Provider value={shared}>
                  <Canvas />
                </SharedViewportContext.Provider>
              </ProbeContext.Provider>
            </CanvasContributionsContext.Provider>
          </ReactFlowProvider>
        </MapContext.Provider>
      </div>
    </section>
  );
}

const EMPTY_STORE = createStore<Record<string, object>>(() => ({}));
