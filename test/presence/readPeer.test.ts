import { describe, expect, it } from 'vitest';
import { readPeer } from '../../src/presence/readPeer';

describe('readPeer: a peer may publish anything', () => {
  it('reads a well-formed peer', () => {
    const p = readPeer(7, {
      user: { name: 'Awa', color: '#d32f2f' }, cursor: { x: 10, y: -4 }, selection: ['f1', 'f2'],
      drag: { f1: { x: 1, y: 2 } }, viewport: { x: 5, y: 6, zoom: 1.5 }, leading: true,
      screen: { width: 1280, height: 720 }, showing: 'v1',
    });
    expect(p).toEqual({
      clientId: 7, name: 'Awa', color: '#d32f2f', cursor: { x: 10, y: -4 }, selection: ['f1', 'f2'],
      drag: { f1: { x: 1, y: 2 } }, viewport: { x: 5, y: 6, zoom: 1.5 }, leading: true,
      screen: { width: 1280, height: 720 }, showing: 'v1',
    });
  });

  it('reads the device id votes name their opener by, and only a plain one', () => {
    expect(readPeer(3, { user: { id: '3f9a0c1d2e4b5a67', name: 'Aminata', color: '#d32f2f' } })?.userId).toBe('3f9a0c1d2e4b5a67');
    expect(readPeer(3, { user: { id: '<b>x</b>', name: 'Aminata', color: '#d32f2f' } })?.userId).toBeUndefined();
    expect(readPeer(3, { user: { id: 42, name: 'Aminata', color: '#d32f2f' } })?.userId).toBeUndefined();
  });

  it('skips a client with no user (not yet named, or another program)', () => {
    expect(readPeer(1, {})).toBeNull();
    expect(readPeer(1, { user: 'Awa' })).toBeNull();
    expect(readPeer(1, { user: null })).toBeNull();
  });

  it('keeps what is valid and drops the rest, field by field', () => {
    const p = readPeer(2, {
      user: { name: 'x'.repeat(500), color: 'red; background: url(evil)' },
      cursor: { x: 'left', y: 3 },
      selection: ['ok', 42, null, { id: 'f' }],
      drag: { a: { x: 1, y: 2 }, b: { x: NaN, y: 0 }, c: 'here' },
      viewport: { x: 0, y: 0, zoom: 0 },
      leading: 'yes',
      screen: { width: -5, height: 100 },
      showing: 'v'.repeat(65),
    });
    expect(p).toMatchObject({
      name: 'x'.repeat(40), color: '#607d8b', cursor: null, selection: ['ok'], drag: { a: { x: 1, y: 2 } },
      viewport: null, leading: false, screen: null, showing: null,
    });
  });

  it('bounds what a peer can make this client hold', () => {
    const selection = Array.from({ length: 10_000 }, (_, i) => `f${i}`);
    const drag = Object.fromEntries(selection.map((id) => [id, { x: 0, y: 0 }]));
    const p = readPeer(3, { user: { name: 'Bakary', color: '#303f9f' }, selection, drag });
    expect(p?.selection).toHaveLength(500);
    expect(Object.keys(p?.drag ?? {})).toHaveLength(500);
  });

  it('never throws, whatever the shape', () => {
    for (const state of [{ user: { name: 1, color: 2 } }, { user: {}, drag: null, viewport: 'big' }, { user: [], selection: 'f1' }]) {
      expect(() => readPeer(4, state as Record<string, unknown>)).not.toThrow();
    }
    expect(readPeer(4, { user: { name: 1, color: 2 } })).toMatchObject({ name: '', color: '#607d8b' });
  });
});
