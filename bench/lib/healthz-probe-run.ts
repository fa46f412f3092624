import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { ProbeResult } from './healthz-probe';
import { root } from './servers';

/** Starts polling `url`/healthz in a process of its own; `stop()` ends it and gives the times. */
export async function startHealthzProbe(url: string, intervalMs = 50): Promise<{ stop(): Promise<ProbeResult> }> {
  const child = fork(join(root, 'bench/lib/healthz-probe.ts'), [url, String(intervalMs)], {
    cwd: root, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const result = new Promise<ProbeResult>((resolve, reject) => {
    child.on('message', (m) => {
      if (m !== 'ready') resolve(m as ProbeResult);
    });
    child.once('exit', (code) => reject(new Error(`healthz probe exited ${code}`)));
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`healthz probe exited ${code} before polling`)));
  });
  return {
    stop: () => {
      child.send('stop');
      return result;
    },
  };
}
