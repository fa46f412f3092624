import * as Y from 'yjs';
import { newId } from '../../ids';
import { setFactorField } from '../../ops';
import { MAX_LABEL_CHARS } from '../../schema';
import { isThemeColor, readThemes, themeKey, themeOf, themesOf, type Theme } from '../../themes';
import { silent } from '../../log';
import type { JsonSection, SectionIssue } from '../json-sections';

/**
 * The `themes` section of Trame's JSON: factors hold theme ids, so without it a JSON file
 * would lose every factor's theme. On import a theme whose name the map already has is
 * reused (names are unique in a map); the others are added, keeping their id in a new map.
 */
function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function validate(raw: unknown): SectionIssue[] {
  if (!Array.isArray(raw)) return [{ where: 'themes', message: 'must be a list' }];
  const issues: SectionIssue[] = [];
  const ids = new Set<string>();
  const names = new Set<string>();
  raw.forEach((t: unknown, i) => {
    const where = `themes[${i}]`;
    if (!isObject(t)) {
      issues.push({ where, message: 'must be an object' });
      return;
    }
    const { id, name, color } = t;
    if (typeof id !== 'string' || id === '' || id.length > 200) issues.push({ where: `${where}.id`, message: 'must be a non-empty text' });
    else if (ids.has(id)) issues.push({ where: `${where}.id`, message: `the id '${id}' is used twice` });
    else ids.add(id);
    if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_LABEL_CHARS) {
      issues.push({ where: `${where}.name`, message: `must be a text of 1 to ${MAX_LABEL_CHARS} characters` });
    } else if (names.has(themeKey(name))) {
      issues.push({ where: `${where}.name`, message: `the name '${name}' is used twice` });
    } else {
      names.add(themeKey(name));
    }
    if (!isThemeColor(color)) issues.push({ where: `${where}.color`, message: 'must be a colour written #rrggbb' });
  });
  return issues;
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
      const f = doc.getMap<Y.Map<unknown>>('factors').get(factorId);
      const theme = f?.get('theme');
      const to = typeof theme === 'string' ? themeIds.get(theme) : undefined;
      if (to !== undefined && to !== theme) setFactorField(doc, factorId, 'theme', to);
    }
  },
};
