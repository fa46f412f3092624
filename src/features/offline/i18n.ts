import i18n from '../../i18n';

i18n.addResourceBundle('fr', 'translation', {
  offline: {
    newVersion: 'Une nouvelle version de Trame est prête.',
    reload: 'Recharger',
    later: 'Plus tard',
    laterHint: 'Elle s’installera la prochaine fois que Trame sera ouvert.',
    ready: 'Trame fonctionne maintenant sans réseau sur cet appareil.',
    lanLabel: 'Adresse pour les téléphones du réseau local',
    lanOne: 'Liens pour les téléphones du réseau local : {{origin}}',
    lanNone: 'Ces liens commencent par localhost : les téléphones ne peuvent pas les ouvrir. Démarrez Trame sur le réseau local (HOST=0.0.0.0, par défaut) et connectez cet ordinateur au point d’accès Wi-Fi.',
  },
}, true, true);

i18n.addResourceBundle('en', 'translation', {
  offline: {
    newVersion: 'A new version of Trame is ready.',
    reload: 'Reload',
    later: 'Later',
    laterHint: 'It will be installed the next time Trame is opened.',
    ready: 'Trame now works without a network on this device.',
    lanLabel: 'Address for phones on the local network',
    lanOne: 'Links for phones on the local network: {{origin}}',
    lanNone: 'These links start with localhost: phones cannot open them. Start Trame on the local network (HOST=0.0.0.0, the default) and connect this computer to the Wi-Fi hotspot.',
  },
}, true, true);
