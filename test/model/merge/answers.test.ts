import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createUndoManager, readSnapshot, removeFactors } from '../../../src/model';
import {
  applyMerge, mergeUnattended, NO_DECISIONS, readAnswers, rememberAnswers, withAnswer, withFactor, type MergeDecisions,
  type MergePlan,
} from '../../../src/model/merge';
import { counts, factorByLabel, factorSources, linksCsv, maliDoc, planOrThrow, quiet } from './helpers';

/**
 * A near match a person confirmed or refused is remembered in the document for that mini-map:
 * merging it again later, on another device, does not ask again.
 */
const GROUP = 'Groupe des femmes';
const ROWS = ['Pauvreté des ménages ruraux,Mariages précoces,+', 'Sécheresse,Pauvreté des ménages ruraux,+'];

function proposal(plan: MergePlan, label: string) {
  const p = plan.factors.find((f) => f.label === label);
  if (!p) throw new Error(`no proposal for ${label}`);
  return p;
}

function applied(doc: Y.Doc, plan: MergePlan, d: MergeDecisions) {
  const r = applyMerge(doc, plan, d);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r;
}

/** Another device: the document as the relay would hand it over. */
function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** Yes to the poverty match, no to the drought one. */
function answered(doc: Y.Doc, plan: MergePlan): MergeDecisions {
  const poverty = proposal(plan, 'Pauvreté des ménages ruraux');
  const drought = proposal(plan, 'Sécheresse');
  expect(poverty.kind).toBe('near');
  expect(drought.kind).toBe('near');
  let d = withAnswer(NO_DECISIONS, poverty.id, 'yes', { to: poverty.candidates[0]!.id, label: poverty.candidates[0]!.label });
  d = withAnswer(d, drought.id, 'no', { to: null, label: 'Sécheresse' });
  expect(readSnapshot(doc, quiet).factors).toHaveLength(30);
  return d;
}

describe('near matches a person answered', () => {
  it('are remembered in the document with the merge, for that mini-map, and synced with it', () => {
    const doc = maliDoc();
    const plan = planOrThrow(doc, linksCsv(ROWS), { title: GROUP });
    applied(doc, plan, answered(doc, plan));
    const poverty = factorByLabel(doc, 'Pauvreté des ménages');
    const drought = factorByLabel(doc, 'Sécheresses et pluies irrégulières');
    const answers = readAnswers(copyOf(doc), quiet);
    expect(answers).toEqual(expect.arrayContaining([
      { source: 'groupe des femmes', map: GROUP, label: 'Pauvreté des ménages ruraux', factor: poverty.id, answer: 'same' },
      { source: 'groupe des femmes', map: GROUP, label: 'Sécheresse', factor: drought.id, answer: 'different' },
    ]));
    expect(answers.every((a) => a.answer === 'same' || a.label === 'Sécheresse')).toBe(true);
  });

  it('are not asked again when the mini-map is merged again, even after the factors it added were deleted', () => {
    const doc = maliDoc();
    const plan = planOrThrow(doc, linksCsv(ROWS), { title: GROUP });
    applied(doc, plan, answered(doc, plan));
    // The facilitator deleted what the merge added ("Sécheresse", refused, so new) and the
    // provenance of the confirmed match: only the remembered answers know.
    const device = copyOf(doc);
    removeFactors(device, [factorByLabel(device, 'Sécheresse').id, factorByLabel(device, 'Mariages précoces').id]);
    const pf = device.getMap<Y.Map<unknown>>('factors').get(factorByLabel(device, 'Pauvreté des ménages').id)!;
    pf.delete('sources');
    const again = planOrThrow(device, linksCsv(ROWS), { title: 'GROUPE des femmes' });
    const poverty = proposal(again, 'Pauvreté des ménages ruraux');
    expect(poverty).toMatchObject({ kind: 'near', remembered: 'same', candidates: [{ label: 'Pauvreté des ménages' }] });
    const drought = proposal(again, 'Sécheresse');
    expect(drought.remembered).toBe('different');
    expect(drought.candidates.map((c) => c.label)).not.toContain('Sécheresses et pluies irrégulières');
    // Nothing answered in this review: the remembered yes merges, the no stays apart.
    const before = counts(device);
    applied(device, again, NO_DECISIONS);
    expect(counts(device).factors).toBe(before.factors + 2);
    expect(factorSources(device, 'Pauvreté des ménages')).toEqual([{ map: 'GROUPE des femmes', label: 'Pauvreté des ménages ruraux' }]);
  });

  it('are for that mini-map only: another group is asked', () => {
    const doc = maliDoc();
    const plan = planOrThrow(doc, linksCsv(ROWS), { title: GROUP });
    applied(doc, plan, answered(doc, plan));
    const other = planOrThrow(doc, linksCsv(ROWS), { title: 'Groupe des jeunes' });
    expect(proposal(other, 'Pauvreté des ménages ruraux')).toMatchObject({ kind: 'near' });
    expect(proposal(other, 'Pauvreté des ménages ruraux').remembered).toBeUndefined();
  });

  it('can be changed: a later no replaces a yes', () => {
    const doc = maliDoc();
    const plan = planOrThrow(doc, linksCsv(ROWS), { title: GROUP });
    applied(doc, plan, answered(doc, plan));
    const target = factorByLabel(doc, 'Pauvreté des ménages').id;
    rememberAnswers(doc, GROUP, [{ label: 'pauvrete des menages ruraux', factor: target, answer: 'different' }]);
    const mine = readAnswers(doc, quiet).filter((a) => a.factor === target);
    expect(mine).toEqual([expect.objectContaining({ answer: 'different', label: 'pauvrete des menages ruraux' })]);
  });

  it('go with the merge on undo', () => {
    const doc = maliDoc();
    const undo = createUndoManager(doc);
    const plan = planOrThrow(doc, linksCsv(ROWS), { title: GROUP });
    applied(doc, plan, answered(doc, plan));
    expect(readAnswers(doc, quiet).length).toBeGreaterThan(0);
    undo.undo();
    expect(readAnswers(doc, quiet)).toEqual([]);
  });

  it('leave an unanswered near match unremembered', () => {
    const doc = maliDoc();
    const plan = planOrThrow(doc, linksCsv(ROWS), { title: GROUP });
    applied(doc, plan, NO_DECISIONS);
    expect(readAnswers(doc, quiet)).toEqual([]);
  });

  it('are taken by the HTTP merge too: a remembered yes merges, and is no longer a suggestion', () => {
    const doc = maliDoc();
    const plan = planOrThrow(doc, linksCsv(ROWS), { title: GROUP });
    applied(doc, plan, answered(doc, plan));
    // Without the provenance of the first merge, only the remembered answer knows the match.
    doc.getMap<Y.Map<unknown>>('factors').get(factorByLabel(doc, 'Pauvreté des ménages').id)!.delete('sources');
    const r = mergeUnattended(doc, linksCsv([...ROWS, 'Pauvreté des ménages ruraux,Exode rural,+']), { title: GROUP });
    if (!r.ok) throw new Error(r.errors[0]!.message);
    expect(r.answer.suggestions.map((s) => s.label)).not.toContain('Pauvreté des ménages ruraux');
    expect(r.answer.added).toBe(1);
    expect(factorSources(doc, 'Pauvreté des ménages')).toEqual([{ map: GROUP, label: 'Pauvreté des ménages ruraux' }]);
  });

  it('skip a peer\'s malformed answer with a warning, never crash', () => {
    const doc = maliDoc();
    const root = doc.getMap('matches');
    root.set('nonsense', 'x' as never);
    const bad = new Y.Map<unknown>();
    bad.set('source', 'g');
    bad.set('answer', 'maybe');
    root.set('g\u001fa\u001fb', bad);
    const warnings: string[] = [];
    expect(readAnswers(doc, (w) => warnings.push(w))).toEqual([]);
    expect(warnings).toHaveLength(2);
    expect(planOrThrow(doc, linksCsv(ROWS), { title: 'g' }).factors).toHaveLength(3);
  });
});

describe('renaming in the review step', () => {
  it('adds a new factor under the name the facilitator typed, with the group\'s label in its provenance', () => {
    const doc = maliDoc();
    const plan = planOrThrow(doc, linksCsv(['Exode des jeunes,Insécurité,+']), { title: GROUP });
    const exode = proposal(plan, 'Exode des jeunes');
    // "Chômage des jeunes" may be proposed as near: unanswered, it is added as new all the same.
    expect(['new', 'near']).toContain(exode.kind);
    applied(doc, plan, withFactor(NO_DECISIONS, exode.id, { to: null, label: 'Exode des jeunes vers les villes' }));
    expect(factorSources(doc, 'Exode des jeunes vers les villes')).toEqual([{ map: GROUP, label: 'Exode des jeunes', added: true }]);
  });
});
