import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Debian's Chromium, with the flags this sandboxed, offline machine needs. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage',
    ],
  });
}

/** A browser context whose user already chose a name, so the first-visit dialog stays shut. */
export async function userContext(
  browser: Browser,
  opts: { name?: string; color?: string; locale?: string; viewport?: { width: number; height: number } } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: opts.locale ?? 'fr-FR', viewport: opts.viewport ?? { width: 1280, height: 720 } });
  context.setDefaultTimeout(10_000);
  const user = { id: `u${Math.random().toString(16).slice(2)}`, name: opts.name ?? 'Awa', color: opts.color ?? '#00796b' };
  await context.addInitScript((u) => {
    if (!localStorage.getItem('trame.user')) localStorage.setItem('trame.user', JSON.stringify(u));
  }, user);
  return context;
}
