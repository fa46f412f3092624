import { useMemo, useState } from 'react';
import { useMapSession, userId, useRoot, useSnapshot } from '../../../session';
import { dotsLeft, dotsOf, readRounds, results, silent, VOTES_ROOT, type Dot, type Round, type RoundResult } from '../../../model';
import { useWorkshop } from '../store';

export interface RoundState {
  round: Round;
  result: RoundResult | null;
  mine: readonly Dot[];
  left: number;
}

/** This browser's voter id: one per device, kept with the user's name. */
export function useVoterId(): string {
  const [id] = useState(userId);
  return id;
}

/**
 * The rounds, oldest first, and the one shown: the one picked in the panel, else the latest.
 * Counts depend on the factors too (a dot on a removed factor stops counting), hence snap.
 */
export function useVotes(): { rounds: readonly Round[]; current: RoundState | null } {
  const { doc } = useMapSession();
  const snap = useSnapshot();
  const rounds = useRoot(VOTES_ROOT, readRounds);
  const picked = useWorkshop((s) => s.round);
  const me = useVoterId();
  const current = useMemo(() => {
    const round = rounds.find((r) => r.id === picked) ?? rounds[rounds.length - 1];
    if (!round) return null;
    return {
      round,
      result: results(doc, round.id, silent),
      mine: dotsOf(doc, round.id, me),
      left: dotsLeft(doc, round.id, me),
    };
    // snap: counts change when a factor with dots is removed, without a votes transaction.
  }, [doc, rounds, picked, me, snap]); // eslint-disable-line react-hooks/exhaustive-deps
  return { rounds, current };
}

/** Count per target key `kind:id`. */
export function countsByTarget(result: RoundResult | null): Map<string, number> {
  return new Map((result?.counts ?? []).map((c) => [`${c.target.kind}:${c.target.id}`, c.count]));
}
