/**
 * How a reader tells that it skipped a peer's malformed entry (or dropped a bad field): one
 * line naming the record by its id, never its content. The logger is passed in once, by
 * installModel (the app logs to the console, the relay and the tests stay quiet), and every
 * reader also takes one per call.
 */
export type Warn = (message: string) => void;

/** For reads whose warnings another reader already gave: lookups inside an operation, exports. */
export const silent: Warn = () => undefined;
