import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelay, type RelayProcess } from '../helpers/relay';

const lanIp = Object.values(networkInterfaces()).flat().find((a) => a?.family === 'IPv4' && !a.internal)?.address;

describe('GET /api/lan', () => {
  let onAll: RelayProcess;
  beforeAll(async () => {
    onAll = await startRelay({ env: { HOST: '0.0.0.0' } });
  });
  afterAll(async () => {
    await onAll?.stop();
  });

  it.runIf(lanIp)('tells the relay\'s own computer where phones can reach it', async () => {
    const r = await fetch(`${onAll.url}/api/lan`);
    expect(r.status).toBe(200);
    const { origins } = (await r.json()) as { origins: string[] };
    expect(origins).toContain(`http://${lanIp}:${onAll.port}`);
  });

  it.runIf(lanIp)('tells nothing to a caller from the network', async () => {
    const r = await fetch(`http://${lanIp}:${onAll.port}/api/lan`);
    expect(await r.json()).toEqual({ origins: [] });
  });

  it('has nothing to tell when the relay listens on one address only', async () => {
    const single = await startRelay();
    try {
      expect(await (await fetch(`${single.url}/api/lan`)).json()).toEqual({ origins: [] });
    } finally {
      await single.stop();
    }
  }, 120_000);
});
