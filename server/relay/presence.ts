import { MAX_PRESENCE_IDS_PER_PEER } from '../limits';
import type { AwarenessEntry } from './protocol';

/**
 * Presence belongs to its sender. Awareness lets anyone write an entry for any client id,
 * which let a view link speak as the facilitator (and the facilitator's own client adopt the
 * forged state). The relay therefore keeps who introduced each id: a connection may set and
 * remove only ids it introduced, an id held by another connection (or another relay's peer)
 * is refused, and a viewer's entries keep only the fields that show a person, never those
 * that steer others (docs/schema.md, "Presence").
 */

/** Presence fields a view link may publish: who they are and where they look. */
export const VIEWER_PRESENCE_FIELDS: ReadonlySet<string> = new Set(['user', 'cursor', 'selection', 'viewport', 'screen']);

/** Holder of an id introduced through another relay (fan-out). */
export const REMOTE = Symbol('remote');

export class PresenceOwners<P> {
  private readonly owners = new Map<number, P | typeof REMOTE>();
  private readonly byPeer = new Map<P | typeof REMOTE, Set<number>>();

  /** `reserved`: ids no one may take (the relay's own awareness id). */
  constructor(private readonly reserved: ReadonlySet<number>) {}

  /**
   * The entries `peer` may apply, viewers' states reduced to VIEWER_PRESENCE_FIELDS. An entry
   * for an id no one holds introduces it (up to MAX_PRESENCE_IDS_PER_PEER per connection).
   */
  filter(peer: P, viewer: boolean, entries: readonly AwarenessEntry[]): AwarenessEntry[] {
    const mine = this.byPeer.get(peer)?.size ?? 0;
    let introduced = 0;
    const kept: AwarenessEntry[] = [];
    for (const e of entries) {
      const owner = this.owners.get(e.clientId);
      if (owner === undefined) {
        // Removing an id one does not hold, or taking a reserved one, is refused.
        if (e.state === null || this.reserved.has(e.clientId)) continue;
        if (mine + introduced >= MAX_PRESENCE_IDS_PER_PEER) continue;
        introduced++;
      } else if (owner !== peer) {
        continue;
      }
      if (!viewer || e.state === null) {
        kept.push(e);
        continue;
      }
      const state = viewerState(e.state);
      if (state) kept.push({ ...e, state });
    }
    return kept;
  }

  /** Records ids that appeared in the awareness, applied for `holder`. */
  added(holder: P | typeof REMOTE, ids: readonly number[]): void {
    for (const id of ids) {
      if (this.owners.has(id)) continue;
      this.owners.set(id, holder);
      let set = this.byPeer.get(holder);
      if (!set) this.byPeer.set(holder, (set = new Set()));
      set.add(id);
    }
  }

  /** Ids that left the awareness (removed by their holder, on leave, or timed out). */
  removed(ids: readonly number[]): void {
    for (const id of ids) {
      const holder = this.owners.get(id);
      if (holder === undefined) continue;
      this.owners.delete(id);
      const set = this.byPeer.get(holder);
      set?.delete(id);
      if (set?.size === 0) this.byPeer.delete(holder);
    }
  }

  /** The ids `peer` holds (removed from the awareness when it leaves). */
  heldBy(peer: P): number[] {
    return [...(this.byPeer.get(peer) ?? [])];
  }
}

/** A viewer's state with only the fields it may set; null when it is not an object at all. */
function viewerState(state: unknown): Record<string, unknown> | null {
  if (typeof state !== 'object' || state === null || Array.isArray(state)) return null;
  const out: Record<string, unknown> = {};
  for (const key of VIEWER_PRESENCE_FIELDS) {
    if (Object.prototype.hasOwnProperty.call(state, key)) out[key] = (state as Record<string, unknown>)[key];
  }
  return out;
}
