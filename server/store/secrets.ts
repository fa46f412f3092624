import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 128 random bits: unguessable, and short enough for a link read aloud or typed from a QR. */
export function newMapId(): string {
  return randomBytes(16).toString('base64url');
}

/** 256 random bits: the token is the only thing between a stranger and a map's testimony. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Map ids and tokens are base64url; anything else is refused before touching storage. */
const ID_RE = /^[A-Za-z0-9_-]{16,64}$/;
const TOKEN_RE = /^[A-Za-z0-9_-]{16,128}$/;
export const isMapId = (s: string): boolean => ID_RE.test(s);
export const isTokenShaped = (s: string): boolean => TOKEN_RE.test(s);

/**
 * Only hashes are stored, so a copy of the data folder does not hand out edit rights. A plain
 * SHA-256 is enough: the tokens carry 256 bits of entropy, there is nothing to brute-force.
 */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Constant-time comparison of a presented token against a stored hash. */
export function tokenMatches(token: string, hash: Uint8Array): boolean {
  const h = hashToken(token);
  return h.length === hash.length && timingSafeEqual(h, hash);
}
