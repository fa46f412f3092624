import { describe, expect, it } from 'vitest';
import {
  addAction, addFactor, addLink, addStory, addTheme, addView, createGroup, createMapDoc, nameLoop, openRound,
  placeDot,
} from '../../../src/model';
import { exportJson, parseJson } from '../../../src/model/io';
import {
  ACTION_FIELDS, GROUPS_SPEC, LOOPS_SPEC, STORIES_SPEC, THEMES_SPEC, VIEWS_SPEC, VOTES_SPEC, type FieldSpec, type Fields,
} from '../../../src/model/spec';
import { badValues } from './samples';

/** A map with one entry of every section, exported by Trame. */
function fullFile(): Record<string, unknown> {
  const doc = createMapDoc();
  const a = addFactor(doc, { label: 'Eau', x: 0, y: 0 });
  const b = addFactor(doc, { label: 'Puits', x: 200, y: 0 });
  addLink(doc, { source: a, target: b });
  addLink(doc, { source: b, target: a, polarity: '-' });
  addTheme(doc, 'Environnement');
  nameLoop(doc, [a, b].sort().join('>'), 'La boucle');
  addStory(doc, { code: 'R-1', summary: 'Un récit', tags: ['eau'] });
  addView(doc, { title: 'Étape 1', viewport: { x: 0, y: 0, zoom: 1 } });
  const round = openRound(doc, { title: 'Vote', dotsPerPerson: 2, openedBy: 'v1' });
  placeDot(doc, round, 'v1', { kind: 'factor', id: a });
  const group = createGroup(doc, { name: 'GRA', origin: { kind: 'factor', id: a } });
  addAction(doc, group, { text: 'Creuser', due: '2025-01-31' });
  return JSON.parse(JSON.stringify(exportJson(doc))) as Record<string, unknown>;
}

/** The plain fields of a spec that the JSON file carries as they are in the document. */
function plainFields(fields: Fields, skip: readonly string[] = []): [string, FieldSpec][] {
  return Object.entries(fields).filter(([k, f]) => !skip.includes(k)
    && !['set', 'map', 'records'].includes(f.type.kind));
}

const SECTIONS: [string, Fields, (file: Record<string, unknown>) => Record<string, unknown>][] = [
  ['themes', THEMES_SPEC.fields, (file) => (file.themes as Record<string, unknown>[])[0]!],
  ['loops', LOOPS_SPEC.fields, (file) => (file.loops as Record<string, unknown>[])[0]!],
  ['stories', STORIES_SPEC.fields, (file) => (file.stories as Record<string, unknown>[])[0]!],
  ['views', VIEWS_SPEC.fields, (file) => (file.views as Record<string, unknown>[])[0]!],
  ['votes', VOTES_SPEC.fields, (file) => (file.votes as Record<string, unknown>[])[0]!],
  ['groups', GROUPS_SPEC.fields, (file) => (file.groups as Record<string, unknown>[])[0]!],
  ['groups.actions', ACTION_FIELDS, (file) => ((file.groups as { actions: Record<string, unknown>[] }[])[0]!.actions)[0]!],
];

describe('the JSON sections check what the spec declares', () => {
  it('a file Trame exported with every section re-imports as it is', () => {
    const r = parseJson(JSON.stringify(fullFile()));
    expect(r.ok && Object.keys(r.map.sections).sort()).toEqual(['groups', 'loops', 'stories', 'themes', 'views', 'votes']);
  });

  for (const [name, fields, entryOf] of SECTIONS) {
    // `position` is the list's order in the file, not a field of it.
    for (const [key, field] of plainFields(fields, ['position'])) {
      for (const [what, bad] of badValues(field.type)) {
        it(`${name}: ${key} ${what} is refused, naming the field`, () => {
          const file = fullFile();
          entryOf(file)[key] = bad;
          const r = parseJson(JSON.stringify(file));
          expect(r.ok).toBe(false);
          if (r.ok) return;
          expect(r.errors.some((e) => e.where?.endsWith(`.${key}`))).toBe(true);
        });
      }
    }
  }
});
