import type { TFunction } from 'i18next';
import { POLARITY_COLOUR, POLARITY_SIGN } from '../../ui/polarity';
import { POLARITIES, themeLooks, themeOf, type MapSnapshot, type Theme } from '../../model';
import type { Badge, CanvasMarker } from '../../session';
import type { LegendEntry, LegendGroup } from './compose';

/** What the overlays draw on the map being exported, as far as a legend needs to know. */
export interface DrawnMarks {
  /** Tones of the badges on factors and links: 'vote', 'story', 'group'… */
  readonly badgeTones: ReadonlySet<string>;
  /** Key dynamics (named loops) have their R1 / B1 markers on the map. */
  readonly keyDynamics: boolean;
}

/** The colours of styles.css's badge chips and loop markers. */
const CHIP_COLOUR = { vote: '#6a1b9a', story: '#00695c', group: '#ef6c00', loop: '#c62828' } as const;
const INK = '#37474f';

/**
 * What the legend of an exported image explains, each only when the map shows it: the
 * polarities its links use, their strength and delay, the themes its factors have, and the
 * marks on factors (vote dots, story counts, action groups, key dynamics), in the user's
 * language.
 */
export function buildLegend(snap: MapSnapshot, themes: readonly Theme[], t: TFunction, marks: DrawnMarks = { badgeTones: new Set(), keyDynamics: false }): LegendGroup[] {
  const used = new Set(snap.links.map((l) => l.polarity));
  const linkEntries: LegendEntry[] = POLARITIES.filter((p) => used.has(p)).map((p) => ({
    colour: POLARITY_COLOUR[p], sign: POLARITY_SIGN[p], label: t(`polarity.${p}`),
  }));
  if (snap.links.some((l) => l.strength !== undefined && l.strength !== 1)) linkEntries.push({ colour: INK, sample: 'strength', label: t('export.legend.strength') });
  if (snap.links.some((l) => l.delay === true)) linkEntries.push({ colour: INK, sample: 'delay', label: t('export.legend.delay') });
  const links: LegendGroup = { heading: t('export.legend.links'), entries: linkEntries };
  const themeIds = new Set(snap.factors.flatMap((f) => {
    const th = themeOf(f.theme, themes);
    return th ? [th.id] : [];
  }));
  // Looks among all the map's themes, as the canvas draws them, even if some have no factor.
  const looks = themeLooks(themes);
  const themed: LegendGroup = {
    heading: t('export.legend.themes'),
    entries: themes.filter((th) => themeIds.has(th.id)).map((th) => {
      const pattern = looks.get(th.id)?.pattern ?? 'solid';
      return pattern === 'solid' ? { colour: th.color, label: th.name } : { colour: th.color, label: th.name, pattern };
    }),
  };
  const markEntries: LegendEntry[] = [];
  if (marks.badgeTones.has('vote')) markEntries.push({ colour: CHIP_COLOUR.vote, sample: 'chip', chip: '● 3', label: t('export.legend.votes') });
  if (marks.badgeTones.has('story')) markEntries.push({ colour: CHIP_COLOUR.story, sample: 'chip', chip: '2', label: t('export.legend.stories') });
  if (marks.badgeTones.has('group')) markEntries.push({ colour: CHIP_COLOUR.group, sample: 'chip', chip: t('export.legend.groupChip'), label: t('export.legend.groups') });
  if (marks.keyDynamics) markEntries.push({ colour: CHIP_COLOUR.loop, sample: 'chip', chip: 'R1', label: t('export.legend.keyDynamics') });
  const marked: LegendGroup = { heading: t('export.legend.marks'), entries: markEntries };
  return [links, themed, marked].filter((g) => g.entries.length > 0);
}

/** The marks the overlays draw now: the tones of every badge, and whether loop markers show. */
export function drawnMarks(
  factorBadges: ReadonlyMap<string, readonly Badge[]>, linkBadges: ReadonlyMap<string, readonly Badge[]>, markers: readonly CanvasMarker[],
): DrawnMarks {
  const badgeTones = new Set<string>();
  for (const m of [factorBadges, linkBadges]) for (const badges of m.values()) for (const b of badges) badgeTones.add(b.tone ?? 'info');
  return { badgeTones, keyDynamics: markers.some((m) => m.id.startsWith('loop:')) };
}
