/** French is the reference language: facilitators in Mali work in French. */
export const fr = {
  app: { name: 'Trame', tagline: 'Cartes causales partagées, en direct et hors ligne' },
  home: {
    newMap: 'Nouvelle carte',
    newMapTitle: 'Titre de la carte',
    untitled: 'Carte sans titre',
    recent: 'Cartes ouvertes sur cet appareil',
    none: 'Aucune carte ouverte sur cet appareil pour l’instant.',
    offlineCreated: 'Le relais est injoignable : la carte est créée sur cet appareil seulement.',
    openFile: 'Ouvrir un fichier de carte',
  },
  toolbar: {
    undo: 'Annuler',
    redo: 'Rétablir',
    addFactor: 'Ajouter un facteur',
    fitView: 'Tout afficher',
    delete: 'Supprimer la sélection',
    language: 'Langue',
    home: 'Accueil',
    title: 'Titre de la carte',
    closePanel: 'Fermer le panneau',
  },
  canvas: {
    emptyTitle: 'La carte est vide',
    emptyHint: 'Double-cliquez n’importe où pour ajouter un facteur, puis tirez depuis son bord vers un autre facteur pour dessiner un lien.',
    emptyKeys: 'N : nouveau facteur · Entrée : renommer · Suppr : effacer · Ctrl+Z : annuler',
    newFactor: 'Nouveau facteur',
    factor: 'Facteur {{label}}',
    link: 'Lien de {{source}} vers {{target}}',
    editLabel: 'Nom du facteur',
    minimap: 'Vue d’ensemble',
    readOnly: 'Lecture seule',
  },
  polarity: {
    '+': 'Même sens (+)',
    '-': 'Sens opposé (−)',
    '?': 'Non décidé (?)',
    cycle: 'Changer la polarité',
  },
  link: { strength: 'Force', delay: 'Avec délai' },
  errors: {
    selfLink: 'Un facteur ne peut pas être sa propre cause.',
    duplicateLink: 'Ces deux facteurs sont déjà reliés dans ce sens.',
    generic: 'Action impossible : {{message}}',
  },
  status: {
    local: 'Sur cet appareil',
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof fr>;
