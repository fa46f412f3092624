import type { MergeDecisions } from './decisions';
import type { LinkOutcome } from './preview';

/** Which side a bulk decision of polarity conflicts takes. */
export type ConflictChoice = 'map' | 'mini' | 'undecided';

/**
 * Decides every conflict still open the same way: keep the map's polarity, take the
 * mini-map's, or mark the link "?" (not decided) for the room to discuss. For a meta-map with
 * many conflicts, and for the HTTP route, which keeps the map's and reports them.
 */
export function decideConflicts(
  decisions: MergeDecisions, conflicts: readonly LinkOutcome[], choice: ConflictChoice,
): MergeDecisions {
  const polarities = new Map(decisions.polarities);
  for (const c of conflicts) {
    if (c.metaId === undefined || polarities.has(c.metaId)) continue;
    polarities.set(c.metaId, choice === 'map' ? c.metaPolarity! : choice === 'mini' ? c.link.polarity : '?');
  }
  return { ...decisions, polarities };
}
