import * as Y from 'yjs';
import { linksOf, LOCAL_ORIGIN } from './doc';
import type { Polarity } from './schema';
import { isPolarity } from './validate';

export interface PolarityChange {
  readonly linkId: string;
  readonly from: Polarity;
  readonly to: Polarity;
}

/**
 * Tells of every polarity this user changes, whichever control did it (a click on a marker, a
 * key, the inspector), one call per transaction: the app shows each with a way back, since one
 * stray click can turn a reinforcing loop into an undetermined one. Peers' changes and undo /
 * redo (their origin is not the local one) are not reported.
 */
export function watchLocalPolarity(doc: Y.Doc, onChange: (changes: readonly PolarityChange[]) => void): () => void {
  const links = linksOf(doc);
  const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => {
    if (tr.origin !== LOCAL_ORIGIN) return;
    const changes: PolarityChange[] = [];
    for (const e of events) {
      if (!(e instanceof Y.YMapEvent) || e.target.parent !== links) continue;
      const key = e.changes.keys.get('polarity');
      const link = e.target as Y.Map<unknown>;
      const to = link.get('polarity');
      if (key?.action !== 'update' || !isPolarity(key.oldValue) || !isPolarity(to) || key.oldValue === to) continue;
      // The path from the observed links map to the changed link: its id.
      const linkId = e.path[0];
      if (typeof linkId === 'string') changes.push({ linkId, from: key.oldValue, to });
    }
    if (changes.length > 0) onChange(changes);
  };
  links.observeDeep(observer);
  return () => links.unobserveDeep(observer);
}
