import { describe, expect, it } from 'vitest';
import { mapLink, parseMapLink, parseMapPath, relaySocketUrl } from '../../src/model/location';

describe('map links and the relay socket, one definition each', () => {
  it('reads the link Share gives, absolute or as a path, and nothing else', () => {
    const link = mapLink('https://trame.example.org/', 'abc_DEF-1', 'view', 'tok-1');
    expect(parseMapLink(link)).toEqual({ mapId: 'abc_DEF-1', token: 'tok-1', access: 'view' });
    expect(parseMapLink('  /m/abc/#edit=t  ')).toEqual({ mapId: 'abc', token: 't', access: 'edit' });
    for (const bad of ['', 'https://x.org/m/abc', 'https://x.org/m/a b#edit=t', 'https://x.org/maps/abc#edit=t', 'http://[bad']) {
      expect(parseMapLink(bad)).toBeNull();
    }
    expect(parseMapPath('/m/abc')).toBe('abc');
    expect(parseMapPath('/m/abc/extra')).toBeNull();
  });

  it('gives ws(s)://host/ws for any URL of a relay', () => {
    expect(relaySocketUrl('https://trame.example.org/m/x')).toBe('wss://trame.example.org/ws');
    expect(relaySocketUrl('http://127.0.0.1:8080')).toBe('ws://127.0.0.1:8080/ws');
    expect(relaySocketUrl('ws://relay.local:9000/')).toBe('ws://relay.local:9000/ws');
  });
});
