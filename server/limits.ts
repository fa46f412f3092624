/**
 * The relay's limits. They are constants rather than settings: a workshop server is started
 * by someone who should not have to tune anything.
 */

/** POST /api/maps body; a later import of a whole map (JSON or CSV) stays far below this. */
export const MAX_BODY_BYTES = 20 * 1024 * 1024;

/** After a 413, what the relay still reads (and discards) so the client gets the answer, and for how long. */
export const LINGER_MAX_BYTES = 1024 * 1024;
export const LINGER_MS = 2_000;

/**
 * Largest WebSocket frame. The first sync of a big map (a whole document as one update, in
 * either direction) must fit; `ws` closes with 1009 above it.
 */
export const MAX_PAYLOAD_BYTES = 32 * 1024 * 1024;

/** Presence (name, colour, cursor, selection) is small; anything bigger is abuse. */
export const MAX_AWARENESS_BYTES = 256 * 1024;

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

/** Awareness client ids one connection may introduce (a stock client uses one). */
export const MAX_PRESENCE_IDS_PER_PEER = 4;

/**
 * Messages per connection: a bucket of MESSAGE_BURST refilled at MESSAGES_PER_SEC. A stock
 * client at its busiest (dragging a factor while its cursor and view move) sends a few dozen
 * a second; a connection past this is a flood and is closed with CLOSE.OVER_BUDGET.
 */
export const MESSAGE_BURST = 1000;
export const MESSAGES_PER_SEC = 200;

/**
 * What may wait to be sent to one connection (its socket's backlog plus an answer about to be
 * queued). Past it the connection is closed with 1013 and nothing more is built for it: a
 * client that does not read cannot make the relay hold its answers. Above MAX_PAYLOAD_BYTES,
 * so the largest single message always fits an empty backlog.
 */
export const MAX_PENDING_BYTES = 48 * 1024 * 1024;

/**
 * A map whose encoded state is past this answers sync requests from a worker thread or from
 * its shared encoded state, never by encoding on the relay's thread (~1 ms per 100 KiB).
 */
export const OFF_THREAD_STATE_BYTES = 256 * 1024;

/** A map's encoded state is kept as at most this many parts before they are merged into one. */
export const MAX_STATE_PARTS = 64;

/** Sync answers waiting for the worker, over all maps; past it a peer gets the whole state. */
export const MAX_WAITING_DIFFS = 8;

/**
 * Open WebSocket connections one address may hold at once: a workshop behind one NAT, each
 * participant with a tab or two, stays far below; 1,000 idle sockets from one host does not.
 */
export const MAX_CONNECTIONS_PER_ADDRESS = 256;

/**
 * POST /api/maps per client address: a bucket of CREATE_BURST refilled at
 * CREATE_REFILL_PER_SEC (one a second). A workshop behind one NAT address creates a handful of
 * maps, a facilitator importing a folder of files a few dozen; 429 past it, with Retry-After.
 */
export const CREATE_BURST = 60;
export const CREATE_REFILL_PER_SEC = 1;

/** A posted body up to this may be read on the relay's thread (a title to create a map, a small mini-map to merge); above it, in a worker. A map file to create is always read in the worker: it may need laying out. */
export const INLINE_BODY_BYTES = 16 * 1024;

/** Posted maps waiting for the parsing thread; past it 503 rather than pile up work. */
export const MAX_WAITING_MAP_BODIES = 4;

/** A client must send its request headers within this, and its whole request within the next. */
export const HEADERS_TIMEOUT_MS = 15_000;
/** Long enough for a 20 MB map file over a slow link abroad (~1.5 Mbit/s). */
export const REQUEST_TIMEOUT_MS = 120_000;
