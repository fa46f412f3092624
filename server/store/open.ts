import type { Logger } from '../log';
import type { Fanout } from '../relay/fanout';
import type { MapStore } from './map-store';
import { DatabaseStartError } from './pg-errors';
import { SqliteMapStore } from './sqlite-store';

export { DatabaseStartError };

export interface Storage {
  readonly store: MapStore;
  /** How changes reach other relays on the same store; none for SQLite (one relay). */
  readonly fanout?: Fanout;
  /** Stops the fan-out; the app closes the store itself. */
  stop(): Promise<void>;
}

/**
 * The store the relay runs on: PostgreSQL when DATABASE_URL is set (a programme's server,
 * one or several relays, joined by the PostgreSQL fan-out), else SQLite in DATA_DIR (a laptop,
 * nothing to install). Throws DatabaseStartError, with a one-line message, when the database
 * cannot be used.
 */
export async function openStorage(env: { DATABASE_URL?: string }, dataDir: string, log: Logger): Promise<Storage> {
  const url = env.DATABASE_URL?.trim();
  if (!url) return { store: new SqliteMapStore(dataDir), stop: async () => undefined };
  // Loaded only here: a laptop's relay never compiles or loads the PostgreSQL client.
  const [{ PgMapStore }, { PgFanout }] = await Promise.all([import('./pg-store'), import('../cluster/pg-fanout')]);
  const store = await PgMapStore.open(url, log);
  const fanout = new PgFanout(store, log);
  try {
    await fanout.start();
  } catch (e) {
    await store.close();
    throw e;
  }
  return { store, fanout, stop: () => fanout.close() };
}
