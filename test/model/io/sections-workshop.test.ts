import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addFactor, addLink, createMapDoc, readSnapshot } from '../../../src/model';
import { citationsOf, citeStory, readCitations } from '../../../src/model/citations';
import { addAction, createGroup, readGroups } from '../../../src/model/groups';
import { exportJson, exportJsonText, importIntoDoc, parseJson } from '../../../src/model/io';
import { addStory, readStories } from '../../../src/model/stories';
import { addView, readViews } from '../../../src/model/views';
import { closeRound, openRound, placeDot, readRounds, results } from '../../../src/model/votes';
import { parsedOrThrow } from './helpers';

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function workshopDoc() {
  const doc = createMapDoc({ title: 'Mopti' });
  const a = addFactor(doc, { label: 'Vol de bétail', x: 0, y: 0 });
  const b = addFactor(doc, { label: 'Représailles', x: 200, y: 0 });
  const ab = addLink(doc, { source: a, target: b });
  addLink(doc, { source: b, target: a, polarity: '-' });
  const loop = [a, b].sort().join('>');
  const r1 = addStory(doc, { code: 'R-1', summary: 'Un récit', tags: ['bétail'] });
  addStory(doc, { code: 'R-2' });
  citeStory(doc, r1, { kind: 'factor', id: a });
  citeStory(doc, r1, { kind: 'link', id: ab });
  addView(doc, { title: 'Début', factors: [a], viewport: { x: 1, y: 2, zoom: 0.5 } });
  addView(doc, { title: 'La boucle', loop });
  const open = openRound(doc, { title: 'Priorités', dotsPerPerson: 2, openedBy: 'fac', now: 100 });
  placeDot(doc, open, 'ana', { kind: 'factor', id: a });
  placeDot(doc, open, 'ben', { kind: 'loop', id: loop });
  const closed = openRound(doc, { title: 'Tour 1', dotsPerPerson: 1, openedBy: 'fac', now: 50 });
  placeDot(doc, closed, 'ana', { kind: 'factor', id: b });
  const offline = new Y.Doc();
  sync(doc, offline);
  closeRound(doc, closed, { closedBy: 'fac', now: 200 });
  placeDot(offline, closed, 'ben', { kind: 'factor', id: a });
  sync(doc, offline);
  const g = createGroup(doc, { name: 'GRA eau', members: 'Awa', origin: { kind: 'loop', id: loop }, now: 10 });
  addAction(doc, g, { text: 'Réunion', owner: 'Awa', status: 'doing', due: '2025-05-01', now: 11 });
  return { doc, a, b, ab, loop, r1, closed };
}

const importNew = (json: string) => {
  const copy = new Y.Doc();
  const r = importIntoDoc(copy, parsedOrThrow(parseJson(json)), { mode: 'new' });
  expect(r.ok).toBe(true);
  return copy;
};

describe('workshop sections of the JSON format', () => {
  it('exports stories with their citations, views, votes and groups', () => {
    const { doc, a, ab } = workshopDoc();
    const json = exportJson(doc);
    expect(json.stories).toEqual([
      { id: expect.any(String), code: 'R-1', summary: 'Un récit', tags: ['bétail'], citedOn: { factors: [a], links: [ab] } },
      { id: expect.any(String), code: 'R-2' },
    ]);
    expect((json.views as unknown[]).length).toBe(2);
    // Oldest round first: the closed one keeps its late dot in the file, beside its result.
    const votes = json.votes as { title: string; dots: unknown[]; result?: { dots: number } }[];
    expect(votes.map((r) => [r.title, r.dots.length, r.result?.dots])).toEqual([['Tour 1', 2, 1], ['Priorités', 2, undefined]]);
    expect(json.groups).toMatchObject([{ name: 'GRA eau', actions: [{ text: 'Réunion', status: 'doing' }] }]);
  });

  it('a map exported and imported as a new map exports the same, ids included', () => {
    const { doc, closed } = workshopDoc();
    const copy = importNew(exportJsonText(doc));
    expect(exportJson(copy)).toEqual(exportJson(doc));
    expect(results(copy, closed)).toEqual(results(doc, closed));
    expect(results(copy, closed)?.dots).toBe(1);
  });

  it('merging into an open map gives fresh ids and follows them in every reference', () => {
    const { doc, loop } = workshopDoc();
    const target = createMapDoc();
    const existing = addStory(target, { code: 'r-1', summary: 'déjà là' });
    const r = importIntoDoc(target, parsedOrThrow(parseJson(exportJsonText(doc))), { mode: 'merge' });
    if (!r.ok) throw new Error('merge refused');
    const snap = readSnapshot(target);
    const byLabel = (label: string) => snap.factors.find((f) => f.label === label)!.id;
    const a2 = byLabel('Vol de bétail');
    const b2 = byLabel('Représailles');
    const loop2 = [a2, b2].sort().join('>');
    expect(loop2).not.toBe(loop);

    const stories = readStories(target);
    expect(stories.map((s) => s.code)).toEqual(['r-1', 'R-2']);
    const index = readCitations(target, snap, stories);
    expect(citationsOf(index, { kind: 'factor', id: a2 })).toEqual([existing]);

    const views = readViews(target);
    expect(views.map((v) => [v.title, v.factors, v.loop])).toEqual([['Début', [a2], null], ['La boucle', null, loop2]]);

    const rounds = readRounds(target);
    expect(rounds.map((x) => x.title)).toEqual(['Tour 1', 'Priorités']);
    expect(results(target, rounds[1]!.id)?.counts.map((c) => c.target)).toEqual([
      { kind: 'factor', id: a2 }, { kind: 'loop', id: loop2 },
    ].sort((p, q) => (p.kind < q.kind ? -1 : 1)));
    expect(results(target, rounds[0]!.id)).toMatchObject({
      closed: true, counts: [{ target: { kind: 'factor', id: b2 }, count: 1 }],
    });
    expect(readGroups(target)[0]?.origin).toEqual({ kind: 'loop', id: loop2 });
  });

  it('refuses a malformed section, naming where', () => {
    const { doc } = workshopDoc();
    const json = exportJson(doc);
    (json.stories as Record<string, unknown>[])[1]!.code = '  ';
    (json.groups as Record<string, unknown>[])[0]!.actions = [{ id: 'x', text: 'ok', due: 'demain' }];
    (json.votes as Record<string, unknown>[])[0]!.dotsPerPerson = 99;
    const r = parseJson(JSON.stringify(json));
    if (r.ok) throw new Error('expected errors');
    const where = r.errors.map((e) => e.where);
    expect(where).toEqual(expect.arrayContaining(['stories[1].code', 'groups[0].actions[0].due', 'votes[0].dotsPerPerson']));
  });

  it('refuses a citation of a factor the file does not have, and a code used twice', () => {
    const { doc } = workshopDoc();
    const json = exportJson(doc);
    const stories = json.stories as Record<string, unknown>[];
    stories[0]!.citedOn = { factors: ['nope'] };
    stories[1]!.code = 'R-1';
    const r = parseJson(JSON.stringify(json));
    if (r.ok) throw new Error('expected errors');
    expect(r.errors.map((e) => e.message).join('\n')).toMatch(/no factor has the id 'nope'[\s\S]*already used/);
  });
});
