import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  addFactor, addTheme, createMapDoc, createUndoManager, ensureTheme, factorsOf, ModelError,
  readSnapshot, readThemes, removeTheme, renameTheme, setFactorTheme, setThemeColor, THEME_PALETTE,
  themeOf, themesOf,
} from '../../src/model';

describe('themes', () => {
  it('adds themes with distinct palette colours, listed by name', () => {
    const doc = createMapDoc();
    const env = addTheme(doc, ' Environnement ');
    const sec = addTheme(doc, 'Conflits');
    expect(readThemes(doc)).toEqual([
      { id: sec, name: 'Conflits', color: THEME_PALETTE[1] },
      { id: env, name: 'Environnement', color: THEME_PALETTE[0] },
    ]);
  });

  it('renames and recolours in place, one transaction each', () => {
    const doc = createMapDoc();
    const id = addTheme(doc, 'Eau', '#009E73');
    const before = themesOf(doc).get(id);
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    expect(renameTheme(doc, id, 'Eau et pâturages')).toBe(true);
    expect(setThemeColor(doc, id, '#56B4E9')).toBe(true);
    expect(transactions).toBe(2);
    expect(themesOf(doc).get(id)).toBe(before);
    expect(readThemes(doc)).toEqual([{ id, name: 'Eau et pâturages', color: '#56B4E9' }]);
  });

  it('refuses an empty name, a name in use and a colour that is not #rrggbb, changing nothing', () => {
    const doc = createMapDoc();
    const id = addTheme(doc, 'Sécurité');
    const other = addTheme(doc, 'Économie');
    expect(() => addTheme(doc, '  ')).toThrow(ModelError);
    expect(() => addTheme(doc, 'sécurité')).toThrow(/already/);
    expect(() => renameTheme(doc, other, 'SÉCURITÉ')).toThrow(/already/);
    expect(() => setThemeColor(doc, id, 'red')).toThrow(/#rrggbb/);
    expect(() => addTheme(doc, 'Santé', '#12345')).toThrow(/#rrggbb/);
    expect(readThemes(doc).map((t) => t.name)).toEqual(['Économie', 'Sécurité']);
  });

  it('ensureTheme finds a theme by name whatever the case, or creates it', () => {
    const doc = createMapDoc();
    const id = ensureTheme(doc, 'Environnement');
    expect(ensureTheme(doc, ' environnement')).toBe(id);
    const other = ensureTheme(doc, 'Gouvernance');
    expect(other).not.toBe(id);
    expect(readThemes(doc)).toHaveLength(2);
  });

  it('the palette has at least 8 colours, all different', () => {
    expect(THEME_PALETTE.length).toBeGreaterThanOrEqual(8);
    expect(new Set(THEME_PALETTE.map((c) => c.toUpperCase())).size).toBe(THEME_PALETTE.length);
  });

  it('colours come round again once the palette is used up', () => {
    const doc = createMapDoc();
    const ids = Array.from({ length: THEME_PALETTE.length + 1 }, (_, i) => addTheme(doc, `T${i}`));
    // In the order they were added (readThemes sorts by name, and T10 sorts before T2).
    const byId = new Map(readThemes(doc).map((t) => [t.id, t.color]));
    const colours = ids.map((id) => byId.get(id));
    expect(new Set(colours.slice(0, THEME_PALETTE.length)).size).toBe(THEME_PALETTE.length);
    expect(THEME_PALETTE).toContain(colours[THEME_PALETTE.length]);
  });

  it('a factor takes a theme id; an unknown theme is refused', () => {
    const doc = createMapDoc();
    const theme = addTheme(doc, 'Sécurité');
    const f = addFactor(doc, { label: 'Vol de bétail', x: 0, y: 0 });
    expect(setFactorTheme(doc, f, theme)).toBe(true);
    expect(readSnapshot(doc).factorById.get(f)?.theme).toBe(theme);
    expect(() => setFactorTheme(doc, f, 'nope')).toThrow(/No theme/);
    expect(setFactorTheme(doc, f, undefined)).toBe(true);
    expect(readSnapshot(doc).factorById.get(f)?.theme).toBeUndefined();
    expect(setFactorTheme(doc, 'gone', theme)).toBe(false);
  });

  it('removing a theme clears it from its factors in the same transaction, and undo restores both', () => {
    const doc = createMapDoc();
    const env = addTheme(doc, 'Environnement');
    const keep = addTheme(doc, 'Conflits');
    const a = addFactor(doc, { label: 'Sécheresse', x: 0, y: 0 });
    const b = addFactor(doc, { label: 'Conflits fonciers', x: 0, y: 0 });
    const legacy = addFactor(doc, { label: 'Pluies', x: 0, y: 0, theme: 'environnement' });
    setFactorTheme(doc, a, env);
    setFactorTheme(doc, b, keep);
    const undo = createUndoManager(doc);
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    expect(removeTheme(doc, env)).toBe(true);
    expect(transactions).toBe(1);
    const after = readSnapshot(doc).factorById;
    expect([after.get(a)?.theme, after.get(b)?.theme, after.get(legacy)?.theme]).toEqual([undefined, keep, undefined]);
    undo.undo();
    expect(readThemes(doc).map((t) => t.id).sort()).toEqual([env, keep].sort());
    expect(readSnapshot(doc).factorById.get(a)?.theme).toBe(env);
    expect(removeTheme(doc, 'gone')).toBe(false);
  });

  it('themeOf resolves an id, or a name from a map made before themes', () => {
    const doc = createMapDoc();
    const id = addTheme(doc, 'Environnement');
    const themes = readThemes(doc);
    expect(themeOf(id, themes)?.name).toBe('Environnement');
    expect(themeOf('ENVIRONNEMENT', themes)?.id).toBe(id);
    expect(themeOf('Autre', themes)).toBeUndefined();
    expect(themeOf(undefined, themes)).toBeUndefined();
  });

  it('skips malformed themes written by a peer, with a warning', () => {
    const doc = new Y.Doc();
    const ok = addTheme(doc, 'Eau');
    doc.transact(() => {
      themesOf(doc).set('t1', 'not a map' as unknown as Y.Map<unknown>);
      const noName = new Y.Map<unknown>();
      noName.set('color', '#000000');
      themesOf(doc).set('t2', noName);
      const badColour = new Y.Map<unknown>();
      badColour.set('name', 'Rouge');
      badColour.set('color', 'red');
      themesOf(doc).set('t3', badColour);
    });
    const warn = vi.fn();
    expect(readThemes(doc, warn).map((t) => t.id)).toEqual([ok]);
    expect(warn).toHaveBeenCalledTimes(3);
    expect(readThemes(doc)).toHaveLength(1);
  });

  it('theme edits are undone one step at a time', () => {
    const doc = createMapDoc();
    const undo = createUndoManager(doc);
    const id = addTheme(doc, 'Eau');
    undo.stopCapturing();
    renameTheme(doc, id, 'Eau potable');
    undo.undo();
    expect(readThemes(doc).map((t) => t.name)).toEqual(['Eau']);
    undo.undo();
    expect(readThemes(doc)).toEqual([]);
    expect(factorsOf(doc).size).toBe(0);
  });
});
