import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addFactor, addLink, createMapDoc, createUndoManager } from '../../../src/model';
import { exportJsonText, importIntoDoc, type ParsedMap } from '../../../src/model/io';
import {
  applyMerge, decideConflicts, mergeMessage, NO_DECISIONS, planMerge, previewMerge,
} from '../../../src/model/merge';
import { fixture } from '../io/helpers';
import { contentOf, counts, linksCsv, maliDoc, parsedFile, planOrThrow } from './helpers';

function parsed(factors: { key: string; label: string }[], links: ParsedMap['links'] = []): ParsedMap {
  return {
    format: 'json', meta: {}, factors, links, keepIds: true, matchByLabel: false, themeIsName: false,
    sections: {}, warnings: [],
  };
}

describe('merging bad or unusual mini-maps', () => {
  it('refuses a mini-map whose labels are all empty or punctuation, in both languages', () => {
    const doc = maliDoc();
    const r = planMerge(doc, parsed([{ key: 'a', label: '' }, { key: 'b', label: ' ? ' }, { key: 'c', label: '—' }]), { title: 'G' });
    expect(r).toMatchObject({ ok: false, errors: [{ code: 'merge.noLabels', params: { count: 3 } }] });
    if (r.ok) return;
    expect(mergeMessage(r.errors[0]!, 'fr')).toBe(
      "aucun des 3 facteurs de la mini-carte n'a un nom comparable (tous vides ou faits de ponctuation) : rien à fusionner",
    );
  });

  it('adds the unnamed factors of a mini-map as new ones, and says so', () => {
    const doc = maliDoc();
    const plan = planOrThrow(doc, parsed([{ key: 'a', label: '?' }, { key: 'b', label: 'Insécurité' }]), { title: 'G' });
    expect(plan.factors.map((p) => p.kind)).toEqual(['new', 'same']);
    expect(plan.notices.map((n) => n.code)).toEqual(['merge.unnamed']);
  });

  it('refuses an empty mini-map and one without a title', () => {
    const doc = maliDoc();
    expect(planMerge(doc, parsed([]), { title: 'G' })).toMatchObject({ ok: false, errors: [{ code: 'merge.empty' }] });
    expect(planMerge(doc, linksCsv(['A,B,+']), { title: '   ' })).toMatchObject({ ok: false, errors: [{ code: 'merge.noTitle' }] });
  });

  it('refuses to merge a map into itself', () => {
    const doc = maliDoc();
    const r = planMerge(doc, linksCsv(['A,B,+']), { title: 'Mali', sourceMapId: 'abc', targetMapId: 'abc' });
    expect(r).toMatchObject({ ok: false, errors: [{ code: 'merge.self' }] });
  });

  it('refuses a Trame file of this very map (its export), but not a file that only shares its words', () => {
    const doc = maliDoc();
    const own = parsedFile('mali.json', exportJsonText(doc));
    expect(planMerge(doc, own, { title: 'Moi' })).toMatchObject({ ok: false, errors: [{ code: 'merge.self' }] });
    const words = parsed(own.factors.map((f, i) => ({ key: `other-${i}`, label: f.label })));
    expect(planMerge(doc, words, { title: 'Autre' }).ok).toBe(true);
  });

  it('finds everything matched and nothing to add in a mini-map identical to the map', () => {
    const doc = maliDoc();
    const before = contentOf(doc);
    const same = parsedFile('mali.csv', fixture('mali-centre-links.csv'));
    const plan = planOrThrow(doc, same, { title: 'Copie' });
    expect(plan.factors.every((p) => p.kind === 'same')).toBe(true);
    const preview = previewMerge(doc, plan, NO_DECISIONS);
    expect(preview.identical).toBe(true);
    expect(preview.notices.map((n) => n.code)).toContain('merge.identical');
    expect(preview.counts).toMatchObject({ matched: 30, added: 0, linksMatched: 55, linksAdded: 0, conflicts: 0 });
    const r = applyMerge(doc, plan, NO_DECISIONS);
    expect(r.ok).toBe(true);
    expect(contentOf(doc)).toEqual(before);
  });

  it('lists many polarity conflicts, writes nothing until each is decided, and can decide them all at once', () => {
    const doc = createMapDoc({ title: 'Méta' });
    const rows: string[] = [];
    for (let i = 0; i < 200; i++) {
      const a = addFactor(doc, { label: `Cause ${i}`, x: 0, y: i * 100 });
      const b = addFactor(doc, { label: `Effet ${i}`, x: 300, y: i * 100 });
      addLink(doc, { source: a, target: b, polarity: '+' });
      rows.push(`cause ${i},effet ${i},-`);
    }
    const plan = planOrThrow(doc, linksCsv(rows), { title: 'G' });
    const preview = previewMerge(doc, plan, NO_DECISIONS);
    expect(preview.conflicts).toHaveLength(200);
    expect(preview.notices.map((n) => n.params)).toContainEqual({ count: 200 });
    const before = Y.encodeStateVector(doc);
    expect(applyMerge(doc, plan, NO_DECISIONS)).toMatchObject({ ok: false, errors: [{ params: { count: 200 } }] });
    expect(Y.encodeStateVector(doc)).toEqual(before);
    const r = applyMerge(doc, plan, decideConflicts(NO_DECISIONS, preview.conflicts, 'undecided'));
    expect(r).toMatchObject({ ok: true, counts: { linksMatched: 200, linksAdded: 0 } });
    const polarities = new Set([...doc.getMap<Y.Map<unknown>>('links').values()].map((m) => m.get('polarity')));
    expect([...polarities]).toEqual(['?']);
  });

  it('merges a 5,000-factor mini-map in one undo step', () => {
    const doc = maliDoc();
    const undo = createUndoManager(doc);
    const rows = Array.from({ length: 4_998 }, (_, i) => `Facteur ${i} du village,Facteur ${i + 1} du village,+`);
    rows.push('Facteur 0 du village,Insécurité,+');
    const mini = linksCsv(rows);
    expect(mini.factors).toHaveLength(5_000);
    const plan = planOrThrow(doc, mini, { title: 'Grand atelier' });
    const r = applyMerge(doc, plan, NO_DECISIONS);
    expect(r).toMatchObject({ ok: true, counts: { matched: 1, added: 4_999, linksAdded: 4_999 } });
    expect(counts(doc)).toEqual({ factors: 5_029, links: 5_054 });
    undo.undo();
    expect(counts(doc)).toEqual({ factors: 30, links: 55 });
  });

  it('matches a 5,000-factor mini-map identical to the map without adding anything', () => {
    const doc = createMapDoc({ title: 'Grand' });
    const rows = Array.from({ length: 4_999 }, (_, i) => `Facteur ${i},Facteur ${i + 1},+`);
    expect(importIntoDoc(doc, linksCsv(rows), { mode: 'new' }).ok).toBe(true);
    const plan = planOrThrow(doc, linksCsv(rows.map((r) => r.toUpperCase())), { title: 'Copie' });
    expect(previewMerge(doc, plan, NO_DECISIONS)).toMatchObject({ identical: true, counts: { matched: 5_000, added: 0 } });
  });
});
