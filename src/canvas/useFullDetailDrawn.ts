import { useStoreApi } from '@xyflow/react';
import { useEffect, type RefObject } from 'react';
import { useDetail } from '../session';

/** Past this the export goes ahead with what is drawn rather than wait for ever. */
const GIVE_UP_MS = 10_000;

/**
 * Tells whoever holds full detail (an export) when it is on screen: every shown factor and
 * link is in the DOM. React Flow mounts links a render after it has their factors, so this
 * looks at the DOM frame by frame rather than at a commit.
 */
export function useFullDetailDrawn(full: boolean, wrapper: RefObject<HTMLElement | null>): void {
  const store = useStoreApi();
  const setDrawn = useDetail((s) => s.setDrawn);
  useEffect(() => {
    if (!full) {
      setDrawn(false);
      return;
    }
    const started = performance.now();
    let frame = 0;
    const check = () => {
      const s = store.getState();
      const el = wrapper.current;
      const nodes = s.nodes.filter((n) => !n.hidden).length;
      const edges = s.edges.filter((e) => !e.hidden).length;
      const complete = !!el && el.querySelectorAll('.react-flow__node').length >= nodes
        && el.querySelectorAll('.react-flow__edge').length >= edges;
      if (complete || performance.now() - started > GIVE_UP_MS) setDrawn(true);
      else frame = requestAnimationFrame(check);
    };
    frame = requestAnimationFrame(check);
    return () => cancelAnimationFrame(frame);
  }, [full, store, wrapper, setDrawn]);
}
