/**
 * Every close code the relay sends, in one place, so the client, the tests and the README
 * agree. y-websocket 3 stops reconnecting on 4400–4499 (a decision reconnecting cannot fix)
 * and retries on anything else, so "try later" conditions must stay outside that range.
 */
export const CLOSE = {
  /** Normal end: the relay is shutting down. Clients retry and reach the next instance. */
  GOING_AWAY: 1001,
  /** Sent by `ws` itself for a frame larger than MAX_PAYLOAD_BYTES. */
  MESSAGE_TOO_BIG: 1009,
  /** Storage failed or a bug: the client retries and resyncs from its own copy. */
  INTERNAL: 1011,
  /** Past the connection's message budget (MESSAGES_PER_SEC): a flood. Clients retry later. */
  OVER_BUDGET: 1008,
  /**
   * The client does not read what we send fast enough (MAX_PENDING_BYTES waiting for it), or
   * the store does not answer while the connection is opened ("storage unavailable").
   */
  TRY_AGAIN_LATER: 1013,
  /** Text frame, unknown message type, truncated or garbled message. */
  BAD_MESSAGE: 4400,
  /** Missing or wrong token. */
  UNAUTHORIZED: 4401,
  /** No map with this id on this relay. */
  UNKNOWN_MAP: 4404,
  /** A message within MAX_PAYLOAD_BYTES but over a narrower limit (awareness state). */
  TOO_LARGE: 4413,
} as const;

export type CloseCode = (typeof CLOSE)[keyof typeof CLOSE];
