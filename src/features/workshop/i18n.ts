import i18n from '../../i18n';
import { en } from './messages-en';
import { fr } from './messages-fr';

i18n.addResourceBundle('fr', 'translation', { workshop: fr }, true, true);
i18n.addResourceBundle('en', 'translation', { workshop: en }, true, true);
