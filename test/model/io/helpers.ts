import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import {
  addFactor, addLink, createMapDoc, readSnapshot, readThemes, setTitle, themeOf,
} from '../../../src/model';
import type { ParsedMap, ParseResult } from '../../../src/model/io';

/** Readers are quiet by default in tests (test/setup.ts); kept for test/model/layout. */
export { silent as quiet } from '../../../src/model';

export function fixture(name: string): Uint8Array {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url)));
}

export function fixtureText(name: string): string {
  return new TextDecoder().decode(fixture(name));
}

export function parsedOrThrow(r: ParseResult): ParsedMap {
  if (!r.ok) throw new Error(`expected a parsed map, got: ${r.errors.map((e) => e.message).join('; ')}`);
  return r.map;
}

export function errorsOf(r: ParseResult): string[] {
  if (r.ok) throw new Error('expected errors, the file was accepted');
  return r.errors.map((e) => e.message);
}

/** A small map with every optional field used somewhere. */
export function sampleDoc(): Y.Doc {
  const doc = createMapDoc({ title: 'Mali centre — atelier de Mopti', language: 'fr' });
  setTitle(doc, 'Mali centre — atelier de Mopti');
  const a = addFactor(doc, { label: 'Sécheresse', x: 10.5, y: -20, theme: 'Environnement', notes: 'Pluies, irrégulières\n"depuis 2012"', icon: 'sun' });
  const b = addFactor(doc, { label: "Accès à l'eau", x: 300, y: 40 });
  const c = addFactor(doc, { label: 'Conflits', x: 600, y: 0, theme: 'Conflits' });
  addLink(doc, { source: a, target: b, polarity: '-', strength: 3, delay: true, notes: 'note, avec virgule' });
  addLink(doc, { source: b, target: c, polarity: '?' });
  addLink(doc, { source: c, target: a, polarity: '+', strength: 1 });
  return doc;
}

/** What a map shows, ids left out and themes by name: for comparing maps imported with fresh ids. */
export function contentOf(doc: Y.Doc) {
  const snap = readSnapshot(doc);
  const themes = readThemes(doc);
  const label = (id: string) => snap.factorById.get(id)?.label;
  return {
    factors: snap.factors
      .map(({ id: _id, theme, ...rest }) => (theme === undefined ? rest : { ...rest, theme: themeOf(theme, themes)?.name ?? theme }))
      .sort((p, q) => p.label.localeCompare(q.label)),
    links: snap.links
      .map(({ id: _id, source, target, ...rest }) => ({ source: label(source), target: label(target), ...rest }))
      .sort((p, q) => `${p.source}>${p.target}`.localeCompare(`${q.source}>${q.target}`)),
  };
}

export function stateOf(doc: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(doc);
}
