import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createUndoManager, readCitations, readSnapshot, readStories } from '../../../src/model';
import {
  acceptNear, applyMerge, decideConflicts, NO_DECISIONS, prepareMerge, previewMerge, readMetaState, withFactor, withPolarity,
  writeMerge, type MergeDecisions, type MergePlan,
} from '../../../src/model/merge';
import {
  contentOf, counts, factorByLabel, factorSources, linkBetween, linksCsv, linkSources, maliDoc, miniMap,
  planOrThrow, quiet,
} from './helpers';

const WOMEN = 'Groupe des femmes (Kangaba)';

function proposal(plan: MergePlan, label: string) {
  const p = plan.factors.find((f) => f.label === label);
  if (!p) throw new Error(`no proposal for ${label}`);
  return p;
}

function applied(doc: Y.Doc, plan: MergePlan, decisions: MergeDecisions) {
  const r = applyMerge(doc, plan, decisions);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r;
}

describe('the review step of a merge', () => {
  it('proposes matches after normalisation as the same factor, near ones with their score, the rest as new', () => {
    const doc = maliDoc();
    const plan = planOrThrow(doc, miniMap('groupe-femmes.csv'), { title: WOMEN });
    expect(proposal(plan, 'insecurite')).toMatchObject({ kind: 'same', candidates: [{ label: 'Insécurité', score: 100 }] });
    expect(proposal(plan, 'Vol du bétail')).toMatchObject({ kind: 'same', candidates: [{ label: 'Vols de bétail' }] });
    expect(proposal(plan, "Fermeture d'écoles").candidates[0]?.label).toBe('Fermeture des écoles');
    const near = proposal(plan, 'Pauvreté des ménages ruraux');
    expect(near.kind).toBe('near');
    expect(near.candidates[0]).toMatchObject({ label: 'Pauvreté des ménages' });
    expect(near.candidates[0]!.score).toBeGreaterThan(55);
    expect(near.candidates[0]!.score).toBeLessThan(100);
    expect(proposal(plan, 'Sécheresse')).toMatchObject({ kind: 'near', candidates: [{ label: 'Sécheresses et pluies irrégulières' }] });
    expect(proposal(plan, 'Mariages précoces')).toMatchObject({ kind: 'new', candidates: [] });
  });

  it('makes one proposal of the factors a mini-map spells two ways', () => {
    const doc = maliDoc();
    const plan = planOrThrow(doc, linksCsv(['insecurite,Vols de bétail,+', "L'Insécurité,Corruption,+"]), { title: 'G' });
    const p = proposal(plan, 'insecurite');
    expect(p.keys).toEqual(['insecurite', "L'Insécurité"]);
    expect(p.variants).toEqual(["L'Insécurité"]);
    expect(plan.factors).toHaveLength(3);
  });

  it('plans the same from the map as read into plain data (what a worker receives)', () => {
    const doc = maliDoc();
    const mini = miniMap('groupe-jeunes.csv');
    const cloned = structuredClone(readMetaState(doc));
    expect(planOrThrow(cloned, mini, { title: 'Jeunes' })).toEqual(planOrThrow(doc, mini, { title: 'Jeunes' }));
  });

  it('writes nothing while the plan is reviewed', () => {
    const doc = maliDoc();
    const before = Y.encodeStateVector(doc);
    const plan = planOrThrow(doc, miniMap('groupe-femmes.csv'), { title: WOMEN });
    previewMerge(doc, plan, acceptNear(plan, NO_DECISIONS));
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('shows a polarity conflict and refuses to merge until a person decides it', () => {
    const doc = maliDoc();
    const plan = planOrThrow(doc, miniMap('groupe-femmes.csv'), { title: WOMEN });
    const preview = previewMerge(doc, plan, NO_DECISIONS);
    expect(preview.conflicts).toHaveLength(1);
    const c = preview.conflicts[0]!;
    expect(c).toMatchObject({ metaPolarity: '-', link: { source: 'Aide humanitaire', target: 'Pauvreté des ménages', polarity: '+' } });
    const before = Y.encodeStateVector(doc);
    const refused = applyMerge(doc, plan, NO_DECISIONS);
    expect(refused).toMatchObject({ ok: false, errors: [{ code: 'merge.undecided', params: { count: 1 } }] });
    expect(Y.encodeStateVector(doc)).toEqual(before);
    applied(doc, plan, withPolarity(NO_DECISIONS, c.metaId!, '?'));
    expect(linkBetween(doc, 'Aide humanitaire', 'Pauvreté des ménages').polarity).toBe('?');
    expect(linkSources(doc, 'Aide humanitaire', 'Pauvreté des ménages')).toEqual([{ map: WOMEN, polarity: '+' }]);
  });
});

describe('applying a merge', () => {
  it('adds the new factors and links once, merges matched ones, and records provenance', () => {
    const doc = maliDoc();
    const plan = planOrThrow(doc, miniMap('groupe-femmes.csv'), { title: WOMEN });
    const decisions = decideConflicts(NO_DECISIONS, previewMerge(doc, plan, NO_DECISIONS).conflicts, 'map');
    const r = applied(doc, plan, decisions);
    // 17 proposals: 11 same, 3 near (refused by default, so new) and 3 new.
    expect(r.counts).toMatchObject({ matched: 11, added: 6, linksMatched: 4, linksAdded: 8, conflicts: 1 });
    expect(counts(doc)).toEqual({ factors: 36, links: 63 });
    expect(factorSources(doc, 'Insécurité')).toEqual([{ map: WOMEN, label: 'insecurite' }]);
    expect(factorSources(doc, 'Mariages précoces')).toEqual([{ map: WOMEN, label: 'Mariages précoces', added: true }]);
    expect(factorSources(doc, 'Corruption')).toEqual([]);
    // Links merge by (cause, effect) once factors are matched: "Vol du bétail → Pauvreté des ménages".
    expect(linkSources(doc, 'Vols de bétail', 'Pauvreté des ménages')).toEqual([{ map: WOMEN, polarity: '+' }]);
    expect(linkSources(doc, 'Mariages précoces', 'Déscolarisation des filles')).toEqual([{ map: WOMEN, polarity: '+', added: true }]);
    expect(linkBetween(doc, 'Aide humanitaire', 'Pauvreté des ménages').polarity).toBe('-');
  });

  it('merges a near match only with a yes, and keeps the label the facilitator chooses', () => {
    const doc = maliDoc();
    const plan = planOrThrow(doc, miniMap('groupe-femmes.csv'), { title: WOMEN });
    const drought = proposal(plan, 'Sécheresse');
    const poverty = proposal(plan, 'Pauvreté des ménages ruraux');
    let d = decideConflicts(NO_DECISIONS, previewMerge(doc, plan, NO_DECISIONS).conflicts, 'mini');
    d = withFactor(d, drought.id, { to: drought.candidates[0]!.id, label: 'Sécheresses' });
    d = withFactor(d, poverty.id, { to: poverty.candidates[0]!.id, label: 'Pauvreté des ménages' });
    applied(doc, plan, d);
    expect(factorSources(doc, 'Sécheresses')).toEqual([{ map: WOMEN, label: 'Sécheresse' }]);
    expect(readSnapshot(doc, quiet).factors.some((f) => f.label === 'Sécheresses et pluies irrégulières')).toBe(false);
    expect(factorSources(doc, 'Pauvreté des ménages')).toEqual([
      { map: WOMEN, label: 'Pauvreté des ménages' },
    ]);
    expect(readSnapshot(doc, quiet).factors.some((f) => f.label === 'Pauvreté des ménages ruraux')).toBe(false);
    expect(linkBetween(doc, 'Aide humanitaire', 'Pauvreté des ménages').polarity).toBe('+');
    expect(counts(doc).factors).toBe(34);
  });

  it('writes the same when the merge is worked out from plain data, as the merge worker does, in one undo step', () => {
    const mini = miniMap('groupe-eleveurs.json');
    // Every near match confirmed, every conflict to the mini-map: decided against each map's own ids.
    const decide = (doc: Y.Doc, plan: MergePlan) =>
      decideConflicts(acceptNear(plan, NO_DECISIONS), previewMerge(doc, plan, acceptNear(plan, NO_DECISIONS)).conflicts, 'mini');
    const direct = maliDoc();
    const plan = planOrThrow(direct, mini, { title: 'Éleveurs' });
    applied(direct, plan, decide(direct, plan));

    const viaWorker = maliDoc();
    const undo = createUndoManager(viaWorker);
    // What crosses to the worker and back is structured-cloned.
    const workerPlan = planOrThrow(structuredClone(readMetaState(viaWorker)), structuredClone(mini), { title: 'Éleveurs' });
    const decided = decide(viaWorker, workerPlan);
    expect(decided.answers.size).toBeGreaterThan(0);
    const prepared = prepareMerge(structuredClone(readMetaState(viaWorker)), structuredClone(workerPlan), structuredClone(decided));
    if (!prepared.ok) throw new Error(prepared.errors[0]!.message);
    const r = writeMerge(viaWorker, workerPlan, structuredClone(prepared.prepared));
    expect(r.ok).toBe(true);
    expect(contentOf(viaWorker)).toEqual(contentOf(direct));
    expect(factorSources(viaWorker, 'Vols de bétail')).toEqual(factorSources(direct, 'Vols de bétail'));
    expect(readStories(viaWorker, quiet).map((st) => st.code)).toEqual(readStories(direct, quiet).map((st) => st.code));
    expect(undo.undoStack).toHaveLength(1);
  });

  it('places each new factor next to the factors it is linked to, on a free spot', () => {
    const doc = maliDoc();
    const plan = planOrThrow(doc, linksCsv(['Corruption,Détournement des vivres,+']), { title: 'G' });
    applied(doc, plan, NO_DECISIONS);
    const added = factorByLabel(doc, 'Détournement des vivres');
    const corruption = factorByLabel(doc, 'Corruption');
    expect(Math.hypot(added.x - corruption.x, added.y - corruption.y)).toBeLessThan(600);
    const taken = readSnapshot(doc, quiet).factors.filter((f) => f.id !== added.id && f.x === added.x && f.y === added.y);
    expect(taken).toEqual([]);
  });

  it('is one undo step that takes the whole merge back', () => {
    const doc = maliDoc();
    const before = contentOf(doc);
    const undo = createUndoManager(doc);
    const plan = planOrThrow(doc, miniMap('groupe-eleveurs.json'), { title: 'Groupe des éleveurs (Mopti)' });
    const accepted = acceptNear(plan, NO_DECISIONS);
    applied(doc, plan, decideConflicts(accepted, previewMerge(doc, plan, accepted).conflicts, 'mini'));
    expect(counts(doc).factors).toBeGreaterThan(30);
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    expect(contentOf(doc)).toEqual(before);
    expect(readStories(doc, quiet)).toEqual([]);
    expect(factorSources(doc, 'Vols de bétail')).toEqual([]);
    undo.redo();
    expect(factorSources(doc, 'Vols de bétail')).toEqual([{ map: 'Groupe des éleveurs (Mopti)', label: 'Vols de bétails', key: 'e3' }]);
  });

  it('brings the stories of a mini-map with their citations, onto the factors and links they merged into', () => {
    const doc = maliDoc();
    const plan = planOrThrow(doc, miniMap('groupe-eleveurs.json'), { title: 'Groupe des éleveurs (Mopti)' });
    applied(doc, plan, NO_DECISIONS);
    const stories = readStories(doc, quiet);
    expect(stories.map((s) => s.code)).toEqual(['R-101', 'R-102']);
    const index = readCitations(doc, readSnapshot(doc, quiet), stories, quiet);
    const r101 = index.byStory.get(stories[0]!.id)!;
    expect(r101.factors).toEqual([factorByLabel(doc, 'Vols de bétail').id]);
    expect(r101.links).toHaveLength(1);
    const r102 = index.byStory.get(stories[1]!.id)!;
    expect(r102.factors).toEqual([factorByLabel(doc, 'Couloirs de transhumance obstrués').id]);
  });

  it('leaves out a link whose two ends were merged into one factor, and says so', () => {
    const doc = maliDoc();
    const plan = planOrThrow(doc, linksCsv(['Insécurité grandissante,Insécurité,+']), { title: 'G' });
    const p = proposal(plan, 'Insécurité grandissante');
    const d = withFactor(NO_DECISIONS, p.id, { to: p.candidates[0]!.id, label: 'Insécurité' });
    const r = applied(doc, plan, d);
    expect(r.counts).toMatchObject({ selfLinks: 1, linksAdded: 0 });
    expect(r.notices.map((n) => n.code)).toContain('merge.selfLinks');
    expect(counts(doc)).toEqual({ factors: 30, links: 55 });
  });

  it('adds as new a factor whose chosen match a peer deleted during the review', () => {
    const doc = maliDoc();
    const plan = planOrThrow(doc, linksCsv(['corruption,Vols de bétail,+']), { title: 'G' });
    const corruption = factorByLabel(doc, 'Corruption');
    doc.getMap('factors').delete(corruption.id);
    const r = applied(doc, plan, NO_DECISIONS);
    expect(r.counts).toMatchObject({ targetsGone: 1, added: 1 });
    expect(factorByLabel(doc, 'Corruption').id).not.toBe(corruption.id);
  });
});

describe('merging the same mini-map again', () => {
  const v1 = ['Mariages précoces,Déscolarisation des filles,+', 'Pauvreté des ménages,Mariages précoces,+', 'Orpaillage,Déscolarisation des filles,+'];

  it('updates what came from it instead of duplicating', () => {
    const doc = maliDoc();
    applied(doc, planOrThrow(doc, linksCsv(v1), { title: WOMEN }), NO_DECISIONS);
    expect(counts(doc)).toEqual({ factors: 33, links: 58 });
    const again = planOrThrow(doc, linksCsv(v1), { title: 'groupe des FEMMES (kangaba)' });
    expect(again.previousFactors).toBe(4);
    expect(again.factors.every((p) => p.kind === 'again')).toBe(true);
    const preview = previewMerge(doc, again, NO_DECISIONS);
    expect(preview.identical).toBe(true);
    applied(doc, again, NO_DECISIONS);
    expect(counts(doc)).toEqual({ factors: 33, links: 58 });
  });

  it('follows what the group changed: a polarity, a link dropped, a factor gone, a new one', () => {
    const doc = maliDoc();
    applied(doc, planOrThrow(doc, linksCsv(v1), { title: WOMEN }), NO_DECISIONS);
    const v2 = [
      'Mariages précoces,Déscolarisation des filles,-',
      'Mariages précoces,Pauvreté des ménages,+',
      "Travail des enfants,Déscolarisation des filles,+",
    ];
    const plan = planOrThrow(doc, linksCsv(v2), { title: WOMEN });
    const preview = previewMerge(doc, plan, NO_DECISIONS);
    expect(preview.conflicts).toEqual([]);
    expect(preview.withdrawn.map((w) => [w.kind, w.label, w.action])).toEqual([
      ['factor', 'Orpaillage', 'remove'],
      ['link', 'Pauvreté des ménages → Mariages précoces', 'remove'],
    ]);
    applied(doc, plan, NO_DECISIONS);
    expect(linkBetween(doc, 'Mariages précoces', 'Déscolarisation des filles').polarity).toBe('-');
    expect(() => factorByLabel(doc, 'Orpaillage')).toThrow();
    expect(() => linkBetween(doc, 'Pauvreté des ménages', 'Mariages précoces')).toThrow();
    expect(linkSources(doc, 'Mariages précoces', 'Pauvreté des ménages')).toEqual([{ map: WOMEN, polarity: '+', added: true }]);
    expect(counts(doc)).toEqual({ factors: 33, links: 58 });
    // The map's own factors it had matched keep their place; only this group's entry changed.
    expect(factorSources(doc, 'Pauvreté des ménages')).toEqual([{ map: WOMEN, label: 'Pauvreté des ménages' }]);
  });

  it('finds a factor the group renamed by its id in a Trame file, and takes the new name', () => {
    const doc = maliDoc();
    const first = miniMap('groupe-eleveurs.json');
    applied(doc, planOrThrow(doc, first, { title: 'Éleveurs' }), NO_DECISIONS);
    const renamed = { ...first, factors: first.factors.map((f) => (f.key === 'e6' ? { ...f, label: 'Marchés à bétail fermés' } : f)) };
    const plan = planOrThrow(doc, renamed, { title: 'Éleveurs' });
    expect(proposal(plan, 'Marchés à bétail fermés')).toMatchObject({ kind: 'again', candidates: [{ label: 'Fermeture des marchés à bétail' }] });
    applied(doc, plan, NO_DECISIONS);
    expect(factorSources(doc, 'Marchés à bétail fermés')).toEqual([
      { map: 'Éleveurs', label: 'Marchés à bétail fermés', key: 'e6', added: true },
    ]);
    expect(readStories(doc, quiet)).toHaveLength(2);
  });

  it('does not follow a polarity the facilitator changed in the map: that is a conflict', () => {
    const doc = maliDoc();
    applied(doc, planOrThrow(doc, linksCsv(['Mariages précoces,Pauvreté des ménages,+']), { title: WOMEN }), NO_DECISIONS);
    const link = linkBetween(doc, 'Mariages précoces', 'Pauvreté des ménages');
    doc.getMap<Y.Map<unknown>>('links').get(link.id)!.set('polarity', '-');
    const plan = planOrThrow(doc, linksCsv(['Mariages précoces,Pauvreté des ménages,+']), { title: WOMEN });
    expect(previewMerge(doc, plan, NO_DECISIONS).undecided).toBe(0);
    const changed = planOrThrow(doc, linksCsv(['Mariages précoces,Pauvreté des ménages,-']), { title: WOMEN });
    expect(previewMerge(doc, changed, NO_DECISIONS).identical).toBe(true);
    doc.getMap<Y.Map<unknown>>('links').get(link.id)!.set('polarity', '+');
    const flipped = planOrThrow(doc, linksCsv(['Mariages précoces,Pauvreté des ménages,-']), { title: 'Another group' });
    expect(previewMerge(doc, flipped, NO_DECISIONS).undecided).toBe(1);
  });
});
