import type { Logger } from '../log';
import type { Rooms } from '../relay/rooms';
import type { UpstreamTarget } from './config';
import { forwardMap, type Forwarder } from './forwarder';

export { readUpstreamConfig, UpstreamConfigError, type UpstreamTarget } from './config';

export interface Forwarding {
  stop(): Promise<void>;
}

/**
 * Starts carrying each configured map to its upstream relay. A map this relay does not have
 * is reported and skipped: forwarding it would create nothing locally to carry.
 */
export async function startForwarding(rooms: Rooms, targets: readonly UpstreamTarget[], log: Logger): Promise<Forwarding> {
  const forwarders: Forwarder[] = [];
  for (const t of targets) {
    if (!(await rooms.store.getMap(t.localId))) {
      log.warn('upstream', `map ${t.localId} (UPSTREAM_MAPS) is not on this relay; not forwarded`);
      continue;
    }
    forwarders.push(forwardMap(rooms, t, log));
  }
  return {
    async stop() {
      await Promise.all(forwarders.map((f) => f.stop()));
    },
  };
}
