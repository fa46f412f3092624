/**
 * How a room hears about changes made through other relay processes serving the same map.
 * A room stores and relays what its own clients send; it publishes the same update here, and
 * applies (without storing again) what other relays publish. One process needs nothing more
 * than InProcessFanout; several relays on a shared store need a shared implementation
 * (e.g. Postgres LISTEN/NOTIFY or Redis pub/sub) behind the same interface.
 */
export interface FanoutMessage {
  readonly kind: 'update' | 'awareness';
  readonly data: Uint8Array;
}

export interface FanoutChannel {
  /** Delivered to every other member of the map's channel, never back to the publisher. */
  publish(message: FanoutMessage): void;
  leave(): void;
}

export interface Fanout {
  join(mapId: string, receive: (message: FanoutMessage) => void): FanoutChannel;
}

/** Fan-out between relays living in one process (one relay per process: a no-op in effect). */
export class InProcessFanout implements Fanout {
  private readonly channels = new Map<string, Set<(m: FanoutMessage) => void>>();

  join(mapId: string, receive: (message: FanoutMessage) => void): FanoutChannel {
    let members = this.channels.get(mapId);
    if (!members) {
      members = new Set();
      this.channels.set(mapId, members);
    }
    const self = members;
    self.add(receive);
    return {
      publish: (message) => {
        for (const member of self) if (member !== receive) member(message);
      },
      leave: () => {
        self.delete(receive);
        if (self.size === 0 && this.channels.get(mapId) === self) this.channels.delete(mapId);
      },
    };
  }
}
