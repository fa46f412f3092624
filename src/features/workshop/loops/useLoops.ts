import { useEffect, useState } from 'react';
import { useSnapshot } from '../../../session';
import type { Loop } from '../../../model/analysis';

const MAX_LOOPS = 2_000;
const MAX_LENGTH = 12;

/**
 * The map's feedback loops, shortest first, searched when a picker needs them; the analysis
 * code loads with the first search. Null while searching.
 */
export function useLoops(): Loop[] | null {
  const snap = useSnapshot();
  const [result, setResult] = useState<{ links: unknown; loops: Loop[] } | null>(null);
  useEffect(() => {
    let alive = true;
    void import('../../../model/analysis').then(({ findLoops }) => {
      if (!alive) return;
      const { loops } = findLoops(snap, { maxCount: MAX_LOOPS, maxLength: MAX_LENGTH });
      setResult({ links: snap.links, loops });
    });
    return () => {
      alive = false;
    };
    // Loops depend on links only (and on factors through them).
  }, [snap.links]); // eslint-disable-line react-hooks/exhaustive-deps
  return result && result.links === snap.links ? result.loops : null;
}
