import * as Y from 'yjs';
import { newId } from '../../ids';
import { setFactorField } from '../../ops';
import { ROOT, THEMES_SPEC } from '../../spec';
import { readThemes, themeKey, themeOf, themesOf, type Theme } from '../../themes';
import { silent } from '../../log';
import type { JsonSection, SectionIssue } from '../json-sections';
import { SectionCheck } from '../sections-check';

/**
 * The `themes` section of Trame's JSON: factors hold theme ids, so without it a JSON file
 * would lose every factor's theme. On import a theme whose name the map already has is
 * reused (names are unique in a map); the others are added, keeping their id in a new map.
 */
/** More than any workshop makes; a file with more is not a Trame map. */
const MAX_THEMES = 1_000;

function validate(raw: unknown): SectionIssue[] {
  const c = new SectionCheck();
  const ids = new Set<string>();
  const names = new Set<string>();
  c.list(raw, 'themes', MAX_THEMES, (t, where) => {
    c.id(t, where, ids);
    if (c.fields(t, where, THEMES_SPEC.fields, ['name', 'color'], ['name', 'color']) && typeof t.name === 'string') {
      if (names.has(themeKey(t.name))) c.fail(`${where}.name`, `the name '${t.name}' is used twice`);
      else names.add(themeKey(t.name));
    }
  });
  return c.issues;
}

export const themesSection: JsonSection<Theme[]> = {
  export: (doc) => {
    const themes = readThemes(doc, silent);
    return themes.length === 0 ? undefined : themes.map((t) => ({ ...t }));
  },
  validate,
  import: (doc, data, ctx) => {
    const existing = readThemes(doc, silent);
    const themeIds = new Map<string, string>();
    for (const t of data) {
      const same = themeOf(t.name, existing);
      if (same && themeKey(same.name) === themeKey(t.name)) {
        themeIds.set(t.id, same.id);
        continue;
      }
      const wanted = ctx.freshId(t.id);
      const id = themesOf(doc).has(wanted) ? newId() : wanted;
      const m = new Y.Map<unknown>();
      m.set('name', t.name.trim());
      m.set('color', t.color);
      themesOf(doc).set(id, m);
      themeIds.set(t.id, id);
    }
    for (const [from, to] of themeIds) ctx.idMap.set(from, to);
    for (const factorId of ctx.newFactorIds) {
      const f = doc.getMap<Y.Map<unknown>>(ROOT.factors).get(factorId);
      const theme = f?.get('theme');
      const to = typeof theme === 'string' ? themeIds.get(theme) : undefined;
      if (to !== undefined && to !== theme) setFactorField(doc, factorId, 'theme', to);
    }
  },
};
