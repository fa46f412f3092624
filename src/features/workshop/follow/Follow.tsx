import { useReactFlow, useStore } from '@xyflow/react';
import { useEffect } from 'react';
import { usePresence, useSliceGetter } from '../../../session';
import { PROJECTOR_MIN_ZOOM } from '../projector/constants';
import { useWorkshop, workshopSlice } from '../store';
import { followViewport, sameViewport } from './fit';

/** Moves of the map a person makes themselves: these end following. */
function isOwnMove(e: Event): boolean {
  const el = e.target instanceof Element ? e.target : null;
  if (!el?.closest('.react-flow')) return false;
  if (e.type === 'wheel') return true;
  return !!el.closest('.react-flow__minimap, .react-flow__controls');
}

/**
 * Follows another person's view once this user chose to (their avatar, or "Suivre" on a
 * leader's invitation): applies their viewport as it moves, fitted to this screen; stops when
 * this user wheels, drags the map, or uses the minimap or zoom buttons.
 */
export function Follow() {
  const getWorkshop = useSliceGetter(workshopSlice);
  const flow = useReactFlow();
  const following = useWorkshop((s) => s.following);
  const projector = useWorkshop((s) => s.projector);
  const peers = usePresence((s) => s.peers);
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const leader = following === null ? undefined : peers.find((p) => p.clientId === following);

  // Nobody is taken along unasked: a leader's invitation is a notice (FollowBanner). A leader
  // who stops is forgotten, so their next lead invites again even where it was closed.
  useEffect(() => {
    const ws = getWorkshop();
    for (const id of ws.dismissed) if (!peers.some((p) => p.clientId === id && p.leading)) ws.forgetDismissed(id);
  }, [peers, getWorkshop]);

  // The person left: nothing to follow.
  useEffect(() => {
    if (following !== null && !leader) getWorkshop().leaderGone();
  }, [following, leader, getWorkshop]);

  const vp = leader?.viewport;
  const screen = leader?.screen;
  useEffect(() => {
    if (!vp || width <= 0 || height <= 0) return;
    const target = followViewport(vp, screen ?? null, { width, height }, projector ? PROJECTOR_MIN_ZOOM : 0);
    if (!sameViewport(target, flow.getViewport())) void flow.setViewport(target);
  }, [vp, screen, width, height, projector, flow]);

  useEffect(() => {
    if (following === null) return undefined;
    let down: { x: number; y: number } | null = null;
    const stop = () => getWorkshop().stopFollowing();
    const onDown = (e: PointerEvent) => {
      if (isOwnMove(e)) stop();
      else if (e.target instanceof Element && e.target.closest('.react-flow__pane')) down = { x: e.clientX, y: e.clientY };
    };
    const onMove = (e: PointerEvent) => {
      if (down && e.buttons !== 0 && Math.hypot(e.clientX - down.x, e.clientY - down.y) > 4) {
        down = null;
        stop();
      }
    };
    const onUp = () => {
      down = null;
    };
    const onWheel = (e: WheelEvent) => {
      if (isOwnMove(e)) stop();
    };
    document.addEventListener('pointerdown', onDown, true);
    document.addEventListener('pointermove', onMove, true);
    document.addEventListener('pointerup', onUp, true);
    document.addEventListener('wheel', onWheel, { capture: true, passive: true });
    return () => {
      document.removeEventListener('pointerdown', onDown, true);
      document.removeEventListener('pointermove', onMove, true);
      document.removeEventListener('pointerup', onUp, true);
      document.removeEventListener('wheel', onWheel, true);
    };
  }, [following, getWorkshop]);
  return null;
}
