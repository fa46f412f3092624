import { describe, expect, it } from 'vitest';
import { pickerList } from '../../../../src/features/workshop/loops/pickerList';
import type { Loop } from '../../../../src/model/analysis';
import type { Factor, Link, LoopNote } from '../../../../src/model';

const labels: Record<string, string> = { a: 'Sécheresse', b: 'Exode', c: 'Conflits', d: 'Sécurité alimentaire' };
const factorById = new Map(Object.entries(labels).map(([id, label]) => [id, { id, label, x: 0, y: 0 } as Factor]));
const pairs = [['a', 'b'], ['b', 'a'], ['b', 'c'], ['c', 'b'], ['c', 'd'], ['d', 'c'], ['a', 'd'], ['d', 'a']];
const links = pairs.map(([s, t], i) => ({ id: `l${i}`, source: s, target: t, polarity: '+' }) as Link);
const snap = { factorById, links };
const loop = (...factors: string[]): Loop => ({ id: factors.join('>'), factors, links: [], kind: 'reinforcing' });
const loops = [loop('a', 'b'), loop('b', 'c'), loop('c', 'd'), loop('a', 'd')];
const opts = { value: null, selected: [], query: '', max: 60 };

describe('what a loop picker lists', () => {
  it('named loops first by name, key dynamics before them, then the others shortest first', () => {
    const notes = new Map<string, LoopNote>([
      ['c>d', { loopId: 'c>d', name: 'Zone de conflit' }],
      ['a>d', { loopId: 'a>d', name: 'Faim', key: true }],
      ['b>c', { loopId: 'b>c', name: 'Cercle des départs' }],
    ]);
    const { listed } = pickerList(loops, notes, snap, opts);
    expect(listed.map((e) => e.name ?? e.id)).toEqual(['Faim', 'Cercle des départs', 'Zone de conflit', 'a>b']);
  });

  it('finds a loop by its name or its factors, without accents or case', () => {
    const notes = new Map<string, LoopNote>([['b>c', { loopId: 'b>c', name: 'Piège de l’exode' }]]);
    expect(pickerList(loops, notes, snap, { ...opts, query: 'PIEGE' }).listed.map((e) => e.id)).toEqual(['b>c']);
    expect(pickerList(loops, notes, snap, { ...opts, query: 'securite secheresse' }).listed.map((e) => e.id)).toEqual(['a>d']);
    expect(pickerList(loops, notes, snap, { ...opts, query: 'rien' }).listed).toEqual([]);
  });

  it('lists a named loop the search did not reach, if the map still has it; never a stale one', () => {
    const notes = new Map<string, LoopNote>([
      ['a>b>c>d', { loopId: 'a>b>c>d', name: 'Le grand tour' }],
      ['a>c', { loopId: 'a>c', name: 'Disparue' }],
    ]);
    const { listed } = pickerList([loop('a', 'b')], notes, snap, opts);
    expect(listed.map((e) => e.name ?? e.id)).toEqual(['Le grand tour', 'a>b']);
  });

  it('keeps the chosen loop first, narrows to the selected factors, and counts what it leaves out', () => {
    const chosen = pickerList(loops, new Map(), snap, { ...opts, value: 'c>d', selected: ['a'] });
    expect(chosen.listed.map((e) => e.id)).toEqual(['c>d', 'a>b', 'a>d']);
    const few = pickerList(loops, new Map(), snap, { ...opts, max: 1 });
    expect(few.listed).toHaveLength(1);
    expect(few.more).toBe(3);
  });
});
