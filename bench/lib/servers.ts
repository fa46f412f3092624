import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sleep } from './stats';

/**
 * The two servers the relay bench compares, each a child process of its own so that its CPU
 * time and memory can be read from /proc and the load generator does not share its event loop.
 *
 *   trame:     our relay, `node --import tsx server/main.ts` (SQLite store, tokens)
 *   reference: @y/websocket-server 0.1.1, the stock y-websocket backend (memory only, no auth)
 */
export type ServerKind = 'trame' | 'reference';

export interface ServerProcess {
  readonly kind: ServerKind;
  readonly pid: number;
  readonly port: number;
  readonly url: string;
  /** serverUrl for a WebsocketProvider: trame serves rooms under /ws, the reference at the root. */
  readonly wsUrl: string;
  readonly dataDir: string;
  output(): string;
  /** Sends the signal and waits for the exit; the data folder stays. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** SIGTERM, then removes the data folder if this module created it. */
  stop(): Promise<void>;
}

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const REFERENCE_BIN = process.env.BENCH_REFERENCE_BIN ?? join(root, 'node_modules/@y/websocket-server/src/server.js');
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of running) c.kill('SIGKILL');
});

/** A port that was free a moment ago (the reference server cannot be told to pick one). */
export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => res(port));
    });
  });
}

export interface StartOptions {
  dataDir?: string;
  port?: number;
  env?: Record<string, string>;
  /** Extra node flags for the server process (e.g. --cpu-prof while looking for a hot spot). */
  execArgv?: string[];
  /** How long to wait for the ready line (default 20 s). */
  startTimeoutMs?: number;
}

export async function startServer(kind: ServerKind, opts: StartOptions = {}): Promise<ServerProcess> {
  const ownsDir = opts.dataDir === undefined;
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), `bench-${kind}-`));
  const port = kind === 'reference' ? opts.port ?? await freePort() : opts.port ?? 0;
  const flags = [...(opts.execArgv ?? []), ...(process.env.BENCH_SERVER_FLAGS?.split(' ').filter(Boolean) ?? [])];
  // BENCH_TRAME_MAIN points at another copy of the relay, to compare a change side by side.
  const main = process.env.BENCH_TRAME_MAIN ?? 'server/main.ts';
  const args = kind === 'trame' ? [...flags, '--import', 'tsx', main] : [...flags, REFERENCE_BIN];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // A session of its own: with the kernel's autogroup scheduling (on by default), the server
    // then gets its own share of the CPU instead of splitting one with the load generators
    // and the bench runner. Both kinds of server alike. Killed by `running` on exit.
    detached: true,
  });
  running.add(child);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => {
    running.delete(child);
    r();
  }));
  const ready = kind === 'trame' ? /TRAME_RELAY_READY port=(\d+)/ : /running at/;
  const actualPort = await new Promise<number>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`${kind} did not start:\n${out}`)), opts.startTimeoutMs ?? 20_000);
    const check = () => {
      const m = ready.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout?.off('data', check);
      res(kind === 'trame' ? Number(m[1]) : port);
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`${kind} exited with ${code}:\n${out}`));
    });
  });
  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    kind,
    pid: child.pid ?? -1,
    port: actualPort,
    url: `http://127.0.0.1:${actualPort}`,
    wsUrl: kind === 'trame' ? `ws://127.0.0.1:${actualPort}/ws` : `ws://127.0.0.1:${actualPort}`,
    dataDir,
    output: () => out,
    kill,
    async stop() {
      await kill('SIGTERM');
      if (ownsDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may contain spaces; fields resume after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const CLK_TCK = 100;
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

/** Resident memory and its peak, in MiB, from /proc/<pid>/status. */
export function memoryMiB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

export interface CreatedMap {
  id: string;
  editToken: string;
}

/** Trame needs a map created over HTTP and a token; the reference server takes any room name. */
export async function openRoom(server: ServerProcess, title = 'Bench'): Promise<{ room: string; token: string | null }> {
  if (server.kind === 'reference') {
    return { room: `bench-${Math.random().toString(36).slice(2)}`, token: null };
  }
  // Creations are limited per address (CREATE_BURST, then one a second): wait when told to.
  for (;;) {
    const r = await fetch(`${server.url}/api/maps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title }),
    });
    if (r.status === 429) {
      await r.body?.cancel();
      await sleep(1000 * Number(r.headers.get('retry-after') ?? 1));
      continue;
    }
    if (r.status !== 201) throw new Error(`POST /api/maps answered ${r.status}`);
    const m = (await r.json()) as CreatedMap;
    return { room: m.id, token: m.editToken };
  }
}
