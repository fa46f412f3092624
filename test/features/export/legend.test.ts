import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { buildLegend, drawnMarks } from '../../../src/features/export/legend';
import type { MapSnapshot } from '../../../src/model';

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
