import i18n from '../../i18n';
import { IO_MESSAGES_EN, IO_MESSAGES_FR } from '../../model/io/messages';

// The model's own French and English texts for import problems, as i18next resources, with
// the few problems only the app meets (a file it cannot read, the relay refusing or absent).
i18n.addResourceBundle('fr', 'io', {
  ...IO_MESSAGES_FR,
  'import.readError': 'le fichier « {{name}} » n’a pas pu être lu',
  'import.server': 'le serveur a refusé la carte ({{code}})',
  'import.offline': 'le serveur ne répond pas : ajoutez plutôt le fichier à une carte ouverte',
  'import.snapshotFailed': 'l’état d’avant l’import n’a pas pu être enregistré sur le serveur ({{code}}) ; Ctrl+Z retire l’import',
}, true, true);
i18n.addResourceBundle('en', 'io', {
  ...IO_MESSAGES_EN,
  'import.readError': 'the file “{{name}}” could not be read',
  'import.server': 'the server refused the map ({{code}})',
  'import.offline': 'the server does not answer: add the file to an open map instead',
  'import.snapshotFailed': 'the map as it stood before the import could not be kept on the server ({{code}}); Ctrl+Z removes the import',
}, true, true);
