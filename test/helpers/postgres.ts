import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, chmodSync, chownSync, constants, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';

/**
 * A real PostgreSQL server from Debian's `postgresql` package, started for a test file in a
 * temporary folder on a free loopback port, and removed afterwards:
 *
 *   const server = await startPostgres();
 *   const url = await server.createDatabase();   // a fresh, empty database per test
 *   ... DATABASE_URL=url ...
 *   await server.stop();
 *
 * PostgreSQL refuses to run as root, so under root (CI, this machine) every server command
 * runs as the `postgres` user through runuser; the data folder is handed to that user.
 * Password authentication is on for TCP, so a test can present wrong credentials.
 */
export interface PostgresServer {
  readonly port: number;
  readonly dataDir: string;
  readonly password: string;
  /** postgres://postgres:<password>@127.0.0.1:<port>/<database> */
  url(database?: string): string;
  /** Creates an empty database and returns its URL (about a second: see createSchema). */
  createDatabase(prefix?: string): Promise<string>;
  /**
   * Creates an empty schema in the `postgres` database and returns a URL whose connections
   * use it (search_path), in a few milliseconds: what most tests need to start clean.
   */
  createSchema(prefix?: string): Promise<string>;
  /** One statement as the superuser, on a short-lived connection. */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, values?: unknown[], database?: string): Promise<R[]>;
  /** Stops the server, keeping its files: 'fast' is a clean shutdown, 'immediate' a crash. */
  halt(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Starts it again on the same port after halt(). */
  resume(): Promise<void>;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
  /** The server's own log (startup failures, crashes). */
  log(): string;
}

const START_TIMEOUT_S = 60;

/** The newest installed server, e.g. /usr/lib/postgresql/15/bin. */
export function postgresBinDir(): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base)
    ? readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  if (!newest) {
    throw new Error('PostgreSQL is not installed: `apt-get install -y postgresql` (.ci/run does it on a fresh machine)');
  }
  return join(base, newest, 'bin');
}

const asRoot = process.getuid?.() === 0;

/** Runs a server binary, as the postgres user when we are root; throws with its output. */
function runPg(bin: string, args: string[], cwd: string): string {
  const cmd = asRoot ? 'runuser' : bin;
  const argv = asRoot ? ['-u', 'postgres', '--', bin, ...args] : args;
  const r = spawnSync(cmd, argv, { cwd, encoding: 'utf8', timeout: (START_TIMEOUT_S + 10) * 1000 });
  if (r.status !== 0) {
    throw new Error(`${bin.split('/').pop()} failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  }
  return r.stdout;
}

/** A folder the postgres user can reach: every ancestor must be searchable by others. */
function baseDir(): string {
  const candidate = tmpdir();
  if (!asRoot) return candidate;
  for (let d = candidate; ; d = dirname(d)) {
    try {
      accessSync(d, constants.X_OK);
      // Root passes accessSync everywhere: look at the mode bits the postgres user meets.
      const mode = Number.parseInt(execFileSync('stat', ['-c', '%a', d], { encoding: 'utf8' }).trim(), 8);
      if ((mode & 0o001) === 0) return '/tmp';
    } catch {
      return '/tmp';
    }
    if (d === dirname(d)) return candidate;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

const running = new Set<{ pgCtl: string; dataDir: string }>();
// A test that crashes must not leave a server behind (PostgreSQL also stops by itself within
// a minute once its folder, and so its lock file, is gone).
process.once('exit', () => {
  for (const s of running) {
    try {
      runPg(s.pgCtl, ['-D', s.dataDir, '-m', 'immediate', 'stop'], s.dataDir);
    } catch {
      // Already gone.
    }
    rmSync(dirname(s.dataDir), { recursive: true, force: true });
  }
});

export interface StartPostgresOptions {
  /**
   * Production durability (fsync, full-page writes: PostgreSQL's defaults), for benches.
   * Tests run without: a test never survives a power cut, and a crash of the server process
   * itself still loses nothing committed.
   */
  durable?: boolean;
}

export async function startPostgres(options: StartPostgresOptions = {}): Promise<PostgresServer> {
  const bin = postgresBinDir();
  const root = mkdtempSync(join(baseDir(), 'trame-pg-'));
  const dataDir = join(root, 'data');
  const password = randomBytes(12).toString('hex');
  const pwFile = join(root, 'pw');
  writeFileSync(pwFile, password);
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(root, uid, gid);
    chownSync(pwFile, uid, gid);
  }
  chmodSync(root, 0o700);
  const initdb = join(bin, 'initdb');
  const pgCtl = join(bin, 'pg_ctl');
  runPg(initdb, ['-D', dataDir, '-U', 'postgres', '--auth-local=trust', '--auth-host=scram-sha-256',
    `--pwfile=${pwFile}`, '--encoding=UTF8', '--locale=C.UTF-8', '--no-instructions'], root);
  rmSync(pwFile);
  const entry = { pgCtl, dataDir };
  running.add(entry);

  const logFile = join(root, 'server.log');
  let port = 0;
  const start = async (): Promise<void> => {
    const opts = [`-c port=${port}`, '-c listen_addresses=127.0.0.1', `-c unix_socket_directories=${root}`,
      ...(options.durable ? [] : ['-c fsync=off', '-c full_page_writes=off']),
      '-c shared_buffers=32MB', '-c max_connections=200'].join(' ');
    runPg(pgCtl, ['-D', dataDir, '-l', logFile, '-w', '-t', String(START_TIMEOUT_S), '-o', opts, 'start'], root);
  };
  // The free port may be taken between the probe and the start: try a few.
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    try {
      await start();
      break;
    } catch (e) {
      if (attempt >= 3) {
        running.delete(entry);
        rmSync(root, { recursive: true, force: true });
        throw e;
      }
    }
  }

  const url = (database = 'postgres') =>
    `postgres://postgres:${password}@127.0.0.1:${port}/${database}`;
  const query = async <R extends pg.QueryResultRow>(sql: string, values: unknown[] = [], database = 'postgres') => {
    const client = new pg.Client({ connectionString: url(database) });
    await client.connect();
    try {
      return (await client.query<R>(sql, values)).rows;
    } finally {
      await client.end();
    }
  };
  let databases = 0;
  return {
    port,
    dataDir,
    password,
    url,
    query,
    async createDatabase(prefix = 'trame') {
      const name = `${prefix}_${process.pid}_${++databases}`;
      await query(`CREATE DATABASE ${name}`);
      return url(name);
    },
    async createSchema(prefix = 'trame') {
      const name = `${prefix}_${process.pid}_${++databases}`;
      await query(`CREATE SCHEMA ${name}`);
      return `${url()}?options=${encodeURIComponent(`-c search_path=${name}`)}`;
    },
    async halt(mode = 'fast') {
      runPg(pgCtl, ['-D', dataDir, '-m', mode, '-w', 'stop'], root);
    },
    resume: start,
    async stop() {
      running.delete(entry);
      try {
        runPg(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], root);
      } catch {
        // Halted already.
      }
      rmSync(root, { recursive: true, force: true });
    },
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
  };
}
