import { useReactFlow } from '@xyflow/react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { DiffStatus } from '../../model/compare';
import { sliceOf } from '../../session';
import { CompareTable } from './CompareTable';
import { cyclesSlice, useCycles, type CyclesState } from './store';
import './cycles.css';
import './i18n';

const STATUSES: readonly DiffStatus[] = ['added', 'removed', 'changed', 'unchanged'];

/** Attribute values in a selector: CSS.escape where the browser has it. */
const esc = (s: string) => (typeof CSS !== 'undefined' ? CSS.escape(s) : s.replace(/["\\]/g, '\\$&'));

/**
 * The colours of a comparison, as one style sheet keyed by React Flow's element ids: the
 * canvas itself is the ordinary one, and an image export copies these styles with it.
 */
function statusCss(factors: ReadonlyMap<string, DiffStatus>, links: ReadonlyMap<string, DiffStatus>): string {
  const rules: string[] = [];
  for (const status of ['added', 'removed', 'changed'] as const) {
    const nodes = [...factors].filter(([, s]) => s === status).map(([k]) => `[data-testid="rf__node-${esc(k)}"] .factor`);
    const edges = [...links].filter(([, s]) => s === status).map(([k]) => `[data-testid="rf__edge-${esc(k)}"] path`);
    if (nodes.length > 0) rules.push(`${nodes.join(',\n')} { ${NODE_STYLE[status]} }`);
    if (edges.length > 0) rules.push(`${edges.join(',\n')} { ${EDGE_STYLE[status]} }`);
  }
  return rules.join('\n');
}

const NODE_STYLE = {
  added: 'border-color: var(--cycles-added); box-shadow: 0 0 0 4px var(--cycles-added-soft); background: var(--cycles-added-paper);',
  removed: 'border-color: var(--cycles-removed); border-style: dashed; box-shadow: 0 0 0 4px var(--cycles-removed-soft); background: var(--cycles-removed-paper); opacity: 0.85;',
  changed: 'border-color: var(--cycles-changed); box-shadow: 0 0 0 4px var(--cycles-changed-soft); background: var(--cycles-changed-paper);',
} as const;
const EDGE_STYLE = {
  added: 'stroke: var(--cycles-added) !important; stroke-width: 3px;',
  removed: 'stroke: var(--cycles-removed) !important; stroke-dasharray: 6 4; stroke-width: 3px;',
  changed: 'stroke: var(--cycles-changed) !important; stroke-width: 3px;',
} as const;

/**
 * Over the canvas while a snapshot or a comparison is shown: what it is, the legend, the
 * table, and the way back to the live map.
 */
export default function ViewBanner() {
  const { t, i18n } = useTranslation();
  // Drawn inside the session the snapshot is shown through (its store knows the live one), so
  // its image export draws that canvas; on the live map it has nothing to show.
  const live = useCycles((s) => s.live);
  const viewing = useStore(live?.store ?? EMPTY_STORE, (all) => (all.cycles as CyclesState | undefined)?.viewing ?? null);
  const flow = useReactFlow();
  const [table, setTable] = useState(false);
  const [exporting, setExporting] = useState<string | null>(null);
  const css = useMemo(
    () => (viewing?.factorStatus && viewing.linkStatus ? statusCss(viewing.factorStatus, viewing.linkStatus) : ''),
    [viewing],
  );
  if (!viewing || !live) return null;
  const diff = viewing.diff;
  const date = viewing.createdAt === undefined ? ''
    : new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(viewing.createdAt);
  const back = () => sliceOf(live.store, cyclesSlice).view(null);

  const exportImage = async () => {
    setExporting(t('cycles.exporting'));
    try {
      const viewport = document.querySelector<HTMLElement>('[data-testid="canvas"] .react-flow__viewport');
      if (!viewport) throw new Error('no canvas');
      const [{ renderMapImage }, { saveBlob, fileName }] = await Promise.all([import('../export/image'), import('../export/download')]);
      const legend = diff ? [{
        heading: t('cycles.legend'),
        entries: (['added', 'removed', 'changed'] as const).map((st) => ({ colour: STATUS_COLOUR[st], label: t(`cycles.status.${st}`) })),
      }] : undefined;
      const image = await renderMapImage({
        viewport, nodes: flow.getNodes(), format: 'png', pixelRatio: 2, background: 'white', title: viewing.name, legend,
      });
      saveBlob(image.blob, fileName(viewing.name, '', 'png'));
      setExporting(null);
    } catch {
      setExporting(t('cycles.exportFailed'));
    }
  };

  return (
    <>
      {css && <style data-testid="cycles-colours">{css}</style>}
      <section className={`cycles-banner ${viewing.kind}`} role="region" aria-label={viewing.name} data-testid="cycles-banner">
        <p>
          {viewing.kind === 'snapshot'
            ? t('cycles.viewing', { name: viewing.name, date })
            : t('cycles.comparison', { from: viewing.fromName, to: viewing.toName })}
        </p>
        {diff && (
          <>
            <ul className="cycles-legend" aria-label={t('cycles.legend')} data-testid="cycles-legend">
              {STATUSES.map((st) => (
                <li key={st}><span className={`swatch ${st}`} aria-hidden="true" />{t(`cycles.status.${st}`)}</li>
              ))}
            </ul>
            <p className="cycles-summary">
              {t('cycles.summary', {
                fa: diff.factors.added.length, fr: diff.factors.removed.length, fc: diff.factors.changed.length,
                la: diff.links.added.length, lr: diff.links.removed.length, lc: diff.links.changed.length,
              })}
            </p>
            <button type="button" aria-expanded={table} onClick={() => setTable(!table)} data-testid="cycles-table-toggle">
              {table ? t('cycles.hideTable') : t('cycles.table')}
            </button>
          </>
        )}
        <button type="button" onClick={() => void exportImage()} disabled={exporting === t('cycles.exporting')} data-testid="cycles-image">
          {t('cycles.image')}
        </button>
        <button type="button" className="primary" onClick={back} data-testid="cycles-back">{t('cycles.back')}</button>
        {exporting && <p role="status">{exporting}</p>}
        {diff && table && <CompareTable diff={diff} />}
      </section>
    </>
  );
}

const STATUS_COLOUR = { added: '#2e7d32', removed: '#c62828', changed: '#e08a00' } as const;
const EMPTY_STORE = createStore<Record<string, object>>(() => ({}));
