import { useReactFlow, useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { isShown } from '../../../ui/fit';
import { fitProjector } from './fitProjector';

/** "shown/total": factors not hidden, and how many of them are whole on the pane. A string, so
 *  the indicator renders only when a count changes, not at every pan. */
function shownOfTotal(s: ReactFlowState): string {
  const vp = { x: s.transform[0], y: s.transform[1], zoom: s.transform[2] };
  const pane = { width: s.width, height: s.height };
  let total = 0;
  let shown = 0;
  for (const n of s.nodeLookup.values()) {
    if (n.hidden) continue;
    total++;
    const { x, y } = n.internals.positionAbsolute;
    if (isShown({ x, y, width: n.measured.width ?? 0, height: n.measured.height ?? 0 }, vp, pane)) shown++;
  }
  return `${shown}/${total}`;
}

/**
 * A small note in a corner when the room sees only part of the map (after a zoom, a view's
 * saved framing, or following someone), with a button that frames it all again.
 */
export function PartialIndicator() {
  const { t } = useTranslation();
  const count = useStore(shownOfTotal);
  const flow = useReactFlow();
  const store = useStoreApi();
  const [shown = 0, total = 0] = count.split('/').map(Number);
  if (total === 0 || shown >= total) return null;
  return (
    <div className="ws-partial" role="status" data-testid="projector-partial">
      <span>{t('workshop.projector.partial', { shown, total })}</span>
      <button type="button" onClick={() => fitProjector(flow, store)}>{t('workshop.projector.showAll')}</button>
    </div>
  );
}
