import * as Y from 'yjs';
import { change, moveFactors, readSnapshot, silent, type Move } from '../../model';
import { importIntoDoc, type ImportResult, type ParsedMap } from '../../model/io';
import { planTidy, type TidyPlan } from '../../model/layout/tidy-plan';


/** Lays a plan out somewhere else (the layout worker in the app, runTidy itself in tests). */
export type RunLayout = (plan: TidyPlan) => Promise<Move[]>;

/**
 * An import whose new factors come without positions gets the loop layout, computed in the
 * layout worker, and so does an import whose links reach factors already on the map that
 * nobody placed by hand: a factors CSV imported before its links CSV is laid out again when
 * the links arrive, instead of staying on the grid it got with no links to go by (issue 12).
 * Everything else stays where it is, and the moved factors are placed around it.
 *
 * The layout needs the map as the import will leave it, with the import's fresh ids, but the
 * import must stay one transaction (one undo step) that the layout cannot wait inside. So the
 * import is first tried on a copy of the document, the copy is laid out in the worker, and
 * then the real import and the moves are written together in one transaction, the copy's ids
 * translated through the file's keys.
 */
export async function importWithLayout(
  doc: Y.Doc, parsed: ParsedMap, mode: 'new' | 'merge', runLayout: RunLayout,
): Promise<ImportResult> {
  const plain = () => importIntoDoc(doc, parsed, { mode });
  const scratch = new Y.Doc();
  let plan: TidyPlan;
  let movable = new Set<string>();
  let trialIds = new Map<string, string>();
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
    const trial = importIntoDoc(scratch, parsed, { mode });
    if (!trial.ok) return plain();
    const snap = readSnapshot(scratch, silent);
    const created = new Set(trial.factorIds);
    const positioned = new Set(parsed.factors.flatMap((f) => (f.x !== undefined && f.y !== undefined ? [trial.idMap.get(f.key)] : [])));
    const newLinks = new Set(trial.linkIds);
    const touched = new Set<string>();
    for (const l of snap.links) {
      if (!newLinks.has(l.id)) continue;
      touched.add(l.source);
      touched.add(l.target);
    }
    movable = new Set(snap.factors.filter((f) => (created.has(f.id) ? !positioned.has(f.id) : touched.has(f.id) && !f.placed)).map((f) => f.id));
    if (movable.size === 0) return plain();
    const all = planTidy(snap, undefined, 'all');
    if (!all) return plain();
    const stay = snap.factors.filter((f) => !movable.has(f.id)).map((f) => [f.id, { x: f.x, y: f.y }] as const);
    plan = { ...all, pinned: stay };
    trialIds = trial.idMap;
  } finally {
    scratch.destroy();
  }
  const moves = await runLayout(plan);
  return change(doc, () => {
    const r = importIntoDoc(doc, parsed, { mode });
    if (!r.ok) return r;
    // The copy's id of each factor of the file → the real one (existing factors keep theirs).
    const real = new Map<string, string>();
    for (const pf of parsed.factors) {
      const a = trialIds.get(pf.key);
      const b = r.idMap.get(pf.key);
      if (a !== undefined && b !== undefined) real.set(a, b);
    }
    const out = moves.flatMap((m) => (movable.has(m.id) ? [{ ...m, id: real.get(m.id) ?? m.id }] : []));
    moveFactors(doc, out, { byHand: false });
    return r;
  });
}
