import * as Y from 'yjs';
import { compareMaps, mapStateOf, type MapDiff } from '../compare';
import { change, factorsOf, linksOf, metaOf } from '../doc';
import { removeFactors, removeLinks } from '../ops';
import { readSnapshot } from '../reader';
import { silent } from '../log';
import { ROOT } from '../schema';
import { UNDOABLE_ROOTS } from '../undo';
import { mirrorMap } from './mirror';

/**
 * Parts mirrored whole from the snapshot. Those a user's undo covers, so that the restore is
 * one undo step; not `votes`: a dot is a participant's act, kept through a restore (a vote on
 * something the snapshot lacks is skipped by its reader, as it is after a deletion).
 */
const MIRRORED_ROOTS = (): string[] =>
  UNDOABLE_ROOTS.filter((r) => r !== ROOT.factors && r !== ROOT.links && r !== ROOT.meta);

/** Meta fields a restore takes from the snapshot; schemaVersion stays the live document's. */
const RESTORED_META = ['title', 'language'] as const;

/**
 * Makes the live map what the snapshot shows, as ONE local transaction: one undo step for
 * whoever restores, one update to everyone. A forward change, never a swap of stored bytes:
 * elements the snapshot lacks are removed through the removal operations (which take their
 * citations, loop notes and view entries along), elements it has are written field by field
 * where they differ, and the other parts are mirrored. Malformed entries of the snapshot are
 * not brought back (the readers skip them). Returns what changed, as a comparison.
 */
export function restoreSnapshot(live: Y.Doc, snapshot: Y.Doc): MapDiff {
  const diff = compareMaps(mapStateOf(live), mapStateOf(snapshot), { loops: false });
  const target = readSnapshot(snapshot, silent);
  const keepFactors = new Set(target.factors.map((f) => f.id));
  const keepLinks = new Set(target.links.map((l) => l.id));
  change(live, () => {
    const factors = factorsOf(live);
    const links = linksOf(live);
    removeLinks(live, [...links.keys()].filter((id) => !keepLinks.has(id)));
    removeFactors(live, [...factors.keys()].filter((id) => !keepFactors.has(id)));
    const from = { factors: factorsOf(snapshot), links: linksOf(snapshot) };
    const copy = (into: Y.Map<Y.Map<unknown>>, source: Y.Map<Y.Map<unknown>>, id: string) => {
      const want = source.get(id) as Y.Map<unknown>;
      const have = into.get(id);
      if (have instanceof Y.Map) mirrorMap(have, want);
      else into.set(id, want.clone());
    };
    for (const f of target.factors) copy(factors, from.factors, f.id);
    for (const l of target.links) copy(links, from.links, l.id);
    for (const root of MIRRORED_ROOTS()) mirrorMap(live.getMap(root), snapshot.getMap(root));
    const meta = metaOf(live);
    const was = metaOf(snapshot);
    for (const key of RESTORED_META) {
      const v = was.get(key);
      if (typeof v === 'string' && meta.get(key) !== v) meta.set(key, v);
    }
  });
  return diff;
}
