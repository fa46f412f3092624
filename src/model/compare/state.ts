import type * as Y from 'yjs';
import { silent } from '../log';
import { readSnapshot } from '../reader';
import { readThemes } from '../themes';
import type { MapState } from './types';

/** A document's state for comparing: the validated factors and links, and its themes. */
export function mapStateOf(doc: Y.Doc): MapState {
  const snap = readSnapshot(doc, silent);
  return { factors: snap.factors, links: snap.links, themes: readThemes(doc, silent) };
}
