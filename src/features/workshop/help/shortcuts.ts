import type { TFunction } from 'i18next';
// eslint-disable-next-line trame/layers -- goes with the canvas and shortcut registries (#15, next landing)
import type { PanelDef } from '../../../app/panels';

export interface ShortcutRow {
  keys: string[];
  what: string;
}

export interface ShortcutGroup {
  title: string;
  rows: ShortcutRow[];
}

/**
 * The shortcuts the app answers to. Canvas keys mirror src/app/useShortcuts.ts and React
 * Flow's settings in src/canvas/Canvas.tsx; panel keys come from the panel registry, so a
 * panel added later is listed without touching this file.
 */
export function shortcutGroups(panels: readonly Pick<PanelDef, 'key' | 'labelKey'>[], t: TFunction): ShortcutGroup[] {
  const h = (k: string) => t(`workshop.help.${k}`);
  return [
    {
      title: h('canvas'),
      rows: [
        { keys: ['N'], what: h('newFactor') },
        { keys: [h('dblclickKey')], what: h('dblclick') },
        { keys: [h('enterKey'), 'F2'], what: h('rename') },
        { keys: [h('deleteKey'), '⌫'], what: h('remove') },
        { keys: ['Ctrl+Z'], what: h('undo') },
        { keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], what: h('redo') },
        { keys: ['+', '−', '?'], what: h('polarity') },
        { keys: ['P'], what: h('cycle') },
        { keys: [`Ctrl+${h('clickKey')}`], what: h('multi') },
        { keys: [`Shift+${h('dragKey')}`], what: h('box') },
        { keys: [h('dragKey')], what: h('link') },
      ],
    },
    {
      title: h('panels'),
      rows: panels
        .filter((p): p is typeof p & { key: string } => !!p.key)
        .map((p) => ({ keys: [p.key.toUpperCase()], what: t('workshop.help.panel', { label: t(p.labelKey) }) })),
    },
    {
      title: h('workshop'),
      rows: [
        { keys: ['F5'], what: h('projector') },
        { keys: ['←', '→', 'PageUp', 'PageDown'], what: h('steps') },
        { keys: [h('escKey')], what: h('escape') },
        { keys: ['O'], what: h('icon') },
        { keys: ['?'], what: h('help') },
      ],
    },
  ];
}
