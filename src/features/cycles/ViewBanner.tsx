import { useReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { useOverlayLayer } from '../../session';
import { CompareBar } from './CompareBar';
import { legendGroups, statusCss, statusLayer } from './status';
import { useCycles, type CyclesState } from './store';
import './cycles.css';
import './i18n';

/**
 * Over the canvas while a snapshot or a comparison drawn as one map is shown: the marks of
 * what changed (a style sheet and the status badges) and the bar (CompareBar). Side by side,
 * the two halves draw their own marks and the bar above them (SideBySide.tsx).
 */
export default function ViewBanner() {
  const { t } = useTranslation();
  // Drawn inside the session the snapshot is shown through (its store knows the live one), so
  // its image export draws that canvas; on the live map it has nothing to show.
  const live = useCycles((s) => s.live);
  const cycles = useStore(live?.store ?? EMPTY_STORE, (all) => all.cycles as CyclesState | undefined);
  const viewing = cycles?.viewing ?? null;
  const side = cycles?.layout === 'side' && viewing?.pair !== undefined;
  const flow = useReactFlow();
  const factors = viewing && !side ? viewing.factorStatus : undefined;
  const links = viewing && !side ? viewing.linkStatus : undefined;
  const diff = viewing?.diff;
  const css = useMemo(() => (factors && links ? statusCss('', factors, links) : ''), [factors, links]);
  const layer = useMemo(() => (factors && links ? statusLayer(t, factors, links, diff) : null), [factors, links, diff, t]);
  useOverlayLayer('cycles-compare', layer);
  if (!viewing || !live || side) return null;

  const exportImage = async () => {
    const viewport = document.querySelector<HTMLElement>('[data-testid="canvas"] .react-flow__viewport');
    if (!viewport) throw new Error('no canvas');
    const [{ renderMapImage }, { saveBlob, fileName }] = await Promise.all([import('../export/image'), import('../export/download')]);
    const image = await renderMapImage({
      viewport, nodes: flow.getNodes(), format: 'png', pixelRatio: 2, background: 'white', title: viewing.name,
      legend: diff ? legendGroups(t) : undefined,
    });
    saveBlob(image.blob, fileName(viewing.name, '', 'png'));
  };

  return (
    <>
      {css && <style data-testid="cycles-colours">{css}</style>}
      <section className={`cycles-banner ${viewing.kind}`} role="region" aria-label={viewing.name} data-testid="cycles-banner">
        <CompareBar viewing={viewing} live={live} layout="overlay" onImage={exportImage} />
      </section>
    </>
  );
}

const EMPTY_STORE = createStore<Record<string, object>>(() => ({}));
