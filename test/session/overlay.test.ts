import { describe, expect, it } from 'vitest';
import { combine, type Badge } from '../../src/session/slices/overlay';

const set = (...ids: string[]) => new Set(ids);

describe('overlay layers combine', () => {
  it('nothing drawn: no emphasis, nothing hidden', () => {
    expect(combine({})).toMatchObject({ emphasis: null, hidden: new Set(), markers: [] });
  });

  it('emphasis is the intersection of the layers that emphasise; the others leave it alone', () => {
    const c = combine({
      loops: { emphasis: { factors: set('a', 'b', 'c'), links: set('l1', 'l2') } },
      stories: { emphasis: { factors: set('b', 'c', 'd'), links: set('l2', 'l3') } },
      themes: { hidden: set('z') },
    });
    expect(c.emphasis).toEqual({ factors: set('b', 'c'), links: set('l2') });
  });

  it('hidden is the union; badges of several layers are all kept, in layer order', () => {
    const vote: Badge = { text: '● 2', tone: 'vote' };
    const story: Badge = { text: '3', tone: 'story' };
    const c = combine({
      themes: { hidden: set('a') },
      view: { hidden: set('b') },
      votes: { factorBadges: new Map([['f', [vote]]]) },
      stories: { factorBadges: new Map([['f', [story]]]), linkBadges: new Map([['l', [story]]]) },
    });
    expect(c.hidden).toEqual(set('a', 'b'));
    expect(c.factorBadges.get('f')).toEqual([vote, story]);
    expect(c.linkBadges.get('l')).toEqual([story]);
  });

  it('scale: a later layer wins for a factor; markers of every layer are drawn', () => {
    const c = combine({
      keyFactors: { scale: new Map([['a', 2], ['b', 1.5]]) },
      other: { scale: new Map([['a', 1.2]]) },
      loops: { markers: [{ id: 'm1', x: 0, y: 0, text: 'R1' }] },
      votes: { markers: [{ id: 'm2', x: 1, y: 1, text: '● 1' }] },
    });
    expect(c.scale.get('a')).toBe(1.2);
    expect(c.scale.get('b')).toBe(1.5);
    expect(c.markers.map((m) => m.id)).toEqual(['m1', 'm2']);
  });

  it('classes: one layer\'s map as given, several layers\' classes joined for a shared element', () => {
    const compare = { factors: new Map([['a', 'cycles-added']]), links: new Map([['l1', 'cycles-removed']]) };
    expect(combine({}).factorClasses.size).toBe(0);
    const one = combine({ compare: { classes: compare } });
    expect(one.factorClasses).toBe(compare.factors);
    expect(one.linkClasses.get('l1')).toBe('cycles-removed');
    const two = combine({ compare: { classes: compare }, merge: { classes: { factors: new Map([['a', 'status-here'], ['b', 'status-both']]) } } });
    expect(two.factorClasses.get('a')).toBe('cycles-added status-here');
    expect(two.factorClasses.get('b')).toBe('status-both');
    expect(two.linkClasses.get('l1')).toBe('cycles-removed');
  });
});
