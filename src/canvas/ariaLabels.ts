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

/** "Lien de Sécheresse vers Exode": what a screen reader says of a link, by its factors' names. */
export function linkAriaLabel(t: TFunction, source: string | undefined, target: string | undefined): string {
  return t('canvas.link', { source: source ?? '?', target: target ?? '?' });
}
