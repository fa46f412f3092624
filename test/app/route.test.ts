import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../src/app/route';

const at = (pathname: string, hash = '') => parseRoute({ pathname, hash });

describe('the page a location opens', () => {
  it('a map link with its rights', () => {
    expect(at('/m/abc_DEF-123', '#edit=tok_en-1')).toEqual({ name: 'map', mapId: 'abc_DEF-123', token: 'tok_en-1', access: 'edit' });
    expect(at('/m/abc/', '#view=v1')).toEqual({ name: 'map', mapId: 'abc', token: 'v1', access: 'view' });
  });

  it('a map kept on this device only: its path, no token', () => {
    expect(at('/m/local1')).toEqual({ name: 'map', mapId: 'local1', token: null, access: 'edit' });
    // A token that is not one is not taken for one: the path alone is a device map.
    expect(at('/m/local1', '#edit=')).toEqual({ name: 'map', mapId: 'local1', token: null, access: 'edit' });
    expect(at('/m/local1', '#edit=has space')).toEqual({ name: 'map', mapId: 'local1', token: null, access: 'edit' });
  });

  it('home for anything else', () => {
    for (const p of ['/', '/m/', '/m/a/b', '/m/../etc', `/m/${'x'.repeat(65)}`, '/maps/abc', '/m/a%20b']) {
      expect(at(p, '#edit=t'), p).toEqual({ name: 'home' });
    }
  });
});
