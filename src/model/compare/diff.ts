import type { LoopSearchOptions } from '../analysis/loops';
import type { Factor, Link } from '../schema';
import { diffLoops } from './loops';
import { matchById, matchThemes, themeIdentity } from './match';
import {
  FACTOR_FIELDS, LINK_FIELDS, type FactorChange, type FactorField, type LinkChange, type LinkField,
  type MapDiff, type MapState, type Matching,
} from './types';

export interface CompareOptions {
  /** How elements of `from` are found in `to`; by id unless given. */
  readonly matching?: Matching;
  /** Loop search bounds, or false to leave loops out (they cost the most on a large map). */
  readonly loops?: LoopSearchOptions | false;
}

const byLabel = (a: { label: string; id: string }, b: { label: string; id: string }): number =>
  a.label.localeCompare(b.label, 'fr') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function factorFields(
  a: Factor, b: Factor, sameTheme: (a: string | undefined, b: string | undefined) => boolean,
): FactorField[] {
  return FACTOR_FIELDS.filter((field) => {
    if (field === 'theme') return !sameTheme(a.theme, b.theme);
    return (a[field] ?? '') !== (b[field] ?? '');
  });
}

function linkFields(a: Link, b: Link): LinkField[] {
  return LINK_FIELDS.filter((field) => {
    if (field === 'delay') return (a.delay === true) !== (b.delay === true);
    if (field === 'notes') return (a.notes ?? '') !== (b.notes ?? '');
    return a[field] !== b[field];
  });
}

/**
 * The theme test for this pair of states: a factor's theme is unchanged when it is the same
 * theme (matched by id, else by name), even if that theme was renamed or recoloured meanwhile.
 */
function themeComparer(from: MapState, to: MapState, matching: Matching) {
  const themes = matching.themes ?? matchThemes(from.themes ?? [], to.themes ?? []);
  return (a: string | undefined, b: string | undefined): boolean => {
    const ia = themeIdentity(a, from.themes);
    const ib = themeIdentity(b, to.themes);
    if (ia === undefined || ib === undefined) return ia === ib;
    return (themes.get(ia) ?? ia) === ib;
  };
}

const pairKey = (source: string, target: string): string => `${source}\u0000${target}`;

/**
 * What changed from one map state to another: factors and links added, removed and changed
 * (label, theme, notes, pictogram; polarity, strength, delay, notes), and loops that appeared,
 * disappeared or changed kind. Positions are not compared: moving a factor is layout, not a
 * change in what the group thinks. Linear in the size of both states, plus the loop search.
 */
export function compareMaps(from: MapState, to: MapState, options: CompareOptions = {}): MapDiff {
  const matching = options.matching ?? matchById(from, to);
  const sameTheme = themeComparer(from, to, matching);
  const toFactor = new Map(to.factors.map((f) => [f.id, f]));
  const matchedTo = new Set<string>();
  const removed: Factor[] = [];
  const changed: FactorChange[] = [];
  let unchanged = 0;
  for (const f of from.factors) {
    const toId = matching.factors.get(f.id);
    const g = toId === undefined ? undefined : toFactor.get(toId);
    if (!g || matchedTo.has(g.id)) {
      removed.push(f);
      continue;
    }
    matchedTo.add(g.id);
    const fields = factorFields(f, g, sameTheme);
    if (fields.length > 0) changed.push({ from: f, to: g, fields });
    else unchanged++;
  }
  const added = to.factors.filter((f) => !matchedTo.has(f.id));

  const toLinkByPair = new Map(to.links.map((l) => [pairKey(l.source, l.target), l]));
  const matchedLinks = new Set<string>();
  const linksRemoved: Link[] = [];
  const linksChanged: LinkChange[] = [];
  let linksUnchanged = 0;
  for (const l of from.links) {
    const s = matching.factors.get(l.source);
    const t = matching.factors.get(l.target);
    const m = s === undefined || t === undefined ? undefined : toLinkByPair.get(pairKey(s, t));
    if (!m || matchedLinks.has(m.id)) {
      linksRemoved.push(l);
      continue;
    }
    matchedLinks.add(m.id);
    const fields = linkFields(l, m);
    if (fields.length > 0) linksChanged.push({ from: l, to: m, fields });
    else linksUnchanged++;
  }
  const linksAdded = to.links.filter((l) => !matchedLinks.has(l.id));

  const fromLabel = new Map(from.factors.map((f) => [f.id, f.label]));
  const linkOrder = (labels: ReadonlyMap<string, string>) => (a: Link, b: Link): number =>
    (labels.get(a.source) ?? '').localeCompare(labels.get(b.source) ?? '', 'fr')
    || (labels.get(a.target) ?? '').localeCompare(labels.get(b.target) ?? '', 'fr')
    || (a.id < b.id ? -1 : 1);
  const toLabel = new Map(to.factors.map((f) => [f.id, f.label]));

  return {
    matching,
    factors: {
      added: added.sort(byLabel),
      removed: removed.sort(byLabel),
      changed: changed.sort((a, b) => byLabel(a.to, b.to)),
      unchanged,
    },
    links: {
      added: linksAdded.sort(linkOrder(toLabel)),
      removed: linksRemoved.sort(linkOrder(fromLabel)),
      changed: linksChanged.sort((a, b) => linkOrder(toLabel)(a.to, b.to)),
      unchanged: linksUnchanged,
    },
    ...(options.loops === false ? {} : { loops: diffLoops(from, to, matching, options.loops ?? {}) }),
  };
}
