import type { DurabilityFactory } from '../relay/hooks';

/**
 * The map pipeline, told of every peer's change as it is handed over for storing: how the
 * relay knows a map changed today (SnapshotService.mapChanged) without a timer per map or a
 * scan of every map. The pipeline itself is unchanged.
 */
export function notifyChanges(inner: DurabilityFactory, changed: (mapId: string) => void): DurabilityFactory {
  return (mapId, session) => {
    const hooks = inner(mapId, session);
    return {
      onLoad: (doc, origin) => hooks.onLoad(doc, origin),
      onChange: (change, relay) => {
        hooks.onChange(change, relay);
        changed(mapId);
      },
      settled: () => hooks.settled(),
      onAwareness: (update) => hooks.onAwareness(update),
      onUnload: () => hooks.onUnload(),
    };
  };
}
