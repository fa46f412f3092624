import { useEffect, useState } from 'react';
import { useSnapshot } from '../../../session';
import type { Loop } from '../../../model/analysis';

export interface FoundLoops {
  /** Shortest first, then by id. */
  readonly loops: readonly Loop[];
  /** Loops were left out: more than the model's bound, or longer than its longest. */
  readonly truncated: boolean;
}

/**
 * The map's feedback loops for the pickers, searched when a picker needs them; the analysis
 * code loads with the first search. Null while searching. The search is the model's own
 * (findLoops) with the model's default bounds, the ones the Loops panel's analysis runs with
 * (features/analysis LOOP_BOUNDS), so a picker lists the loops the panel counts: the pickers
 * once searched loops of at most 12 factors and counted 85 where the panel said 116.
 */
export function useLoops(): FoundLoops | null {
  const snap = useSnapshot();
  const [result, setResult] = useState<{ links: unknown; found: FoundLoops } | null>(null);
  useEffect(() => {
    let alive = true;
    void import('../../../model/analysis').then(({ findLoops }) => {
      if (!alive) return;
      const { loops, truncated } = findLoops(snap);
      setResult({ links: snap.links, found: { loops, truncated } });
    });
    return () => {
      alive = false;
    };
    // Loops depend on links only (and on factors through them).
  }, [snap.links]); // eslint-disable-line react-hooks/exhaustive-deps
  return result && result.links === snap.links ? result.found : null;
}
