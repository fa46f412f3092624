/**
 * The relay's limits. They are constants rather than settings: a workshop server is started
 * by someone who should not have to tune anything.
 */

/** POST /api/maps body; a later import of a whole map (JSON or CSV) stays far below this. */
export const MAX_BODY_BYTES = 20 * 1024 * 1024;

/**
 * Largest WebSocket frame. The first sync of a big map (a whole document as one update, in
 * either direction) must fit; `ws` closes with 1009 above it.
 */
export const MAX_PAYLOAD_BYTES = 32 * 1024 * 1024;

/** Presence (name, colour, cursor, selection) is small; anything bigger is abuse. */
export const MAX_AWARENESS_BYTES = 256 * 1024;

/** A client whose unsent backlog exceeds this is too slow to follow; it reconnects and resyncs. */
export const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

/** A socket that has not answered one ping by the next is dropped (dead Wi-Fi, sleeping laptop). */
export const PING_INTERVAL_MS = 30_000;

/** The update log of a map is folded into one row past either threshold. */
export const COMPACT_AFTER_UPDATES = 500;
export const COMPACT_AFTER_BYTES = 4 * 1024 * 1024;

/**
 * WebSocket connections per client IP: a bucket of CONNECT_BURST refilled at
 * CONNECT_REFILL_PER_SEC. A whole workshop may sit behind one NAT address and reconnect at
 * once after a Wi-Fi drop, so the burst is generous; a loop of reconnects is what it stops.
 */
export const CONNECT_BURST = 300;
export const CONNECT_REFILL_PER_SEC = 50;
