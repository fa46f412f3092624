import { readdirSync, readFileSync } from 'node:fs';
import type pg from 'pg';

/**
 * Versioned migrations: server/migrations/NNN-name.sql, applied in order at start, each in its
 * own transaction with its row in trame_schema. Several relays starting at once take turns
 * under one advisory lock, so each migration runs once. A database migrated by a newer relay
 * than this one is refused: this code would misread tables it does not know.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export class SchemaError extends Error {
  override readonly name = 'SchemaError';
}

const MIGRATIONS_DIR = new URL('../migrations/', import.meta.url);
const FILE_RE = /^(\d{3})-([a-z0-9-]+)\.sql$/;
/** Any constant: the key of the advisory lock held while migrating. */
const MIGRATION_LOCK = 7_254_061_717;

export function loadMigrations(dir: URL = MIGRATIONS_DIR): Migration[] {
  const out: Migration[] = [];
  for (const file of readdirSync(dir).sort()) {
    const m = FILE_RE.exec(file);
    if (!m) continue;
    const version = Number(m[1]);
    if (out.length > 0 && out[out.length - 1]!.version !== version - 1) {
      throw new SchemaError(`migration ${file} does not follow version ${out[out.length - 1]!.version}`);
    }
    out.push({ version, name: m[2]!, sql: readFileSync(new URL(file, dir), 'utf8') });
  }
  return out;
}

/** Brings the database to the newest known version; returns the versions applied. */
export async function migrate(pool: pg.Pool, migrations: readonly Migration[] = loadMigrations()): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS trame_schema (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM trame_schema');
    const current = rows[0]?.v ?? 0;
    const known = migrations[migrations.length - 1]?.version ?? 0;
    if (current > known) {
      throw new SchemaError(
        `the database schema is version ${current}, newer than this relay knows (${known}): run a newer Trame`);
    }
    const applied: number[] = [];
    for (const m of migrations) {
      if (m.version <= current) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO trame_schema (version, name) VALUES ($1, $2)', [m.version, m.name]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      }
      applied.push(m.version);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
