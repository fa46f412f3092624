import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { frameFactors } from './flowFrame';

/**
 * Brings the given factors whole into view, clear of the minimap and zoom buttons, each time
 * `key` changes to a new non-null value (a loop chosen in a list): what is highlighted is
 * always on screen, never dimmed off the edge or under an overlay. The caller's `ids` are read
 * when `key` changes, so a new array each render moves nothing.
 */
export function useFrameFactors(key: string | null, ids: readonly string[] | null): void {
  const flow = useReactFlow();
  const store = useStoreApi();
  const latest = useRef(ids);
  latest.current = ids;
  useEffect(() => {
    if (key === null) return undefined;
    // A frame later: the panel that chose it may just have narrowed the pane.
    const frame = requestAnimationFrame(() => {
      if (latest.current && latest.current.length > 0) frameFactors(flow, store, latest.current, { durationMs: 400, marginPx: 32 });
    });
    return () => cancelAnimationFrame(frame);
  }, [key, flow, store]);
}
