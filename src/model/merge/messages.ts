import { formatIoMessage, type IoParams } from '../io/messages';

/**
 * What the merge tells the person reviewing it, in English and French, in the shape of the
 * import's messages (code, params, English text) so the app translates them the same way.
 */
export const MERGE_MESSAGES_EN = {
  'merge.self': 'a map cannot be merged into itself',
  'merge.noTitle': 'give the mini-map a name: the merged map records which mini-map each factor came from',
  'merge.empty': 'the mini-map has no factors: nothing to merge',
  'merge.noLabels': "none of the mini-map's {{count}} factors has a name that can be compared (all empty or punctuation only): nothing to merge",
  'merge.identical': 'everything in this mini-map is already in the map ({{factors}} factors, {{links}} links): nothing will be added',
  'merge.again': "'{{title}}' was merged before ({{count}} factors came from it): merging it again updates what came from it",
  'merge.unnamed': "{{count}} factors have no name that can be compared ('{{example}}'): they will be added as new factors",
  'merge.conflicts': '{{count}} links have opposite polarities in the map and in the mini-map: choose one for each',
  'merge.undecided': '{{count}} polarity conflicts are not decided yet',
  'merge.selfLinks': '{{count}} links joined two factors merged into one and were left out',
  'merge.targetGone': '{{count}} factors chosen as matches were deleted meanwhile; the mini-map factors were added as new ones',
  'merge.badTarget': "'{{label}}' is matched with a factor the map does not have",
} as const;

export type MergeCode = keyof typeof MERGE_MESSAGES_EN;

export const MERGE_MESSAGES_FR: Record<MergeCode, string> = {
  'merge.self': 'une carte ne peut pas être fusionnée dans elle-même',
  'merge.noTitle': "donnez un nom à la mini-carte : la carte fusionnée garde la trace de la mini-carte d'où vient chaque facteur",
  'merge.empty': "la mini-carte n'a aucun facteur : rien à fusionner",
  'merge.noLabels': "aucun des {{count}} facteurs de la mini-carte n'a un nom comparable (tous vides ou faits de ponctuation) : rien à fusionner",
  'merge.identical': 'tout ce que contient cette mini-carte est déjà dans la carte ({{factors}} facteurs, {{links}} liens) : rien ne sera ajouté',
  'merge.again': '« {{title}} » a déjà été fusionnée ({{count}} facteurs en viennent) : la fusionner à nouveau met à jour ce qui en vient',
  'merge.unnamed': "{{count}} facteurs n'ont pas de nom comparable (« {{example}} ») : ils seront ajoutés comme nouveaux facteurs",
  'merge.conflicts': '{{count}} liens ont des polarités opposées dans la carte et dans la mini-carte : choisissez pour chacun',
  'merge.undecided': "{{count}} conflits de polarité ne sont pas encore tranchés",
  'merge.selfLinks': '{{count}} liens reliaient deux facteurs fusionnés en un seul et ont été laissés de côté',
  'merge.targetGone': '{{count}} facteurs choisis comme correspondances ont été supprimés entre-temps ; les facteurs de la mini-carte ont été ajoutés comme nouveaux',
  'merge.badTarget': "« {{label}} » est associé à un facteur que la carte n'a pas",
};

export interface MergeIssue {
  readonly code: MergeCode;
  readonly params: IoParams;
  /** English. */
  readonly message: string;
}

export function mergeIssue(code: MergeCode, params: IoParams = {}): MergeIssue {
  return { code, params, message: formatIoMessage(MERGE_MESSAGES_EN[code], params) };
}

export function mergeMessage(issue: MergeIssue, language: string): string {
  const table = language.startsWith('fr') ? MERGE_MESSAGES_FR : MERGE_MESSAGES_EN;
  return formatIoMessage(table[issue.code], issue.params);
}
