import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { AnalysisInput, AnalysisLink } from '../../../src/model/analysis';
import type { Polarity } from '../../../src/model';

function rows(file: string): Record<string, string>[] {
  const text = readFileSync(new URL(`../../fixtures/${file}`, import.meta.url), 'utf8');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors[0]?.message}`);
  return parsed.data;
}

/** The Mali centre map, factors identified by their label. */
export function maliCentre(): AnalysisInput {
  const factors = rows('mali-centre-factors.csv').map((r) => ({ id: r.label ?? '', label: r.label ?? '' }));
  const links: AnalysisLink[] = rows('mali-centre-links.csv').map((r, i) => ({
    id: `l${String(i).padStart(2, '0')}`,
    source: r.cause ?? '',
    target: r.effect ?? '',
    polarity: r.polarity as Polarity,
  }));
  return { factors, links };
}

/** A map from a compact description: 'a>b+', 'b>a-', 'c>a?'. */
export function tiny(...links: string[]): AnalysisInput {
  const ids = new Set<string>();
  const parsed = links.map((spec) => {
    const m = /^(\w+)>(\w+)([+\-?])$/.exec(spec);
    if (!m) throw new Error(`bad link spec ${spec}`);
    const [, source = '', target = '', polarity] = m;
    ids.add(source);
    ids.add(target);
    return { id: `${source}${target}`, source, target, polarity: polarity as Polarity };
  });
  return {
    factors: [...ids].map((id) => ({ id, label: id.toUpperCase() })),
    links: parsed.map(({ id, source, target, polarity }) => ({ id, source, target, polarity })),
  };
}

/** Every ordered pair of n factors linked, all '+'. */
export function complete(n: number): AnalysisInput {
  const ids = Array.from({ length: n }, (_, i) => `k${String(i).padStart(2, '0')}`);
  const links: AnalysisLink[] = [];
  for (const s of ids) for (const t of ids) if (s !== t) links.push({ id: `${s}-${t}`, source: s, target: t, polarity: '+' });
  return { factors: ids.map((id) => ({ id, label: id })), links };
}
