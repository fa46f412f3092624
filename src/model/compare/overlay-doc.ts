import * as Y from 'yjs';
import { change } from '../doc';
import { addLink, putFactor } from '../ops';
import type { Overlay } from './overlay';

/**
 * A comparison drawn as one map the canvas can show: a copy of the later state (with its
 * themes, loops notes and stories) plus what the earlier one had and lost, at the positions it
 * had, under the overlay's keys. It is a document of its own, never connected to anything:
 * the app shows it read-only and colours each element by its status in the overlay.
 */
export function overlayDoc(to: Y.Doc, overlay: Overlay): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(to));
  change(doc, () => {
    for (const f of overlay.factors) {
      if (f.status !== 'removed') continue;
      const { label, x, y, theme, notes, icon } = f.factor;
      putFactor(doc, { id: f.key, label, x, y, theme, notes, icon });
    }
    for (const l of overlay.links) {
      if (l.status !== 'removed') continue;
      try {
        addLink(doc, { id: l.key, source: l.source, target: l.target, polarity: l.link.polarity, strength: l.link.strength, delay: l.link.delay });
      } catch {
        // A later link drawn between the same two factors already shows there.
      }
    }
  });
  return doc;
}
