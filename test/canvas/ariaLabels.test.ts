import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { linkNamer } from '../../src/canvas/ariaLabels';
import { en } from '../../src/i18n/en';
import { fr } from '../../src/i18n/fr';

async function tOf(lng: 'fr' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { fr: { translation: fr }, en: { translation: en } }, interpolation: { escapeValue: false } });
  return i18n.t.bind(i18n);
}

describe('a link is named by its factors', () => {
  it('in the map\'s language, as the translation would name it, names put in as written', async () => {
    const t = await tOf('fr');
    const name = linkNamer(t);
    expect(name('Sécheresse', 'Exode')).toBe(t('canvas.link', { source: 'Sécheresse', target: 'Exode' }));
    expect(name('Sécheresse', 'Exode')).toBe('Lien de Sécheresse vers Exode');
    // Labels are text, never replacement patterns.
    expect(name('Prix $& taxes', '$1')).toBe('Lien de Prix $& taxes vers $1');
    expect(name(undefined, 'Exode')).toBe('Lien de ? vers Exode');
    expect(linkNamer(await tOf('en'))('Drought', 'Migration')).toBe('Link from Drought to Migration');
  });
});
