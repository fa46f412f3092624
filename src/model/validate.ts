import type { Warn } from './log';
import type { Factor, Link } from './schema';
import { FACTORS_SPEC, LINKS_SPEC, readEntry } from './spec';

/**
 * Readers of peer data for factors and links. A peer may have written anything (an old
 * client, a bug, a hostile script), so every field is checked against its spec
 * (spec/factors.ts, spec/links.ts): a bad required field skips the entry, a bad optional field
 * is dropped, a blank label is shown as PLACEHOLDER_LABEL. Nothing here throws.
 */
export type { Warn } from './log';
export { isPolarity, isStrength } from './spec/checks';

export function readFactor(id: string, value: unknown, warn: Warn): Factor | null {
  return readEntry(FACTORS_SPEC, id, value, warn) as Factor | null;
}

export function readLink(id: string, value: unknown, warn: Warn): Link | null {
  return readEntry(LINKS_SPEC, id, value, warn) as Link | null;
}
