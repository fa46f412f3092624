import { useMemo } from 'react';
import { useOverlayLayer, usePresence, useRoot, useSnapshot } from '../../../session';
import { readViews, shownFactors, VIEWS_ROOT } from '../../../model';
import { loopParts } from '../loops/loopParts';
import { useWorkshop } from '../store';

const LAYER = 'workshop-view';

/** Which saved view is on screen: one's own, or the one the person followed is showing. */
export function useShownViewId(): string | null {
  const own = useWorkshop((s) => s.showing);
  const following = useWorkshop((s) => s.following);
  const leaderShowing = usePresence((s) => (following === null ? null : s.peers.find((p) => p.clientId === following)?.showing ?? null));
  return following === null ? own : leaderShowing;
}

/** Hides what the shown view leaves out and highlights its loop, live as the map changes. */
export function ViewOverlay() {
  const id = useShownViewId();
  const views = useRoot(VIEWS_ROOT, readViews);
  const snap = useSnapshot();
  const view = id ? views.find((v) => v.id === id) : undefined;

  const layer = useMemo(() => {
    if (!view) return null;
    const all = snap.factors.map((f) => f.id);
    const shown = new Set(shownFactors(view, all));
    const hidden = new Set(all.filter((f) => !shown.has(f)));
    const loop = view.loop ? loopParts(view.loop, snap) : null;
    return {
      hidden,
      ...(loop ? { emphasis: { factors: new Set(loop.factors), links: new Set(loop.links) } } : {}),
    };
  }, [view, snap]);

  useOverlayLayer(LAYER, layer);
  return null;
}
