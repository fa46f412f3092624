import i18n from '../../i18n';

i18n.addResourceBundle('fr', 'translation', {
  inspector: {
    title: 'Détails',
    nothing: 'Sélectionnez un facteur ou un lien pour voir et modifier ses détails.',
    many: '{{count}} éléments sélectionnés.',
    label: 'Nom',
    notes: 'Notes',
    polarity: 'Polarité',
    strength: 'Force',
    strengthNone: 'Non précisée',
    strengthValue: '{{n}} sur 3',
    delay: 'L’effet arrive avec un délai',
    from: 'Cause',
    to: 'Effet',
    causes: 'Causes',
    effects: 'Effets',
    none: 'aucun',
  },
}, true, true);

i18n.addResourceBundle('en', 'translation', {
  inspector: {
    title: 'Details',
    nothing: 'Select a factor or a link to see and edit its details.',
    many: '{{count}} elements selected.',
    label: 'Name',
    notes: 'Notes',
    polarity: 'Polarity',
    strength: 'Strength',
    strengthNone: 'Not given',
    strengthValue: '{{n}} of 3',
    delay: 'The effect comes with a delay',
    from: 'Cause',
    to: 'Effect',
    causes: 'Causes',
    effects: 'Effects',
    none: 'none',
  },
}, true, true);
