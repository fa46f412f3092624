import type { MapSnapshot } from '../../model';
import { factorConsensus, groupCount, linksDrawnByAtLeast, type Consensus } from '../../model/merge/consensus';
import type { Badge, OverlayLayer } from '../../session';

export interface ConsensusView {
  showBadges: boolean;
  minGroups: number;
  sizeByConsensus: boolean;
}

/** The share of the groups that drew it makes a factor up to this much larger. */
const MAX_EXTRA_SCALE = 1;

/**
 * What the groups' consensus draws over the map: how many groups drew each factor and link
 * (badges), the links drawn by at least N groups (the rest dimmed), factors sized by the
 * share of the groups that drew them.
 */
export function consensusLayer(
  snap: MapSnapshot, c: Consensus, view: ConsensusView, title: (count: number, groups: string) => string,
): OverlayLayer | null {
  if (c.groups.length === 0) return null;
  const layer: OverlayLayer = {};
  if (view.showBadges) {
    const badges = (kind: 'factor' | 'link', ids: readonly string[]) => {
      const out = new Map<string, Badge[]>();
      for (const id of ids) {
        const n = groupCount(c, kind, id);
        const sources = (kind === 'factor' ? c.factors : c.links).get(id) ?? [];
        if (n > 0) out.set(id, [{ text: String(n), title: title(n, sources.map((s) => s.map).join(', ')), tone: 'group' }]);
      }
      return out;
    };
    layer.factorBadges = badges('factor', snap.factors.map((f) => f.id));
    layer.linkBadges = badges('link', snap.links.map((l) => l.id));
  }
  if (view.minGroups > 0) {
    const links = linksDrawnByAtLeast(c, snap.links.map((l) => l.id), view.minGroups);
    const factors = new Set<string>();
    for (const l of snap.links) {
      if (!links.has(l.id)) continue;
      factors.add(l.source);
      factors.add(l.target);
    }
    layer.emphasis = { factors, links };
  }
  if (view.sizeByConsensus) {
    const share = factorConsensus(c);
    layer.scale = new Map(snap.factors.map((f) => [f.id, 1 + MAX_EXTRA_SCALE * (share.get(f.id) ?? 0)]));
  }
  return Object.keys(layer).length === 0 ? null : layer;
}
