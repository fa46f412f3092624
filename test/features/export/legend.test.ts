import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { buildLegend, drawnMarks } from '../../../src/features/export/legend';
import { THEME_PALETTE, type MapSnapshot } from '../../../src/model';

const t = ((k: string) => k) as unknown as TFunction;
const snap = (links: { polarity: string; strength?: number; delay?: boolean }[]) =>
  ({ factors: [], links: links.map((l, i) => ({ id: `l${i}`, source: 'a', target: 'b', ...l })) }) as unknown as MapSnapshot;
const labels = (groups: ReturnType<typeof buildLegend>) => groups.flatMap((g) => g.entries.map((e) => e.label));

describe('the legend of an exported image', () => {
  it('explains only what the map shows', () => {
    expect(labels(buildLegend(snap([{ polarity: '+' }]), [], t))).toEqual(['polarity.+']);
    const rich = buildLegend(snap([{ polarity: '+' }, { polarity: '-', strength: 3, delay: true }]), [], t,
      drawnMarks(new Map([['f', [{ text: '● 2', tone: 'vote' }, { text: 'G', tone: 'group' }]]]), new Map([['l', [{ text: '1', tone: 'story' }]]]),
        [{ id: 'loop:a>b', x: 0, y: 0, text: 'R1' }]));
    expect(labels(rich)).toEqual([
      'polarity.+', 'polarity.-', 'export.legend.strength', 'export.legend.delay',
      'export.legend.votes', 'export.legend.stories', 'export.legend.groups', 'export.legend.keyDynamics',
    ]);
    expect(rich.map((g) => g.heading)).toEqual(['export.legend.links', 'export.legend.marks']);
  });
});

describe('themes in the legend of an exported image', () => {
  it('lists each theme with the colour and pattern its boxes have: no two entries alike past the palette', () => {
    const themes = Array.from({ length: 13 }, (_, i) => ({
      id: `t${i}`, name: `Thème ${String(i).padStart(2, '0')}`, color: THEME_PALETTE[i % THEME_PALETTE.length]!,
    }));
    const factors = themes.map((th, i) => ({ id: `f${i}`, label: `F${i}`, theme: th.id }));
    const groups = buildLegend({ factors, links: [] } as unknown as MapSnapshot, themes, t);
    const entries = groups.find((g) => g.heading === 'export.legend.themes')!.entries;
    expect(entries.map((e) => e.label)).toEqual(themes.map((th) => th.name));
    expect(new Set(entries.map((e) => `${e.colour} ${e.pattern ?? 'solid'}`)).size).toBe(13);
    // The first ten are plain; the three sharing a colour with one of them carry a pattern.
    expect(entries.filter((e) => e.pattern !== undefined).map((e) => e.label)).toEqual(['Thème 10', 'Thème 11', 'Thème 12']);
  });
});
