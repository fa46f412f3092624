import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addTheme, createMapDoc, readThemes, renameTheme, setThemeColor, THEME_PALETTE, THEME_PATTERNS, themeLooks, themesOf,
} from '../../src/model';

const looksOf = (doc: Y.Doc) => {
  const themes = readThemes(doc);
  const looks = themeLooks(themes);
  return themes.map((t) => ({ name: t.name, ...looks.get(t.id)! }));
};
const key = (l: { color: string; pattern: string }) => `${l.color.toUpperCase()} ${l.pattern}`;
const distinct = (looks: readonly { color: string; pattern: string }[]) => new Set(looks.map(key)).size;

describe('how themes look once the palette is used up', () => {
  it('the first ten themes are plain palette colours; the next ten repeat them with a pattern', () => {
    const doc = createMapDoc();
    const ids = Array.from({ length: 20 }, (_, i) => addTheme(doc, `Thème ${String(i + 1).padStart(2, '0')}`));
    const looks = themeLooks(readThemes(doc));
    const inOrder = ids.map((id) => looks.get(id)!);
    expect(inOrder.slice(0, 10).map((l) => l.color)).toEqual([...THEME_PALETTE]);
    expect(inOrder.slice(0, 10).every((l) => l.pattern === 'solid')).toBe(true);
    // Theme 11 takes the first colour again, theme 12 the second…: each colour twice, never three times.
    expect(inOrder.slice(10).map((l) => l.color)).toEqual([...THEME_PALETTE]);
    expect(inOrder.slice(10).every((l) => l.pattern !== 'solid')).toBe(true);
    expect(distinct(inOrder)).toBe(20);
  });

  it.each([11, 25, 50, THEME_PALETTE.length * THEME_PATTERNS.length])('no two of %i themes look the same', (n) => {
    const doc = createMapDoc();
    for (let i = 0; i < n; i++) addTheme(doc, `T${i}`);
    const looks = looksOf(doc);
    expect(looks).toHaveLength(n);
    expect(distinct(looks)).toBe(n);
  });

  it('past every colour × pattern, looks come round again rather than fail', () => {
    const doc = createMapDoc();
    const n = THEME_PALETTE.length * THEME_PATTERNS.length + 3;
    for (let i = 0; i < n; i++) addTheme(doc, `T${i}`);
    expect(distinct(looksOf(doc))).toBe(THEME_PALETTE.length * THEME_PATTERNS.length);
  });

  it('themes given one colour by hand (or in an old map) are told apart by patterns, in legend order', () => {
    const doc = createMapDoc();
    for (const name of ['Sécurité', 'Eau', 'Marché']) addTheme(doc, name, '#0072b2');
    expect(looksOf(doc)).toEqual([
      { name: 'Eau', color: '#0072b2', pattern: 'solid' },
      { name: 'Marché', color: '#0072b2', pattern: THEME_PATTERNS[1] },
      { name: 'Sécurité', color: '#0072b2', pattern: THEME_PATTERNS[2] },
    ]);
    // The colour is compared without case: #0072B2 is the same colour.
    const other = addTheme(doc, 'Bétail', '#0072B2');
    expect(distinct(looksOf(doc))).toBe(4);
    // A theme recoloured to a colour of its own becomes plain again, and the others close up.
    setThemeColor(doc, other, '#E69F00');
    expect(looksOf(doc).find((l) => l.name === 'Bétail')?.pattern).toBe('solid');
    expect(looksOf(doc).filter((l) => l.color.toUpperCase() === '#0072B2').map((l) => l.pattern)).toEqual(THEME_PATTERNS.slice(0, 3));
  });

  it('two peers adding themes offline with the same colour still draw them apart, the same way', () => {
    const a = createMapDoc();
    for (let i = 0; i < 10; i++) addTheme(a, `T${i}`);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    // Both take the first palette colour again, unaware of each other.
    addTheme(a, 'Pâturages');
    addTheme(b, 'Couloirs');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(themesOf(a).size).toBe(12);
    expect(distinct(looksOf(a))).toBe(12);
    expect(looksOf(b)).toEqual(looksOf(a));
  });

  it('renaming keeps every theme distinct', () => {
    const doc = createMapDoc();
    const ids = Array.from({ length: 12 }, (_, i) => addTheme(doc, `T${i}`));
    renameTheme(doc, ids[0]!, 'Zébu');
    renameTheme(doc, ids[10]!, 'Agriculture');
    expect(distinct(looksOf(doc))).toBe(12);
  });
});
