import type { TFunction } from 'i18next';
import type { DiffStatus, MapDiff } from '../../model/compare';
import type { Badge, OverlayLayer } from '../../session';
import { POLARITY_COLOUR, POLARITY_SIGN } from '../../ui/polarity';

/**
 * How a comparison marks what was added, removed and changed, on the overlay, on each half of
 * the side-by-side view and in the exported image alike. Never by colour alone, and never in
 * a link's colour: a link keeps its polarity's colour (blue +, red −), so red always means a
 * negative link. Each status has its own outline (solid ring, dashes on a hatched, faded box,
 * a double ring), its own line (thick with a halo, dashed and faded, dash-dot) and its word
 * in a chip beside the element ("Retiré"), which is what a screen, a printout in black and
 * white and a colour-blind reader all see.
 */
export const MARKED: readonly Exclude<DiffStatus, 'unchanged'>[] = ['added', 'removed', 'changed'];

/** Chip and legend colours (white text on them); the outlines use the CSS variables of cycles.css. */
export const STATUS_INK = { added: '#2e7d32', removed: '#546e7a', changed: '#9a5b00' } as const;

/** Attribute values in a selector: CSS.escape where the browser has it. */
const esc = (s: string) => (typeof CSS !== 'undefined' ? CSS.escape(s) : s.replace(/["\\]/g, '\\$&'));

const NODE_STYLE = {
  added: 'border-color: var(--cycles-added); border-style: solid; box-shadow: 0 0 0 4px var(--cycles-added-soft); background: var(--cycles-added-paper);',
  removed: 'border-color: var(--cycles-removed); border-style: dashed; box-shadow: none; opacity: 0.8; color: #37474f;'
    + ' background: repeating-linear-gradient(135deg, var(--cycles-removed-paper) 0 6px, #fff 6px 12px);',
  changed: 'border-color: var(--cycles-changed); border-style: solid; box-shadow: 0 0 0 3px #fff, 0 0 0 6px var(--cycles-changed); background: var(--cycles-changed-paper);',
} as const;
const EDGE_STYLE = {
  added: 'stroke-width: 4px; filter: drop-shadow(0 0 3px var(--cycles-added));',
  removed: 'stroke-dasharray: 7 5; opacity: 0.55;',
  changed: 'stroke-dasharray: 14 4 3 4; filter: drop-shadow(0 0 3px var(--cycles-changed));',
} as const;

/**
 * The marks of a comparison as one style sheet keyed by React Flow's element ids, under
 * `scope` (one half of the side-by-side view, or '' for the one canvas of the overlay): the
 * canvas itself is the ordinary one, and an image export copies these styles with it.
 */
export function statusCss(scope: string, factors: ReadonlyMap<string, DiffStatus>, links: ReadonlyMap<string, DiffStatus>): string {
  const within = scope ? `${scope} ` : '';
  const rules: string[] = [];
  for (const status of MARKED) {
    const nodes = [...factors].filter(([, s]) => s === status).map(([k]) => `${within}[data-testid="rf__node-${esc(k)}"] .factor`);
    const edges = [...links].filter(([, s]) => s === status).map(([k]) => `${within}[data-testid="rf__edge-${esc(k)}"]`);
    if (nodes.length > 0) rules.push(`${nodes.join(',\n')} { ${NODE_STYLE[status]} }`);
    if (edges.length > 0) rules.push(`${edges.map((e) => `${e} .react-flow__edge-path`).join(',\n')} { ${EDGE_STYLE[status]} }`);
    if (edges.length > 0 && status === 'removed') rules.push(`${edges.map((e) => `${e} .link-polarity`).join(',\n')} { opacity: 0.55; }`);
  }
  return rules.join('\n');
}

/** What changed in each changed factor or link, by its id on either side. */
function changedFields(diff: MapDiff | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of [...(diff?.factors.changed ?? []), ...(diff?.links.changed ?? [])]) {
    out.set(c.from.id, [...c.fields]);
    out.set(c.to.id, [...c.fields]);
  }
  return out;
}

/**
 * The status words as badges on the canvas: "Ajouté", "Retiré", "Modifié" beside each marked
 * factor and link, a changed one's title naming what changed. A layer of the overlay slice,
 * so the canvas draws them as it draws any badge (and the image export carries them).
 */
export function statusLayer(
  t: TFunction, factors: ReadonlyMap<string, DiffStatus>, links: ReadonlyMap<string, DiffStatus>, diff: MapDiff | undefined,
): OverlayLayer {
  const fields = changedFields(diff);
  const badgesOf = (statuses: ReadonlyMap<string, DiffStatus>) => {
    const out = new Map<string, Badge[]>();
    for (const [id, status] of statuses) {
      if (status === 'unchanged') continue;
      const changed = status === 'changed' ? fields.get(id) : undefined;
      const title = changed && changed.length > 0
        ? t('cycles.changedFields', { fields: changed.map((f) => t(`cycles.field.${f}`)).join(', ') })
        : t(`cycles.status.${status}`);
      out.set(id, [{ text: t(`cycles.status.${status}`), title, tone: status }]);
    }
    return out;
  };
  return { factorBadges: badgesOf(factors), linkBadges: badgesOf(links) };
}

/** The legend of an exported comparison: each status's chip and outline, and what a link's colour means. */
export function legendGroups(t: TFunction) {
  return [
    {
      heading: t('cycles.legend'),
      entries: MARKED.map((st) => ({ colour: STATUS_INK[st], label: t(`cycles.style.${st}`), sample: 'chip' as const, chip: t(`cycles.status.${st}`) })),
    },
    {
      heading: t('cycles.linkColours'),
      entries: (['+', '-'] as const).map((p) => ({ colour: POLARITY_COLOUR[p], sign: POLARITY_SIGN[p], label: t(`polarity.${p}`) })),
    },
  ];
}
