import type { Messages } from './fr';

export const en: Messages = {
  app: { name: 'Trame', tagline: 'Shared causal maps, live and offline' },
  home: {
    newMap: 'New map',
    newMapTitle: 'Map title',
    untitled: 'Untitled map',
    recent: 'Maps opened on this device',
    none: 'No map opened on this device yet.',
    offlineCreated: 'The relay cannot be reached: the map is created on this device only.',
    openFile: 'Open a map file',
  },
  toolbar: {
    undo: 'Undo',
    redo: 'Redo',
    addFactor: 'Add a factor',
    fitView: 'Fit view',
    delete: 'Delete selection',
    language: 'Language',
    home: 'Home',
    title: 'Map title',
    closePanel: 'Close the panel',
  },
  canvas: {
    emptyTitle: 'The map is empty',
    emptyHint: 'Double-click anywhere to add a factor, then drag from its edge to another factor to draw a link.',
    emptyKeys: 'N: new factor · Enter: rename · Delete: remove · Ctrl+Z: undo',
    newFactor: 'New factor',
    factor: 'Factor {{label}}',
    link: 'Link from {{source}} to {{target}}',
    editLabel: 'Factor name',
    minimap: 'Overview',
    readOnly: 'Read only',
  },
  polarity: {
    '+': 'Same direction (+)',
    '-': 'Opposite direction (−)',
    '?': 'Not decided (?)',
    cycle: 'Change polarity',
  },
  link: { strength: 'Strength', delay: 'Delayed' },
  errors: {
    selfLink: 'A factor cannot cause itself.',
    duplicateLink: 'These two factors are already linked in this direction.',
    generic: 'Not possible: {{message}}',
  },
  status: {
    local: 'On this device',
  },
};
