import { describe, expect, it } from 'vitest';
import { mapLink, parseMapLocation } from '../../src/sync';

describe('parseMapLocation', () => {
  it('reads the map id and the right from an edit or a view link', () => {
    expect(parseMapLocation({ pathname: '/m/abc_DEF-123', hash: '#edit=tok_EN-1' }))
      .toEqual({ mapId: 'abc_DEF-123', token: 'tok_EN-1', access: 'edit' });
    expect(parseMapLocation({ pathname: '/m/abc/', hash: '#view=v1' }))
      .toEqual({ mapId: 'abc', token: 'v1', access: 'view' });
  });

  it('prefers edit when a link carries both', () => {
    expect(parseMapLocation({ pathname: '/m/abc', hash: '#view=v&edit=e' })).toMatchObject({ access: 'edit', token: 'e' });
  });

  it('refuses links without a usable token or outside /m/<id>', () => {
    for (const loc of [
      { pathname: '/m/abc', hash: '' },
      { pathname: '/m/abc', hash: '#edit=' },
      { pathname: '/m/abc', hash: '#edit=a b' },
      { pathname: '/m/abc', hash: '#owner=x' },
      { pathname: '/', hash: '#edit=x' },
      { pathname: '/m/a/b', hash: '#edit=x' },
      { pathname: '/m/a.b', hash: '#edit=x' },
    ]) expect(parseMapLocation(loc)).toBeNull();
  });

  it('builds links that parse back', () => {
    const link = new URL(mapLink('http://192.168.1.10:8080/', 'id1', 'view', 'tok'));
    expect(link.href).toBe('http://192.168.1.10:8080/m/id1#view=tok');
    expect(parseMapLocation(link)).toEqual({ mapId: 'id1', token: 'tok', access: 'view' });
  });
});
