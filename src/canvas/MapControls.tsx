import { ControlButton, Controls, MiniMap, useReactFlow, useStore, useStoreApi } from '@xyflow/react';
import { Suspense, lazy, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countShown, drawnBoxes, frameFactors, paneObstacles } from '../ui/flowFrame';

/** Only maps past LOD_MIN_FACTORS draw it: its code loads then, not with every map link. */
const LargeMiniMap = lazy(() => import('./LargeMiniMap').then((m) => ({ default: m.LargeMiniMap })));

const MINIMAP_KEY = 'trame.minimap';
const FIT_MS = 300;

function minimapWanted(): boolean {
  try {
    return localStorage.getItem(MINIMAP_KEY) !== 'hidden';
  } catch {
    return true;
  }
}

/**
 * The zoom buttons and the minimap. "Fit" frames the map whole and clear of both (React Flow's
 * own fit puts factors under the minimap); the minimap can be hidden (remembered on this
 * device); and when the pane changes size (a panel opens or closes beside it) a map that was
 * shown whole is framed again, so nothing slips out of sight. A large map's minimap is drawn
 * on canvases (LargeMiniMap): React Flow's renders its SVG again on every frame of a pan.
 */
export function MapControls({ large = false }: { large?: boolean }) {
  const { t } = useTranslation();
  const flow = useReactFlow();
  const store = useStoreApi();
  const [minimap, setMinimap] = useState(minimapWanted);
  const fitAll = useCallback(() => void frameFactors(flow, store, undefined, { durationMs: FIT_MS }), [flow, store]);
  const toggle = () => {
    const next = !minimap;
    setMinimap(next);
    try {
      localStorage.setItem(MINIMAP_KEY, next ? 'shown' : 'hidden');
    } catch {
      // Private mode: the choice lasts for this page.
    }
  };

  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const last = useRef<{ width: number; height: number } | null>(null);
  useEffect(() => {
    const before = last.current;
    last.current = { width, height };
    if (!before || width <= 0 || height <= 0 || (before.width === width && before.height === height)) return;
    const { boxes } = drawnBoxes(store);
    if (boxes.length === 0) return;
    const [x, y, zoom] = store.getState().transform;
    const vp = { x, y, zoom };
    const wasWhole = countShown(boxes, vp, before) === boxes.length;
    // At once, not animated: a click aimed just after opening the panel lands where it was aimed.
    if (wasWhole && countShown(boxes, vp, { width, height }, paneObstacles(store)) < boxes.length) frameFactors(flow, store);
  }, [width, height, store, flow]);

  return (
    <>
      {/* React Flow's own fit button would run its fitView too, a frame later, and undo ours. */}
      <Controls showInteractive={false} showFitView={false}>
        <ControlButton onClick={fitAll} className="react-flow__controls-fitview" title={t('canvas.a11y.fitView')} aria-label={t('canvas.a11y.fitView')}>
          <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 30" aria-hidden="true"><path d="M3.692 4.63c0-.53.4-.938.939-.938h5.215V0H4.708C2.13 0 0 2.054 0 4.63v5.216h3.692V4.631zM27.354 0h-5.2v3.692h5.17c.53 0 .984.4.984.939v5.215H32V4.631A4.624 4.624 0 0027.354 0zm.954 24.83c0 .532-.4.94-.939.94h-5.215v3.768h5.215c2.577 0 4.631-2.13 4.631-4.707v-5.139h-3.692v5.139zm-23.677.94c-.531 0-.939-.4-.939-.94v-5.138H0v5.139c0 2.577 2.13 4.707 4.708 4.707h5.138V25.77H4.631z" /></svg>
        </ControlButton>
        <ControlButton onClick={toggle} aria-pressed={minimap} data-testid="toggle-minimap"
          title={t(minimap ? 'canvas.hideMinimap' : 'canvas.showMinimap')} aria-label={t(minimap ? 'canvas.hideMinimap' : 'canvas.showMinimap')}>
          <svg viewBox="0 0 16 16" aria-hidden="true"><rect x="1.5" y="3" width="13" height="10" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.6" /><rect x="8" y="8" width="5" height="3.5" fill="currentColor" /></svg>
        </ControlButton>
      </Controls>
      {minimap && (large
        ? <Suspense fallback={null}><LargeMiniMap label={t('canvas.minimap')} /></Suspense>
        : <MiniMap pannable zoomable ariaLabel={t('canvas.minimap')} nodeColor="#90a4ae" maskColor="rgba(240,242,245,0.6)" />)}
    </>
  );
}
