import { ViewportPortal } from '@xyflow/react';
import { memo } from 'react';
import { useOverlay } from '../session';

/** Markers placed in map coordinates by overlays, such as R1 / B2 on named loops. */
function CanvasMarkersView() {
  const markers = useOverlay((s) => s.markers);
  if (markers.length === 0) return null;
  return (
    <ViewportPortal>
      {markers.map((m) => (
        <div
          key={m.id}
          className={`canvas-marker ${m.tone ?? ''}`}
          style={{ transform: `translate(-50%, -50%) translate(${m.x}px, ${m.y}px)` }}
          title={m.title}
          data-testid="canvas-marker"
        >
          {m.text}
        </div>
      ))}
    </ViewportPortal>
  );
}

export const CanvasMarkers = memo(CanvasMarkersView);
