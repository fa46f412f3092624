/**
 * The bundled pictograms a factor can carry (issue 6). Many workshop participants read little
 * or no French or English, so a drawn water point or cow says more than a label. The model
 * stores only the name (`icon` of a factor); the UI draws each name as an inline SVG and
 * ignores names it does not know (a newer peer may have more).
 */
export interface IconInfo {
  readonly name: string;
  readonly fr: string;
  readonly en: string;
}

export const ICONS: readonly IconInfo[] = [
  { name: 'water', fr: 'Eau', en: 'Water' },
  { name: 'cattle', fr: 'Bétail', en: 'Cattle' },
  { name: 'farming', fr: 'Agriculture', en: 'Farming' },
  { name: 'land', fr: 'Terre, foncier', en: 'Land' },
  { name: 'fish', fr: 'Pêche', en: 'Fishing' },
  { name: 'drought', fr: 'Sécheresse', en: 'Drought' },
  { name: 'flood', fr: 'Inondation', en: 'Flood' },
  { name: 'fire', fr: 'Feu', en: 'Fire' },
  { name: 'market', fr: 'Marché', en: 'Market' },
  { name: 'money', fr: 'Argent', en: 'Money' },
  { name: 'work', fr: 'Travail, emploi', en: 'Work, jobs' },
  { name: 'road', fr: 'Route, transport', en: 'Road, transport' },
  { name: 'school', fr: 'École', en: 'School' },
  { name: 'health', fr: 'Santé', en: 'Health' },
  { name: 'food', fr: 'Nourriture', en: 'Food' },
  { name: 'family', fr: 'Famille', en: 'Family' },
  { name: 'women', fr: 'Femmes', en: 'Women' },
  { name: 'youth', fr: 'Jeunes', en: 'Youth' },
  { name: 'elders', fr: 'Anciens, chefs coutumiers', en: 'Elders, customary leaders' },
  { name: 'religion', fr: 'Religion', en: 'Religion' },
  { name: 'displacement', fr: 'Déplacement', en: 'Displacement' },
  { name: 'migration', fr: 'Migration', en: 'Migration' },
  { name: 'weapon', fr: 'Armes', en: 'Weapons' },
  { name: 'armed-group', fr: 'Groupe armé', en: 'Armed group' },
  { name: 'security', fr: 'Police, sécurité', en: 'Police, security' },
  { name: 'justice', fr: 'Justice, tribunal', en: 'Justice, court' },
  { name: 'government', fr: 'État, administration', en: 'Government' },
  { name: 'dialogue', fr: 'Dialogue, paix', en: 'Dialogue, peace' },
  { name: 'conflict', fr: 'Conflit', en: 'Conflict' },
  { name: 'communication', fr: 'Radio, téléphone', en: 'Radio, phone' },
  { name: 'trust', fr: 'Confiance', en: 'Trust' },
  { name: 'house', fr: 'Maison, village', en: 'House, village' },
];

export const ICON_NAMES: readonly string[] = ICONS.map((i) => i.name);

const byName = new Map(ICONS.map((i) => [i.name, i]));

export function isIconName(name: unknown): name is string {
  return typeof name === 'string' && byName.has(name);
}

/** The label in the given language (French unless 'en'), or null for an unknown name. */
export function iconLabel(name: string, language: string): string | null {
  const icon = byName.get(name);
  if (!icon) return null;
  return language.startsWith('en') ? icon.en : icon.fr;
}
