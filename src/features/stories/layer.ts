import { citationsOf, elementsOfStory, type CitationIndex, type MapSnapshot } from '../../model';
import type { Badge, OverlayLayer } from '../../session';
import type { EvidenceFilter } from './store';

export interface LayerInput {
  snap: MapSnapshot;
  index: CitationIndex;
  /** The traced story, if it still exists. */
  tracing: string | null;
  filter: EvidenceFilter;
  showCounts: boolean;
  countTitle: (count: number) => string;
}

function badges(index: CitationIndex, kind: 'factor' | 'link', ids: Iterable<string>, title: (n: number) => string) {
  const out = new Map<string, Badge[]>();
  for (const id of ids) {
    const n = citationsOf(index, { kind, id }).length;
    if (n > 0) out.set(id, [{ text: String(n), title: title(n), tone: 'story' }]);
  }
  return out;
}

/**
 * What the stories draw over the map: story counts on factors and links, and either the traced
 * story's elements or the evidence filter as emphasis. Tracing wins over the filter: a traced
 * story's links are cited by definition, so intersecting it with "links with no story" would
 * show nothing.
 */
export function storiesLayer(input: LayerInput): OverlayLayer | null {
  const { snap, index, tracing, filter, showCounts, countTitle } = input;
  const layer: OverlayLayer = {};
  if (showCounts) {
    layer.factorBadges = badges(index, 'factor', snap.factors.map((f) => f.id), countTitle);
    layer.linkBadges = badges(index, 'link', snap.links.map((l) => l.id), countTitle);
  }
  if (tracing !== null) {
    const els = elementsOfStory(index, tracing);
    const links = new Set(els.links);
    // A link's two ends stay readable, or a traced link would join two dimmed boxes.
    const factors = new Set(els.factors);
    for (const l of snap.links) {
      if (links.has(l.id)) {
        factors.add(l.source);
        factors.add(l.target);
      }
    }
    layer.emphasis = { factors, links };
  } else if (filter.mode !== 'all') {
    const count = (id: string) => citationsOf(index, { kind: 'link', id }).length;
    const keep = filter.mode === 'atLeast' ? (id: string) => count(id) >= filter.min : (id: string) => count(id) === 0;
    layer.emphasis = {
      factors: new Set(snap.factors.map((f) => f.id)),
      links: new Set(snap.links.filter((l) => keep(l.id)).map((l) => l.id)),
    };
  }
  return Object.keys(layer).length === 0 ? null : layer;
}
