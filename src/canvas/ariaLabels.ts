import type { AriaLabelConfig } from '@xyflow/react';
import type { TFunction } from 'i18next';

const DIRECTIONS = new Set(['up', 'down', 'left', 'right']);

/**
 * React Flow's own announced texts (zoom buttons, minimap, keyboard help, moves) in the map's
 * language: its defaults are English ("Zoom In", "Press enter or space to select a node").
 */
export function ariaLabelConfig(t: TFunction): Partial<AriaLabelConfig> {
  return {
    'controls.ariaLabel': t('canvas.a11y.controls'),
    'controls.zoomIn.ariaLabel': t('canvas.a11y.zoomIn'),
    'controls.zoomOut.ariaLabel': t('canvas.a11y.zoomOut'),
    'controls.fitView.ariaLabel': t('canvas.a11y.fitView'),
    'controls.interactive.ariaLabel': t('canvas.a11y.interactive'),
    'minimap.ariaLabel': t('canvas.minimap'),
    'handle.ariaLabel': t('canvas.a11y.handle'),
    // React Flow shows `default` when arrow keys do not move nodes, `keyboardDisabled` when they do.
    'node.a11yDescription.default': t('canvas.a11y.factorHelp'),
    'node.a11yDescription.keyboardDisabled': t('canvas.a11y.factorHelpKeys'),
    'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) => t('canvas.a11y.moved', {
      direction: DIRECTIONS.has(direction) ? t(`canvas.a11y.${direction}`) : direction, x: Math.round(x), y: Math.round(y),
    }),
    'edge.a11yDescription.default': t('canvas.a11y.linkHelp'),
  };
}

const SOURCE_SLOT = '\u0001';
const TARGET_SLOT = '\u0002';

/**
 * "Lien de Sécheresse vers Exode": what a screen reader says of a link, by its factors' names.
 * Translated once, names put in after: i18next's t costs about 0.1 ms a call, and every link
 * of a 3,000-link map is named on opening it and again when a factor changes.
 */
export function linkNamer(t: TFunction): (source: string | undefined, target: string | undefined) => string {
  const template = t('canvas.link', { source: SOURCE_SLOT, target: TARGET_SLOT });
  // Functions, not strings, as replacements: a label may hold "$&".
  return (source, target) => template.replace(SOURCE_SLOT, () => source ?? '?').replace(TARGET_SLOT, () => target ?? '?');
}
