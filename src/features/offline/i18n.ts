import i18n from '../../i18n';

i18n.addResourceBundle('fr', 'translation', {
  offline: {
    newVersion: 'Une nouvelle version de Trame est prête.',
    reload: 'Recharger',
    later: 'Plus tard',
    laterHint: 'Elle s’installera la prochaine fois que Trame sera ouvert.',
    ready: 'Trame fonctionne maintenant sans réseau sur cet appareil.',
    ok: 'OK',
    saveFile: 'Enregistrer la carte dans un fichier',
    saveFileShort: 'Enregistrer',
    openFile: 'Ouvrir une carte depuis un fichier',
    openFileShort: 'Ouvrir',
    opened: 'Carte ajoutée depuis {{name}} : {{factors}} facteurs, {{links}} liens.',
    openFailed: 'Impossible d’ouvrir {{name}} : {{message}}',
    notTrame: 'ce n’est pas un fichier de carte Trame (.json).',
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
    ok: 'OK',
    saveFile: 'Save the map to a file',
    saveFileShort: 'Save',
    openFile: 'Open a map from a file',
    openFileShort: 'Open',
    opened: 'Map added from {{name}}: {{factors}} factors, {{links}} links.',
    openFailed: 'Could not open {{name}}: {{message}}',
    notTrame: 'this is not a Trame map file (.json).',
    lanLabel: 'Address for phones on the local network',
    lanOne: 'Links for phones on the local network: {{origin}}',
    lanNone: 'These links start with localhost: phones cannot open them. Start Trame on the local network (HOST=0.0.0.0, the default) and connect this computer to the Wi-Fi hotspot.',
  },
}, true, true);
