/**
 * Message templates for import and export, in English and French. The model returns
 * `{ code, params, message }` (message in English); the app looks the code up here to show it
 * in the user's language. Placeholders use i18next's `{{name}}` syntax so the app can load these
 * objects as i18next resources as they are, while the model formats them without i18next.
 */
import { INTEROP_MESSAGES_EN, INTEROP_MESSAGES_FR } from './interop-messages';

export const IO_MESSAGES_EN = {
  ...INTEROP_MESSAGES_EN,
  'text.tooLarge': 'file too large ({{size}} MB, limit {{limit}} MB)',
  'text.binary': 'not a text file',
  'text.empty': 'the file is empty',
  'text.windows1252': 'the file was not in UTF-8; it was read as Windows-1252 (Excel)',

  'import.unknownFormat': "{{name}}: unrecognised file — expected a Trame map (.json), a CSV of links or factors, or a GraphML file",
  'import.tooManyFactors': 'too many factors ({{count}}, limit {{limit}})',
  'import.tooManyLinks': 'too many links ({{count}}, limit {{limit}})',
  'import.notEmpty': 'a map can only be created from a file into an empty map',
  'import.moreErrors': '… and {{count}} more problems',
  'import.fileCombination': 'give one map file, or a CSV of factors with a CSV of links',
  'import.linksSkipped': '{{count}} links were already in the map and were left as they are',
  'import.blankLabel': '{{where}}: a factor needs a label',

  'json.syntax': 'broken JSON at line {{line}}, column {{column}}',
  'json.notTrame': "not a Trame map file (its 'format' is not 'trame')",
  'json.newerVersion': 'this map was made by a newer version of Trame (format version {{version}}; this version reads up to {{supported}}): update Trame to open it',
  'json.badVersion': "{{where}}: must be a whole number from 1 to {{supported}}",
  'json.required': '{{where}}: missing',
  'json.notString': '{{where}}: must be text',
  'json.notNumber': '{{where}}: must be a number',
  'json.notBoolean': '{{where}}: must be true or false',
  'json.notArray': '{{where}}: must be a list',
  'json.notObject': '{{where}}: must be an object',
  'json.empty': '{{where}}: must not be empty',
  'json.tooLong': '{{where}}: longer than {{max}} characters',
  'json.positionPair': '{{where}}: give both x and y, or neither',
  'json.duplicateId': "{{where}}: the id '{{id}}' is used twice",
  'json.unknownFactor': "{{where}}: no factor has the id '{{id}}'",
  'json.selfLink': '{{where}}: a factor cannot cause itself',
  'json.duplicateLink': '{{where}}: same cause and effect as {{first}}',
  'json.badPolarity': "{{where}}: unknown polarity '{{value}}' (use +, - or ?)",
  'json.badStrength': "{{where}}: strength must be 1, 2 or 3, not '{{value}}'",
  'json.badMetaValue': '{{where}}: must be text, a number or true/false',
  'json.unknownField': '{{where}}: unknown field, ignored',
  'json.unknownSection': "'{{name}}': a part of the map this version of Trame does not know, ignored",
  'json.section': '{{where}}: {{detail}}',

  'csv.badHeader': "line 1: the first line must name the columns: cause,effect (a file of links) or label (a file of factors); found '{{found}}'",
  'csv.missingColumn': "line 1: the column '{{column}}' is missing",
  'csv.duplicateColumn': "line 1: the column '{{column}}' appears twice",
  'csv.unknownColumn': "line 1: the column '{{column}}' is not used, ignored",
  'csv.quotes': 'line {{line}}: a quoted text is not closed, or a quote is misplaced',
  'csv.tooManyFields': 'line {{line}}: {{count}} fields but the header has {{expected}} (a comma inside a text needs quotes around the text)',
  'csv.noRows': 'the file has a header but no rows',
  'csv.missingCause': 'line {{line}}: the cause is missing',
  'csv.missingEffect': 'line {{line}}: the effect is missing',
  'csv.missingLabel': 'line {{line}}: the label is missing',
  'csv.selfLink': "line {{line}}: '{{label}}' cannot cause itself",
  'csv.duplicateLink': 'line {{line}}: the same link is already on line {{first}}',
  'csv.duplicateFactor': "line {{line}}: the factor '{{label}}' is already on line {{first}}",
  'csv.unknownPolarity': "line {{line}}: unknown polarity '{{value}}' (use +, - or ?)",
  'csv.badStrength': "line {{line}}: strength must be 1, 2 or 3, not '{{value}}'",
  'csv.badDelay': "line {{line}}: delay must be yes or no (true/false, 1/0), not '{{value}}'",
  'csv.tooLong': 'line {{line}}: the {{field}} is longer than {{max}} characters',

  'xml.syntax': 'line {{line}}: broken XML ({{detail}})',
  'xml.mismatch': 'line {{line}}: </{{found}}> closes <{{expected}}>',
  'xml.unclosed': 'line {{line}}: <{{name}}> is never closed',
  'xml.badEntity': "line {{line}}: unknown entity '&{{entity}};'",
  'graphml.notGraphml': 'not a GraphML file (no <graphml> element)',
  'graphml.noGraph': 'the GraphML file has no <graph>',
  'graphml.missingId': '{{where}}: no id',
  'graphml.duplicateNode': "{{where}}: the node id '{{id}}' is used twice",
  'graphml.unknownNode': "{{where}}: no node has the id '{{id}}'",
  'graphml.badValue': "{{where}}: '{{value}}' is not a valid {{type}} for {{key}}",
  'graphml.selfLink': '{{where}}: a factor cannot cause itself',
  'graphml.duplicateLink': '{{where}}: same source and target as {{first}}',
  'graphml.unknownPolarity': "{{where}}: unknown polarity '{{value}}' (use +, - or ?)",
  'graphml.badStrength': "{{where}}: strength must be 1, 2 or 3, not '{{value}}'",
  'graphml.tooLong': '{{where}}: the {{field}} is longer than {{max}} characters',
  'graphml.undirected': 'the graph is undirected; each edge was read as a link from its source to its target',

  'stories.badHeader': "line 1: the first line must name the columns, at least 'code' (code,summary,place,date,group,language,tags); found '{{found}}'",
  'stories.missingCode': 'line {{line}}: the code is missing',
  'stories.duplicateCode': "line {{line}}: the code '{{code}}' is already on line {{first}}",
  'stories.existingCode': "line {{line}}: the map already has a story coded '{{code}}'",
  'stories.tooLong': 'line {{line}}: the {{field}} is longer than {{max}} characters',
  'stories.tooManyTags': 'line {{line}}: more than {{max}} tags',
  'stories.tooMany': 'too many stories ({{count}}, limit {{limit}})',
} as const;

export type IoCode = keyof typeof IO_MESSAGES_EN;

export const IO_MESSAGES_FR: Record<IoCode, string> = {
  ...INTEROP_MESSAGES_FR,
  'text.tooLarge': 'fichier trop volumineux ({{size}} Mo, limite {{limit}} Mo)',
  'text.binary': "ce n'est pas un fichier texte",
  'text.empty': 'le fichier est vide',
  'text.windows1252': "le fichier n'était pas en UTF-8 ; il a été lu en Windows-1252 (Excel)",

  'import.unknownFormat': '{{name}} : fichier non reconnu — attendu une carte Trame (.json), un CSV de liens ou de facteurs, ou un fichier GraphML',
  'import.tooManyFactors': 'trop de facteurs ({{count}}, limite {{limit}})',
  'import.tooManyLinks': 'trop de liens ({{count}}, limite {{limit}})',
  'import.notEmpty': "une carte ne peut être créée à partir d'un fichier que dans une carte vide",
  'import.moreErrors': '… et {{count}} autres problèmes',
  'import.fileCombination': 'donnez un seul fichier de carte, ou un CSV de facteurs avec un CSV de liens',
  'import.linksSkipped': '{{count}} liens étaient déjà dans la carte et ont été laissés tels quels',
  'import.blankLabel': '{{where}} : un facteur doit avoir un nom',

  'json.syntax': 'JSON invalide à la ligne {{line}}, colonne {{column}}',
  'json.notTrame': "ce n'est pas un fichier de carte Trame (son « format » n'est pas « trame »)",
  'json.newerVersion': "cette carte a été faite par une version plus récente de Trame (version de format {{version}} ; cette version lit jusqu'à {{supported}}) : mettez Trame à jour pour l'ouvrir",
  'json.badVersion': '{{where}} : doit être un nombre entier de 1 à {{supported}}',
  'json.required': '{{where}} : manquant',
  'json.notString': '{{where}} : doit être un texte',
  'json.notNumber': '{{where}} : doit être un nombre',
  'json.notBoolean': '{{where}} : doit être true ou false',
  'json.notArray': '{{where}} : doit être une liste',
  'json.notObject': '{{where}} : doit être un objet',
  'json.empty': '{{where}} : ne doit pas être vide',
  'json.tooLong': '{{where}} : plus de {{max}} caractères',
  'json.positionPair': '{{where}} : donnez x et y, ou aucun des deux',
  'json.duplicateId': "{{where}} : l'identifiant « {{id}} » est utilisé deux fois",
  'json.unknownFactor': "{{where}} : aucun facteur n'a l'identifiant « {{id}} »",
  'json.selfLink': '{{where}} : un facteur ne peut pas être sa propre cause',
  'json.duplicateLink': '{{where}} : même cause et même effet que {{first}}',
  'json.badPolarity': '{{where}} : polarité inconnue « {{value}} » (utilisez +, - ou ?)',
  'json.badStrength': '{{where}} : la force doit être 1, 2 ou 3, pas « {{value}} »',
  'json.badMetaValue': '{{where}} : doit être un texte, un nombre ou true/false',
  'json.unknownField': '{{where}} : champ inconnu, ignoré',
  'json.unknownSection': '« {{name}} » : une partie de la carte que cette version de Trame ne connaît pas, ignorée',
  'json.section': '{{where}} : {{detail}}',

  'csv.badHeader': "ligne 1 : la première ligne doit nommer les colonnes : cause,effect (un fichier de liens) ou label (un fichier de facteurs) ; trouvé « {{found}} »",
  'csv.missingColumn': 'ligne 1 : la colonne « {{column}} » manque',
  'csv.duplicateColumn': 'ligne 1 : la colonne « {{column}} » apparaît deux fois',
  'csv.unknownColumn': "ligne 1 : la colonne « {{column}} » n'est pas utilisée, ignorée",
  'csv.quotes': "ligne {{line}} : un texte entre guillemets n'est pas fermé, ou un guillemet est mal placé",
  'csv.tooManyFields': "ligne {{line}} : {{count}} champs mais l'en-tête en a {{expected}} (une virgule dans un texte demande des guillemets autour du texte)",
  'csv.noRows': "le fichier a un en-tête mais aucune ligne",
  'csv.missingCause': 'ligne {{line}} : la cause manque',
  'csv.missingEffect': "ligne {{line}} : l'effet manque",
  'csv.missingLabel': 'ligne {{line}} : le libellé manque',
  'csv.selfLink': 'ligne {{line}} : « {{label}} » ne peut pas être sa propre cause',
  'csv.duplicateLink': 'ligne {{line}} : le même lien est déjà à la ligne {{first}}',
  'csv.duplicateFactor': 'ligne {{line}} : le facteur « {{label}} » est déjà à la ligne {{first}}',
  'csv.unknownPolarity': 'ligne {{line}} : polarité inconnue « {{value}} » (utilisez +, - ou ?)',
  'csv.badStrength': 'ligne {{line}} : la force doit être 1, 2 ou 3, pas « {{value}} »',
  'csv.badDelay': 'ligne {{line}} : le délai doit être oui ou non (true/false, 1/0), pas « {{value}} »',
  'csv.tooLong': 'ligne {{line}} : le champ {{field}} dépasse {{max}} caractères',

  'xml.syntax': 'ligne {{line}} : XML invalide ({{detail}})',
  'xml.mismatch': 'ligne {{line}} : </{{found}}> ferme <{{expected}}>',
  'xml.unclosed': "ligne {{line}} : <{{name}}> n'est jamais fermé",
  'xml.badEntity': 'ligne {{line}} : entité inconnue « &{{entity}}; »',
  'graphml.notGraphml': "ce n'est pas un fichier GraphML (pas d'élément <graphml>)",
  'graphml.noGraph': "le fichier GraphML n'a pas de <graph>",
  'graphml.missingId': "{{where}} : pas d'identifiant",
  'graphml.duplicateNode': "{{where}} : l'identifiant de nœud « {{id}} » est utilisé deux fois",
  'graphml.unknownNode': "{{where}} : aucun nœud n'a l'identifiant « {{id}} »",
  'graphml.badValue': "{{where}} : « {{value}} » n'est pas une valeur {{type}} valide pour {{key}}",
  'graphml.selfLink': '{{where}} : un facteur ne peut pas être sa propre cause',
  'graphml.duplicateLink': '{{where}} : même source et même cible que {{first}}',
  'graphml.unknownPolarity': '{{where}} : polarité inconnue « {{value}} » (utilisez +, - ou ?)',
  'graphml.badStrength': '{{where}} : la force doit être 1, 2 ou 3, pas « {{value}} »',
  'graphml.tooLong': '{{where}} : le champ {{field}} dépasse {{max}} caractères',
  'graphml.undirected': "le graphe n'est pas orienté ; chaque arête a été lue comme un lien de sa source vers sa cible",

  'stories.badHeader': "ligne 1 : la première ligne doit nommer les colonnes, au moins « code » (code,résumé,lieu,date,groupe,langue,tags) ; trouvé « {{found}} »",
  'stories.missingCode': 'ligne {{line}} : le code manque',
  'stories.duplicateCode': 'ligne {{line}} : le code « {{code}} » est déjà ligne {{first}}',
  'stories.existingCode': 'ligne {{line}} : la carte a déjà un récit de code « {{code}} »',
  'stories.tooLong': 'ligne {{line}} : le champ {{field}} dépasse {{max}} caractères',
  'stories.tooManyTags': 'ligne {{line}} : plus de {{max}} tags',
  'stories.tooMany': 'trop de récits ({{count}}, limite {{limit}})',
};

export type IoParams = Readonly<Record<string, string | number>>;

/** Fills `{{name}}` placeholders; an unknown placeholder is left visible rather than hidden. */
export function formatIoMessage(template: string, params: IoParams): string {
  return template.replace(/\{\{(\w+)\}\}/g, (all, name: string) => {
    const v = params[name];
    return v === undefined ? all : String(v);
  });
}

/** An issue's message in the user's language (French unless the language is English). */
export function ioMessage(issue: { readonly code: IoCode; readonly params: IoParams }, language: string): string {
  const messages = language.startsWith('en') ? IO_MESSAGES_EN : IO_MESSAGES_FR;
  return formatIoMessage(messages[issue.code], issue.params);
}
