/**
 * Messages of the readers of other tools' files (Excel workbooks, Kumu blueprints), merged into
 * IO_MESSAGES_EN / IO_MESSAGES_FR by messages.ts. A workbook problem names its sheet, row and
 * column, as the person will look for it in Excel.
 */
const AT_EN = "sheet '{{sheet}}', row {{row}}, column {{column}}";
const AT_FR = 'feuille « {{sheet}} », ligne {{row}}, colonne {{column}}';
const READ_EN = 'Trame reads .xlsx workbooks, CSV, GraphML, Trame (.json) and Kumu (.json) files';
const READ_FR = 'Trame lit les classeurs .xlsx, les fichiers CSV, GraphML, Trame (.json) et Kumu (.json)';

export const INTEROP_MESSAGES_EN = {
  'xlsx.xls': `{{name}}: an old Excel file (.xls) — in Excel, save it as "Excel Workbook (.xlsx)" or as CSV. ${READ_EN}`,
  'xlsx.ods': `{{name}}: an OpenDocument spreadsheet (.ods) — save it as .xlsx or CSV. ${READ_EN}`,
  'xlsx.encrypted': '{{name}}: the workbook is protected by a password — open it in Excel, remove the password (File › Info › Protect Workbook) and save it again',
  'xlsx.damaged': '{{name}}: not a readable .xlsx workbook ({{detail}})',
  'xlsx.tooLarge': '{{name}}: the workbook unpacks to more than {{limit}} MB (at {{part}}); it was refused before being unpacked',
  'xlsx.noSheet': "{{name}}: no sheet names the expected columns — a sheet of factors needs a column 'Label' (or Libellé, Facteur, Nom), a sheet of links needs 'From' and 'To' (or Cause and Effet) in its first rows; sheets found: {{sheets}}",
  'xlsx.xml': "sheet '{{sheet}}': the sheet is damaged ({{detail}})",
  'xlsx.sheetSkipped': "sheet '{{sheet}}' does not name the expected columns and was left out",
  'xlsx.duplicateColumn': `${AT_EN}: the column '{{header}}' appears twice`,
  'xlsx.missingLabel': `${AT_EN}: the label is missing`,
  'xlsx.missingCause': `${AT_EN}: the cause (From) is missing`,
  'xlsx.missingEffect': `${AT_EN}: the effect (To) is missing`,
  'xlsx.duplicateFactor': `${AT_EN}: the factor '{{label}}' is already on row {{first}}`,
  'xlsx.unknownPolarity': `${AT_EN}: unknown polarity '{{value}}' (use +, - or ?)`,
  'xlsx.strengthDropped': "sheet '{{sheet}}': {{count}} strengths that are not 1, 2 or 3 (weak, medium, strong), such as '{{value}}', were not kept",
  'xlsx.badDelay': `${AT_EN}: delay must be yes or no, not '{{value}}'`,
  'xlsx.tooLong': `${AT_EN}: the {{field}} is longer than {{max}} characters`,
  'xlsx.badPosition': `${AT_EN}: '{{value}}' is not a number; the factor was laid out instead`,
  'xlsx.formulaNoValue': `${AT_EN}: a formula with no saved result was read as empty (formulas are never computed; save the file in Excel to store their results)`,
  'xlsx.selfLink': `${AT_EN}: '{{label}}' cannot cause itself; the row was left out`,
  'xlsx.duplicateLink': `${AT_EN}: the same link is already on row {{first}}; this row was left out`,
  'xlsx.typeNotPolarity': "sheet '{{sheet}}': {{count}} connection types that do not say + or − (such as '{{value}}') were read as ? (not decided)",

  'kumu.notList': "{{where}}: must be a list",
  'kumu.notObject': '{{where}}: must be an object',
  'kumu.missingLabel': '{{where}}: the label is missing',
  'kumu.tooLong': '{{where}}: the {{field}} is longer than {{max}} characters',
  'kumu.duplicateId': "{{where}}: the id '{{id}}' is used twice",
  'kumu.unknownElement': "{{where}}: no element has the id or label '{{id}}'",
  'kumu.selfLink': '{{where}}: an element cannot cause itself; left out',
  'kumu.duplicateLink': '{{where}}: same from and to as {{first}}; left out',
  'kumu.undirected': '{{count}} connections without direction were read from their "from" to their "to"',
  'kumu.typeNotPolarity': "{{count}} connection types that do not say + or − (such as '{{value}}') were read as ? (not decided)",
  'kumu.strengthDropped': "{{count}} strengths that are not 1, 2 or 3, such as '{{value}}', were not kept",
  'kumu.loopSkipped': "the loop '{{name}}' is not a closed chain of connections and was left out",

  'import.jsonNotMap': "not a map file: a JSON map is Trame's (\"format\": \"trame\") or a Kumu blueprint (\"elements\" and \"connections\")",
} as const;

export type InteropCode = keyof typeof INTEROP_MESSAGES_EN;

export const INTEROP_MESSAGES_FR: Record<InteropCode, string> = {
  'xlsx.xls': `{{name}} : un ancien fichier Excel (.xls) — dans Excel, enregistrez-le en « Classeur Excel (.xlsx) » ou en CSV. ${READ_FR}`,
  'xlsx.ods': `{{name}} : un classeur OpenDocument (.ods) — enregistrez-le en .xlsx ou en CSV. ${READ_FR}`,
  'xlsx.encrypted': '{{name}} : le classeur est protégé par un mot de passe — ouvrez-le dans Excel, retirez le mot de passe (Fichier › Informations › Protéger le classeur) et enregistrez-le à nouveau',
  'xlsx.damaged': "{{name}} : ce n'est pas un classeur .xlsx lisible ({{detail}})",
  'xlsx.tooLarge': '{{name}} : le classeur dépasse {{limit}} Mo une fois décompressé (à {{part}}) ; il a été refusé avant d’être décompressé',
  'xlsx.noSheet': "{{name}} : aucune feuille ne nomme les colonnes attendues — une feuille de facteurs demande une colonne « Libellé » (ou Label, Facteur, Nom), une feuille de liens « Cause » et « Effet » (ou From et To) dans ses premières lignes ; feuilles trouvées : {{sheets}}",
  'xlsx.xml': 'feuille « {{sheet}} » : la feuille est endommagée ({{detail}})',
  'xlsx.sheetSkipped': "la feuille « {{sheet}} » ne nomme pas les colonnes attendues et n'a pas été lue",
  'xlsx.duplicateColumn': `${AT_FR} : la colonne « {{header}} » apparaît deux fois`,
  'xlsx.missingLabel': `${AT_FR} : le libellé manque`,
  'xlsx.missingCause': `${AT_FR} : la cause (From) manque`,
  'xlsx.missingEffect': `${AT_FR} : l'effet (To) manque`,
  'xlsx.duplicateFactor': `${AT_FR} : le facteur « {{label}} » est déjà à la ligne {{first}}`,
  'xlsx.unknownPolarity': `${AT_FR} : polarité inconnue « {{value}} » (utilisez +, - ou ?)`,
  'xlsx.strengthDropped': 'feuille « {{sheet}} » : {{count}} forces qui ne sont pas 1, 2 ou 3 (faible, moyenne, forte), comme « {{value}} », n’ont pas été gardées',
  'xlsx.badDelay': `${AT_FR} : le délai doit être oui ou non, pas « {{value}} »`,
  'xlsx.tooLong': `${AT_FR} : le champ {{field}} dépasse {{max}} caractères`,
  'xlsx.badPosition': `${AT_FR} : « {{value}} » n'est pas un nombre ; le facteur a été placé automatiquement`,
  'xlsx.formulaNoValue': `${AT_FR} : une formule sans résultat enregistré a été lue vide (les formules ne sont jamais calculées ; enregistrez le fichier dans Excel pour garder leurs résultats)`,
  'xlsx.selfLink': `${AT_FR} : « {{label}} » ne peut pas être sa propre cause ; la ligne n'a pas été lue`,
  'xlsx.duplicateLink': `${AT_FR} : le même lien est déjà à la ligne {{first}} ; cette ligne n'a pas été lue`,
  'xlsx.typeNotPolarity': 'feuille « {{sheet}} » : {{count}} types de connexion qui ne disent ni + ni − (comme « {{value}} ») ont été lus comme ? (non décidé)',

  'kumu.notList': '{{where}} : doit être une liste',
  'kumu.notObject': '{{where}} : doit être un objet',
  'kumu.missingLabel': '{{where}} : le libellé manque',
  'kumu.tooLong': '{{where}} : le champ {{field}} dépasse {{max}} caractères',
  'kumu.duplicateId': "{{where}} : l'identifiant « {{id}} » est utilisé deux fois",
  'kumu.unknownElement': "{{where}} : aucun élément n'a l'identifiant ou le libellé « {{id}} »",
  'kumu.selfLink': '{{where}} : un élément ne peut pas être sa propre cause ; ignoré',
  'kumu.duplicateLink': '{{where}} : même origine et même destination que {{first}} ; ignoré',
  'kumu.undirected': '{{count}} connexions sans direction ont été lues de leur « from » vers leur « to »',
  'kumu.typeNotPolarity': '{{count}} types de connexion qui ne disent ni + ni − (comme « {{value}} ») ont été lus comme ? (non décidé)',
  'kumu.strengthDropped': '{{count}} forces qui ne sont pas 1, 2 ou 3, comme « {{value}} », n’ont pas été gardées',
  'kumu.loopSkipped': "la boucle « {{name}} » n'est pas une chaîne fermée de connexions et n'a pas été reprise",

  'import.jsonNotMap': "ce n'est pas un fichier de carte : une carte JSON est celle de Trame (« format » : « trame ») ou un blueprint Kumu (« elements » et « connections »)",
};
