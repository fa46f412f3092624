import { isLoopId, type Link, type MapSnapshot } from '../../../model';
import { loopKind, type LoopKind } from '../../../model/analysis/loops';

export interface LoopParts {
  factors: string[];
  links: string[];
  kind: LoopKind;
}

/**
 * The factors and links of a loop from its canonical id (factor ids in causal order), or null
 * when the map no longer has it: a factor is gone or a link of it was removed. Cheaper than a
 * loop search, and the id check is the analysis' own canonical form.
 */
export function loopParts(loopId: string, snap: Pick<MapSnapshot, 'links' | 'factorById'>): LoopParts | null {
  if (!isLoopId(loopId)) return null;
  const factors = loopId.split('>');
  if (!factors.every((id) => snap.factorById.has(id))) return null;
  const byPair = new Map<string, Link>(snap.links.map((l) => [`${l.source}\u0000${l.target}`, l]));
  const links: Link[] = [];
  for (let i = 0; i < factors.length; i++) {
    const l = byPair.get(`${factors[i]}\u0000${factors[(i + 1) % factors.length]}`);
    if (!l) return null;
    links.push(l);
  }
  return { factors, links: links.map((l) => l.id), kind: loopKind(links.map((l) => l.polarity)) };
}

/** "A → B → C → A", with labels cut short so a long loop stays one line. */
export function loopText(factors: readonly string[], snap: Pick<MapSnapshot, 'factorById'>, max = 28): string {
  const names = factors.map((id) => {
    const label = snap.factorById.get(id)?.label ?? '?';
    return label.length > max ? `${label.slice(0, max - 1)}…` : label;
  });
  return [...names, names[0] ?? ''].join(' → ');
}

/** The loop's centre in map coordinates, for a marker. */
export function loopCentre(factors: readonly string[], snap: Pick<MapSnapshot, 'factorById'>): { x: number; y: number } | null {
  const pts = factors.map((id) => snap.factorById.get(id)).filter((f) => f !== undefined);
  if (pts.length === 0) return null;
  // Factor positions are top-left corners; half a default box puts the centre among the boxes.
  return {
    x: pts.reduce((s, f) => s + f.x, 0) / pts.length + 80,
    y: pts.reduce((s, f) => s + f.y, 0) / pts.length + 20,
  };
}
