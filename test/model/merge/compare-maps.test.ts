import { describe, expect, it } from 'vitest';
import { createMapDoc } from '../../../src/model';
import { mapStateOf } from '../../../src/model/compare';
import { findLoops } from '../../../src/model/analysis';
import { importIntoDoc, parseCsv } from '../../../src/model/io';
import {
  compareWithMap, comparisonCsv, comparisonOverlay, comparisonRows, normaliseLabel, tableWords,
} from '../../../src/model/merge';
import { maliDoc, miniMap } from './helpers';

function parseCsvOrThrow(text: string) {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(r.errors[0]!.message);
  return r.map;
}

function youthMap() {
  const doc = createMapDoc({ title: 'Jeunes' });
  if (!importIntoDoc(doc, miniMap('groupe-jeunes.csv'), { mode: 'new' }).ok) throw new Error('import');
  return mapStateOf(doc);
}

describe('comparing two maps', () => {
  it('finds factors and links in both, only here and only there, with the merge\'s matching', () => {
    const c = compareWithMap(mapStateOf(maliDoc()), youthMap());
    const o = comparisonOverlay(c);
    // Of the 14 factors of the youth map, 9 are in Mali after normalisation. "Groupes armés
    // non étatiques" is only a near match, offered, not taken; the group wrote "Recrutement des
    // jeunes par les groupes armés" twice, with and without accents, and pairs are one to one.
    expect(o.counts.both.factors).toBe(9);
    expect(o.counts.here.factors).toBe(21);
    expect(o.factors.filter((f) => f.presence === 'there').map((f) => f.label).sort()).toEqual([
      'Groupes armés non étatiques', "Migration vers les villes et l'étranger", 'Orpaillage artisanal',
      'Recrutement des jeunes par les groupes armés', 'Réseaux sociaux et rumeurs',
    ]);
    expect(o.factors.find((f) => f.label === 'Chômage des jeunes')).toMatchObject({ presence: 'both', labelThere: 'Chomage des jeunes' });
    expect(c.matching.near.map((n) => n.score)).not.toEqual([]);
    const conflict = o.links.find((l) => l.presence === 'both' && l.polarityThere !== undefined)!;
    expect(conflict).toMatchObject({ polarity: '-', polarityThere: '+' });
  });

  it('takes a confirmed near pair as the same factor', () => {
    const confirmed = [[normaliseLabel('Groupes armés non étatiques'), normaliseLabel('Groupes armés')] as const];
    const o = comparisonOverlay(compareWithMap(mapStateOf(maliDoc()), youthMap(), { confirmed }));
    expect(o.counts.both.factors).toBe(10);
    expect(o.counts.there.factors).toBe(4);
    expect(o.factors.find((f) => f.label === 'Groupes armés')).toMatchObject({ presence: 'both', labelThere: 'Groupes armés non étatiques' });
  });

  it('places what only the other map has next to its neighbours here, on a free spot', () => {
    const here = mapStateOf(maliDoc());
    const o = comparisonOverlay(compareWithMap(here, youthMap()));
    const gold = o.factors.find((f) => f.label === 'Orpaillage artisanal')!;
    const unemployment = here.factors.find((f) => f.label === 'Chômage des jeunes')!;
    expect(Math.hypot(gold.position.x - unemployment.x, gold.position.y - unemployment.y)).toBeLessThan(600);
    expect(o.factors.filter((f) => f.position.x === gold.position.x && f.position.y === gold.position.y)).toHaveLength(1);
  });

  it('lists the loops one map has and the other not', () => {
    const here = mapStateOf(maliDoc());
    const c = compareWithMap(here, youthMap());
    const rows = comparisonRows(c);
    const loops = rows.filter((r) => r.kind === 'loop');
    // The youth group drew no loop: every loop of the Mali map is "only here".
    expect(findLoops(here).loops.length).toBeGreaterThan(0);
    expect(loops.filter((r) => r.presence === 'here')).toHaveLength(findLoops(here).loops.length);
    expect(loops.filter((r) => r.presence === 'there')).toEqual([]);
    const first = loops[0]!.here.split(' → ');
    expect(first[0]).toBe(first[first.length - 1]);
    // With the group's links added to it, a loop the group closes is "only there".
    const closing = createMapDoc({ title: 'Boucle' });
    const closed = parseCsvOrThrow('cause,effect,polarity\nChômage des jeunes,Orpaillage artisanal,+\nOrpaillage artisanal,Chômage des jeunes,+\n');
    importIntoDoc(closing, closed, { mode: 'new' });
    const loopRows = comparisonRows(compareWithMap(here, mapStateOf(closing))).filter((r) => r.kind === 'loop' && r.presence === 'there');
    // A loop is written from its factor with the smallest id, which is random: either way round.
    expect(loopRows).toHaveLength(1);
    expect(loopRows[0]!.there.split(' → ').slice(0, 2).sort()).toEqual(['Chômage des jeunes', 'Orpaillage artisanal']);
  });

  it('exports the table to CSV, in French, with the two maps\' titles', () => {
    const c = compareWithMap(mapStateOf(maliDoc()), youthMap());
    const csv = comparisonCsv(comparisonRows(c), tableWords('fr', 'Mali centre', 'Jeunes'));
    const parsed = csv.split('\r\n');
    expect(parsed[0]).toBe('élément,présent dans,Mali centre,Jeunes,polarité (Mali centre),polarité (Jeunes),type de boucle');
    expect(parsed).toContain('facteur,Jeunes seulement,,Orpaillage artisanal,,,');
    expect(parsed).toContain('lien,les deux,Déploiement militaire → Insécurité,Déploiement militaire → Insécurité,-,+,');
    expect(parsed.filter((l) => l.startsWith('boucle,')).length).toBeGreaterThan(0);
  });
});
