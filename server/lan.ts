import { networkInterfaces } from 'node:os';
import QRCode from 'qrcode';

/** IPv4 addresses other devices on the local network can reach this machine at. */
export function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) {
      if (a.family === 'IPv4' && !a.internal) out.push(a.address);
    }
  }
  return out;
}

const WILDCARD = new Set(['0.0.0.0', '::', '']);

/** http origins other devices can open; none when the relay listens on one address only. */
export function lanOrigins(host: string, port: number): string[] {
  return WILDCARD.has(host) ? lanAddresses().map((a) => `http://${a}:${port}`) : [];
}

/**
 * What to print at start: the URLs participants can open, and a QR code of the first LAN URL
 * so phones in the room can join by scanning the facilitator's screen.
 */
export async function startBanner(host: string, port: number): Promise<string> {
  const lines = [`Trame relay listening on port ${port}`];
  const local = WILDCARD.has(host) ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  lines.push(`  on this computer: http://${local}:${port}/`);
  if (!WILDCARD.has(host)) return lines.join('\n');
  const urls = lanOrigins(host, port).map((o) => `${o}/`);
  for (const u of urls) lines.push(`  on the local network / sur le réseau local: ${u}`);
  if (urls[0]) {
    const qr = await QRCode.toString(urls[0], { type: 'terminal', small: true });
    lines.push('', `Scan to open ${urls[0]} / Scannez pour ouvrir :`, qr);
  }
  return lines.join('\n');
}
