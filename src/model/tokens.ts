import { digest } from 'lib0/hash/sha256';

/**
 * A map's view token is derived from its edit token, one way: whoever can edit can always
 * hand out a read-only link (without the relay keeping tokens it could leak), and a view
 * link never reveals the edit token. Pure JS SHA-256, since WebCrypto is missing on plain
 * http:// LAN addresses, which is how phones reach a workshop laptop.
 */
export function viewTokenFor(editToken: string): string {
  const bytes = digest(new TextEncoder().encode(`trame-view:${editToken}`));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
