import type { Logger } from '../log';
import type { MapStore } from './map-store';
import { DatabaseStartError } from './pg-errors';
import { PgMapStore } from './pg-store';
import { SqliteMapStore } from './sqlite-store';

export { DatabaseStartError };

/**
 * The store the relay runs on: PostgreSQL when DATABASE_URL is set (a programme's server,
 * possibly several relays), else SQLite in DATA_DIR (a laptop, nothing to install).
 * Throws DatabaseStartError, with a one-line message, when the database cannot be used.
 */
export async function openStore(env: { DATABASE_URL?: string }, dataDir: string, log: Logger): Promise<MapStore> {
  const url = env.DATABASE_URL?.trim();
  if (url) return PgMapStore.open(url, log);
  return new SqliteMapStore(dataDir);
}
