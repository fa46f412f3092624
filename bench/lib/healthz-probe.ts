/**
 * Polls a relay's /healthz from a process of its own (`node --import tsx
 * bench/lib/healthz-probe.ts <url> <intervalMs>`) until its parent says stop, then sends back
 * every answer's time. An attacker that builds and masks a 33 MiB frame stalls its own event
 * loop; a poll in the same process would count that stall as the relay's.
 */
import { performance } from 'node:perf_hooks';
import { sleep } from './stats';

export interface ProbeResult {
  latencies: number[];
  failed: number;
}

const [url, interval] = [process.argv[2]!, Number(process.argv[3] ?? 50)];
let running = true;
process.on('message', (m) => {
  if (m === 'stop') running = false;
});

const latencies: number[] = [];
let failed = 0;
process.send?.('ready');
while (running) {
  const t = performance.now();
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(10_000) });
    await res.text();
    if (res.status === 200) latencies.push(performance.now() - t);
    else failed++;
  } catch {
    failed++;
  }
  await sleep(interval);
}
process.send?.({ latencies, failed } satisfies ProbeResult, () => process.exit(0));
