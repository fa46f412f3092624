import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMapDoc } from '../../src/model';
import { hashToken, isMapId, newMapId, newToken, tokenMatches } from '../../server/store/secrets';
import { DB_FILE, SqliteMapStore } from '../../server/store/sqlite-store';
import { describeMapStore, record } from './store-contract';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'trame-store-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('secrets', () => {
  it('ids carry 128 random bits and tokens 256, all distinct', () => {
    const ids = new Set(Array.from({ length: 200 }, newMapId));
    const tokens = new Set(Array.from({ length: 200 }, newToken));
    expect(ids.size).toBe(200);
    expect(tokens.size).toBe(200);
    for (const id of ids) {
      expect(Buffer.from(id, 'base64url').length).toBe(16);
      expect(isMapId(id)).toBe(true);
    }
    for (const t of tokens) expect(Buffer.from(t, 'base64url').length).toBe(32);
  });

  it('a token matches only its own hash', () => {
    const t = newToken();
    expect(tokenMatches(t, hashToken(t))).toBe(true);
    expect(tokenMatches(newToken(), hashToken(t))).toBe(false);
    expect(tokenMatches(t, new Uint8Array(3))).toBe(false);
  });
});

describeMapStore('SqliteMapStore', {
  place: async () => tempDir(),
  open: async (dir) => new SqliteMapStore(dir),
});

describe('SqliteMapStore', () => {
  it('stores only token hashes, never the tokens', async () => {
    const dir = tempDir();
    const store = new SqliteMapStore(dir);
    const edit = newToken();
    const r = { ...record(), editTokenHash: hashToken(edit) };
    await store.createMap(r, Y.encodeStateAsUpdate(createMapDoc({ title: 'T' })));
    await store.close();
    const raw = new Database(join(dir, DB_FILE), { readonly: true });
    const row = raw.prepare('SELECT * FROM maps').get() as Record<string, unknown>;
    raw.close();
    expect(JSON.stringify(row)).not.toContain(edit);
    expect(Buffer.from(row.edit_hash as Buffer).equals(hashToken(edit))).toBe(true);
  });
});
