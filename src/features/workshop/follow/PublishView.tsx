import { useStore, useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';
import { useMapSession } from '../../../session';
import { useWorkshop } from '../store';

const VIEWPORT_INTERVAL_MS = 100;

/**
 * Publishes what followers need, through awareness: the viewport while it moves (the canvas
 * publishes only when a move ends; a follower would jump), the pane size (so another screen
 * shows the same area), whether this user leads, and the saved view shown.
 */
export function PublishView() {
  const { awareness } = useMapSession();
  const store = useStoreApi();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const leading = useWorkshop((s) => s.leading);
  const showing = useWorkshop((s) => s.showing);
  const following = useWorkshop((s) => s.following);

  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const send = () => {
      timer = null;
      last = Date.now();
      const [x, y, zoom] = store.getState().transform;
      awareness.setLocalStateField('viewport', { x: Math.round(x), y: Math.round(y), zoom });
    };
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.transform === prev.transform || timer) return;
      const wait = VIEWPORT_INTERVAL_MS - (Date.now() - last);
      if (wait <= 0) send();
      else timer = setTimeout(send, wait);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [awareness, store]);

  useEffect(() => {
    if (width > 0 && height > 0) awareness.setLocalStateField('screen', { width: Math.round(width), height: Math.round(height) });
  }, [awareness, width, height]);
  useEffect(() => awareness.setLocalStateField('leading', leading), [awareness, leading]);
  // A follower shows the leader's view, not one of its own: others following it see the same.
  useEffect(() => awareness.setLocalStateField('showing', following === null ? showing : null), [awareness, showing, following]);
  return null;
}
