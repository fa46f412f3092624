import { describe, expect, it } from 'vitest';
import { forgetMap, listRememberedMaps, rememberMap, type MapStorage } from '../../src/sync';

function memoryStorage(initial: Record<string, string> = {}): MapStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
  };
}

describe('remembered maps', () => {
  it('lists opened maps, most recent first', () => {
    const s = memoryStorage();
    rememberMap({ id: 'a', title: 'Mopti', access: 'edit', token: 'ea' }, s, 1);
    rememberMap({ id: 'b', title: 'Ségou', access: 'view', token: 'vb' }, s, 2);
    expect(listRememberedMaps(s)).toEqual([
      { id: 'b', title: 'Ségou', viewToken: 'vb', lastOpened: 2 },
      { id: 'a', title: 'Mopti', editToken: 'ea', lastOpened: 1 },
    ]);
  });

  it('reopening updates the entry and a view link keeps an earlier edit token', () => {
    const s = memoryStorage();
    rememberMap({ id: 'a', title: 'Ancien', access: 'edit', token: 'ea' }, s, 1);
    rememberMap({ id: 'a', title: 'Nouveau', access: 'view', token: 'va' }, s, 5);
    expect(listRememberedMaps(s)).toEqual([{ id: 'a', title: 'Nouveau', editToken: 'ea', viewToken: 'va', lastOpened: 5 }]);
  });

  it('forgets a map', () => {
    const s = memoryStorage();
    rememberMap({ id: 'a', title: 'A', access: 'edit', token: 'ea' }, s, 1);
    rememberMap({ id: 'b', title: 'B', access: 'edit', token: 'eb' }, s, 2);
    forgetMap('a', s);
    expect(listRememberedMaps(s).map((m) => m.id)).toEqual(['b']);
  });

  it('skips damaged entries and survives damaged storage', () => {
    const good = { id: 'a', title: 'A', editToken: 'e', lastOpened: 1 };
    const s = memoryStorage({
      'trame.rememberedMaps': JSON.stringify([good, { id: 3 }, null, 'x', { id: 'b', title: 'B', lastOpened: 2 }]),
    });
    expect(listRememberedMaps(s)).toEqual([good]);
    expect(listRememberedMaps(memoryStorage({ 'trame.rememberedMaps': '{oops' }))).toEqual([]);
    const throwing: MapStorage = {
      getItem: () => '[]',
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => rememberMap({ id: 'a', title: 'A', access: 'edit', token: 'e' }, throwing)).not.toThrow();
  });
});
