import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addFactor, readSnapshot, renameFactor } from '../../src/model';
import { readUpstreamConfig, UpstreamConfigError } from '../../server/upstream';
import {
  connectClient, createMap, destroyAll, makeTempDir, startRelay, waitFor, whenSynced, type RelayProcess,
} from '../helpers/relay';

const quiet = () => undefined;
const labels = (doc: Y.Doc) => readSnapshot(doc, quiet).factors.map((f) => f.label).sort();
const state = (doc: Y.Doc) => {
  const s = readSnapshot(doc, quiet);
  return JSON.stringify({
    title: s.meta.title,
    factors: [...s.factors].sort((a, b) => a.id.localeCompare(b.id)),
    links: [...s.links].sort((a, b) => a.id.localeCompare(b.id)),
  });
};

const ID = 'AAAAAAAAAAAAAAAAAAAAAA';
const UP = 'BBBBBBBBBBBBBBBBBBBBBB';
const TOKEN = 'tttttttttttttttttttttttttttttttttttttttttttt';

describe('UPSTREAM_MAPS', () => {
  it('takes origin, map and token from an absolute edit link', () => {
    expect(readUpstreamConfig({ UPSTREAM_MAPS: `${ID}=https://central.example/m/${UP}#edit=${TOKEN}` })).toEqual([
      { localId: ID, origin: 'https://central.example', upstreamId: UP, token: TOKEN },
    ]);
  });

  it('resolves relative links against UPSTREAM_URL and skips empty entries', () => {
    const two = readUpstreamConfig({
      UPSTREAM_URL: 'wss://central.example:8443/',
      UPSTREAM_MAPS: ` ${ID}=/m/${UP}#edit=${TOKEN} , ,${UP}=/m/${ID}#edit=${TOKEN},`,
    });
    expect(two.map((t) => [t.localId, t.origin, t.upstreamId])).toEqual([
      [ID, 'https://central.example:8443', UP],
      [UP, 'https://central.example:8443', ID],
    ]);
  });

  it('is empty when nothing is configured', () => {
    expect(readUpstreamConfig({})).toEqual([]);
    expect(readUpstreamConfig({ UPSTREAM_URL: 'https://central.example' })).toEqual([]);
  });

  it.each([
    ['an entry without "="', { UPSTREAM_MAPS: `${ID}` }, /entry 1: expected <local map id>=<upstream edit link>/],
    ['a local id that is not a map id', { UPSTREAM_MAPS: `x=https://c.example/m/${UP}#edit=${TOKEN}` }, /entry 1: .*not a map id/],
    ['a relative link without UPSTREAM_URL', { UPSTREAM_MAPS: `${ID}=/m/${UP}#edit=${TOKEN}` }, /relative link needs UPSTREAM_URL/],
    ['a view link', { UPSTREAM_MAPS: `${ID}=https://c.example/m/${UP}#view=${TOKEN}` }, /view link; forwarding needs the edit link/],
    ['a link that is not a map link', { UPSTREAM_MAPS: `${ID}=https://c.example/maps/${UP}#edit=${TOKEN}` }, /not a map link/],
    ['a link in another scheme', { UPSTREAM_MAPS: `${ID}=ftp://c.example/m/${UP}#edit=${TOKEN}` }, /must start with http/],
    ['a link to another relay than UPSTREAM_URL', { UPSTREAM_URL: 'https://a.example', UPSTREAM_MAPS: `${ID}=https://b.example/m/${UP}#edit=${TOKEN}` }, /not to UPSTREAM_URL/],
    ['an UPSTREAM_URL that is not a URL', { UPSTREAM_URL: 'central', UPSTREAM_MAPS: '' }, /UPSTREAM_URL is not a URL/],
    ['the same local map twice', { UPSTREAM_MAPS: `${ID}=https://c.example/m/${UP}#edit=${TOKEN},${ID}=https://c.example/m/${UP}#edit=${TOKEN}` }, /entry 2: map .* listed twice/],
  ])('refuses %s, naming the entry and never quoting the token', (_what, env, message) => {
    let error: unknown = null;
    try {
      readUpstreamConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UpstreamConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain(TOKEN);
  });
});

describe('carrying a map to an upstream relay', () => {
  const relays: RelayProcess[] = [];
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(relays.map((r) => r.kill('SIGTERM')));
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const start = async (...args: Parameters<typeof startRelay>) => {
    const r = await startRelay(...args);
    relays.push(r);
    return r;
  };

  it('a relay with a wrong UPSTREAM_MAPS does not start, and says which entry is wrong', async () => {
    await expect(start({ env: { UPSTREAM_MAPS: `${ID}=${UP}` } })).rejects.toThrow(/UPSTREAM_MAPS entry 1 \(map \w+\): a relative link/);
  });

  it('edits cross both ways, and what was made while the link was cut arrives after', async () => {
    const upDir = makeTempDir();
    const localDir = makeTempDir();
    dirs.push(upDir, localDir);
    const upstream = await start({ dataDir: upDir });
    const central = await createMap(upstream, 'Carte centrale');

    // The facilitator's laptop: a map made there, then the relay restarted to carry it home.
    const first = await start({ dataDir: localDir });
    const village = await createMap(first, 'Atelier du village');
    await first.kill('SIGTERM');
    const local = await start({
      dataDir: localDir,
      env: { UPSTREAM_MAPS: `${village.id}=${upstream.url}${central.editUrl}` },
    });

    const hall = connectClient(local, village.id, village.editToken);
    const home = connectClient(upstream, central.id, central.editToken);
    await Promise.all([whenSynced(hall), whenSynced(home)]);

    addFactor(hall.doc, { label: 'Sécheresse', x: 0, y: 0 });
    await waitFor(() => labels(home.doc).includes('Sécheresse'), 'village edit upstream');
    const land = addFactor(home.doc, { label: 'Pression foncière', x: 200, y: 0 });
    await waitFor(() => labels(hall.doc).includes('Pression foncière'), 'upstream edit in the village');

    // No one left in the hall: the local room stays loaded and still takes upstream's edits.
    destroyAll(hall);
    addFactor(home.doc, { label: 'Exode rural', x: 0, y: 200 });
    const late = connectClient(local, village.id, village.editToken);
    await whenSynced(late);
    await waitFor(() => labels(late.doc).includes('Exode rural'), 'upstream edit stored while the hall was empty');

    // The link is cut: upstream stops. The village goes on working.
    destroyAll(home);
    await upstream.kill('SIGTERM');
    const offline = addFactor(late.doc, { label: 'Vol de bétail', x: 200, y: 200 });
    renameFactor(late.doc, land, 'Pression foncière accrue');
    // Stored locally: a fresh local client sees them before upstream comes back.
    const witness = connectClient(local, village.id, village.editToken);
    await whenSynced(witness);
    await waitFor(() => labels(witness.doc).includes('Vol de bétail'), 'offline edit stored locally');

    const back = await start({ dataDir: upDir, port: upstream.port });
    const again = connectClient(back, central.id, central.editToken);
    await whenSynced(again);
    await waitFor(() => labels(again.doc).includes('Vol de bétail')
      && labels(again.doc).includes('Pression foncière accrue'), 'offline edits upstream after the link returns');
    await waitFor(() => state(again.doc) === state(late.doc), 'both sides converge');
    expect(readSnapshot(again.doc, quiet).factors.find((f) => f.id === offline)?.label).toBe('Vol de bétail');
    expect(labels(again.doc)).toEqual(['Exode rural', 'Pression foncière accrue', 'Sécheresse', 'Vol de bétail']);

    destroyAll(late, witness, again);
    expect(local.output()).toContain(`forwarding map ${village.id}`);
    expect(local.output()).not.toContain(central.editToken);
  }, 120_000);
});
