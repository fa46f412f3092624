/**
 * Generated causal maps for the layout bench: factors in themes of about ten (as a workshop
 * groups them), most links inside a theme, some between themes, directions at random so that
 * loops abound, labels of one to seven French words. Seeded: the same size gives the same map.
 */
import { seededRng } from '../../src/model/layout/rng';

const WORDS = [
  'accès', 'eau', 'terres', 'marchés', 'revenus', 'jeunes', 'femmes', 'élevage', 'récoltes', 'prix', 'crédit',
  'santé', 'écoles', 'routes', 'conflits', 'confiance', 'migration', 'pluies', 'sols', 'semences', 'foncier',
  'coopératives', 'transport', 'stockage', 'dettes', 'formation', 'emploi', 'sécurité', 'gouvernance', 'forêts',
];
const LINKERS = ['des', 'aux', 'et', 'du', 'pour les', 'entre'];

export interface GeneratedMap {
  readonly name: string;
  readonly factors: { id: string; label: string }[];
  readonly links: { source: string; target: string }[];
}

export function generatedMap(nFactors: number, linksPerFactor = 3, seed = 12): GeneratedMap {
  const rand = seededRng(seed + nFactors);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const factors = Array.from({ length: nFactors }, (_, i) => {
    const words = 1 + Math.floor(rand() * 4);
    const parts = [pick(WORDS)];
    for (let w = 1; w < words; w++) parts.push(pick(LINKERS), pick(WORDS));
    const label = parts.join(' ');
    return { id: `g${i}`, label: label[0]!.toUpperCase() + label.slice(1) };
  });
  const theme = 10;
  const links = new Map<string, { source: string; target: string }>();
  const want = Math.round(nFactors * linksPerFactor);
  let guard = 0;
  while (links.size < want && guard++ < want * 50) {
    const a = Math.floor(rand() * nFactors);
    const within = rand() < 0.8;
    const base = Math.floor(a / theme) * theme;
    const b = within ? Math.min(nFactors - 1, base + Math.floor(rand() * theme)) : Math.floor(rand() * nFactors);
    if (a === b) continue;
    links.set(`${a}>${b}`, { source: `g${a}`, target: `g${b}` });
  }
  return { name: `generated ${nFactors} / ${links.size}`, factors, links: [...links.values()] };
}
