import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startRelay, type Relay } from '../helpers/relay';
import { launchChromium } from './browser';

/** The relay serves dist/ (npm test builds it); TRAME_DIST_DIR points at another build. */
export function appEnv(): Record<string, string> {
  return process.env.TRAME_DIST_DIR ? { DIST_DIR: process.env.TRAME_DIST_DIR } : {};
}

export interface AppHarness {
  readonly relay: Relay;
  readonly browser: Browser;
}

/** One relay process serving the built app and one Chromium for the whole test file. */
export function appHarness(): AppHarness {
  const h: { relay?: Relay; browser?: Browser } = {};
  beforeAll(async () => {
    h.relay = await startRelay({ env: appEnv() });
    h.browser = await launchChromium();
  });
  afterAll(async () => {
    await h.browser?.close();
    await h.relay?.stop();
  });
  return {
    get relay() {
      if (!h.relay) throw new Error('the relay starts in beforeAll');
      return h.relay;
    },
    get browser() {
      if (!h.browser) throw new Error('Chromium starts in beforeAll');
      return h.browser;
    },
  };
}
