import { describe, expect, it } from 'vitest';
import { matchFactors, normaliseLabel } from '../../../src/model/merge';

const here = [
  { id: 'h1', label: 'Insécurité' },
  { id: 'h2', label: 'Pauvreté des ménages' },
  { id: 'h3', label: 'Accès à la terre' },
  { id: 'h4', label: 'Corruption' },
];
const there = [
  { id: 't1', label: "l'insecurite" },
  { id: 't2', label: 'Pauvreté des ménages ruraux' },
  { id: 't3', label: "Accès à l'eau" },
  { id: 't4', label: 'Orpaillage' },
];

describe('matching the factors of two maps', () => {
  it('pairs labels equal after normalisation and offers near ones, without pairing them', () => {
    const m = matchFactors(here, there);
    expect([...m.pairs]).toEqual([['h1', 't1']]);
    expect(m.how.get('h1')).toBe('same');
    expect(m.near.map((n) => [n.left, n.right])).toEqual([['h2', 't2'], ['h3', 't3']]);
    expect(m.near[0]!.score).toBeGreaterThan(m.near[1]!.score);
  });

  it('pairs what a person confirmed, remembered by normalised labels', () => {
    const m = matchFactors(here, there, [[normaliseLabel('Pauvreté des ménages'), normaliseLabel('pauvreté des ménages ruraux')]]);
    expect(m.pairs.get('h2')).toBe('t2');
    expect(m.how.get('h2')).toBe('confirmed');
    expect(m.near.map((n) => n.left)).toEqual(['h3']);
  });

  it('pairs one to one: of two factors spelt the same, the second stays unmatched', () => {
    const m = matchFactors([{ id: 'a', label: 'Insécurité' }, { id: 'b', label: 'insecurite' }], [{ id: 'x', label: 'INSECURITE' }]);
    expect([...m.pairs]).toEqual([['a', 'x']]);
  });
});
