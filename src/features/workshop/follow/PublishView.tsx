import { useStore } from '@xyflow/react';
import { useEffect } from 'react';
import { useMapSession } from '../../../session';
import { useWorkshop } from '../store';

/**
 * Publishes what followers need beyond the viewport (src/presence publishes that as it moves),
 * through awareness: the pane size (so another screen shows the same area), whether this user
 * leads, and the saved view shown.
 */
export function PublishView() {
  const { awareness } = useMapSession();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const leading = useWorkshop((s) => s.leading);
  const showing = useWorkshop((s) => s.showing);
  const following = useWorkshop((s) => s.following);

  useEffect(() => {
    if (width > 0 && height > 0) awareness.setLocalStateField('screen', { width: Math.round(width), height: Math.round(height) });
  }, [awareness, width, height]);
  useEffect(() => awareness.setLocalStateField('leading', leading), [awareness, leading]);
  // A follower shows the leader's view, not one of its own: others following it see the same.
  useEffect(() => awareness.setLocalStateField('showing', following === null ? showing : null), [awareness, showing, following]);
  return null;
}
