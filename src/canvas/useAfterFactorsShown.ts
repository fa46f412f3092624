import { useStore, type ReactFlowState } from '@xyflow/react';
import { useEffect, useState } from 'react';

/**
 * Whether React Flow has measured a box yet. It measures every box it mounts in one
 * ResizeObserver pass, so the first measured box means all mounted ones are; "all nodes" would
 * never hold on a canvas that culls (boxes out of view are never mounted, never measured).
 */
const anyMeasured = (s: ReactFlowState) => {
  for (const n of s.nodeLookup.values()) if (n.measured.width) return true;
  return false;
};

/**
 * False until the map's first factors are measured and painted, then true for good. A large
 * map draws its factors first and its links a task later (issue #16: the factors show quickly,
 * before every link is measured): naming and drawing thousands of links would otherwise hold
 * the first frame back. A frame is asked for once the boxes have their sizes, and the links
 * come in a task after it: that frame has painted the boxes.
 */
export function useAfterFactorsShown(hasFactors: boolean): boolean {
  const [shown, setShown] = useState(false);
  const measured = useStore((s) => shown || anyMeasured(s));
  const ready = hasFactors && measured;
  useEffect(() => {
    if (shown || !ready) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setShown(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [ready, shown]);
  return shown;
}
