import { describe, expect, it } from 'vitest';
import {
  consensusOf, contestedLinks, factorConsensus, groupCount, linksDrawnByAtLeast, mergeUnattended, readMetaState,
} from '../../../src/model/merge';
import { factorByLabel, linkBetween, linksCsv, maliDoc } from './helpers';

function threeGroups() {
  const doc = maliDoc();
  for (const [title, rows] of [
    ['Groupe 1', ['Insécurité,Vols de bétail,+', 'Corruption,Justice coutumière,-']],
    ['Groupe 2', ['insecurite,Vols de bétail,+', 'Corruption,Justice coutumière,+']],
    ['Groupe 10', ["L'insécurité,Fermeture des écoles,+"]],
  ] as const) {
    const r = mergeUnattended(doc, linksCsv(rows), { title });
    if (!r.ok) throw new Error(r.errors[0]!.message);
  }
  return doc;
}

describe('the consensus of the groups', () => {
  it('counts the groups that drew each factor and link, and lists the groups', () => {
    const doc = threeGroups();
    const c = consensusOf(readMetaState(doc));
    expect(c.groups).toEqual(['Groupe 1', 'Groupe 2', 'Groupe 10']);
    const insecurity = factorByLabel(doc, 'Insécurité').id;
    expect(groupCount(c, 'factor', insecurity)).toBe(3);
    expect(c.factors.get(insecurity)!.map((s) => s.label)).toEqual(['Insécurité', 'insecurite', "L'insécurité"]);
    expect(groupCount(c, 'factor', factorByLabel(doc, 'Aide humanitaire').id)).toBe(0);
    expect(factorConsensus(c).get(insecurity)).toBe(1);
  });

  it('keeps the links drawn by at least N groups, and finds those the groups disagree on', () => {
    const doc = threeGroups();
    const c = consensusOf(readMetaState(doc));
    const all = readMetaState(doc).snap.links.map((l) => l.id);
    const twice = linksDrawnByAtLeast(c, all, 2);
    expect([...twice].sort()).toEqual([
      linkBetween(doc, 'Corruption', 'Justice coutumière').id, linkBetween(doc, 'Insécurité', 'Vols de bétail').id,
    ].sort());
    expect(linksDrawnByAtLeast(c, all, 0).size).toBe(all.length);
    expect([...contestedLinks(c)]).toEqual([linkBetween(doc, 'Corruption', 'Justice coutumière').id]);
  });
});
