import { useReactFlow } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { sessionSlice, useMapSession, useSession, useSliceGetter } from '../../session';

/**
 * "Tidy up": lays out the selection (two factors or more) or else the whole map, causes left
 * of their effects, as one undo step. Sizes are the boxes React Flow measured, so long labels
 * get the room they take.
 */
export function TidyButton() {
  const getSession = useSliceGetter(sessionSlice);
  const { t } = useTranslation();
  const { doc } = useMapSession();
  const flow = useReactFlow();
  const selection = useSession((s) => s.selectedFactorIds.length);
  const some = selection >= 2;

  const tidy = async () => {
    const { estimateFactorSize, tidyUp } = await import('../../model/layout');
    const ids = getSession().selectedFactorIds;
    const moved = tidyUp(doc, ids.length >= 2 ? ids : undefined, {
      nodeSize: (f) => {
        const m = flow.getNode(f.id)?.measured;
        return m?.width && m.height ? { width: m.width, height: m.height } : estimateFactorSize(f.label);
      },
    });
    if (moved > 0 && ids.length < 2) requestAnimationFrame(() => void flow.fitView({ duration: 300, maxZoom: 1, padding: 0.15 }));
  };

  return (
    <button type="button" onClick={() => void tidy()} title={some ? t('import.tidySelection') : t('import.tidyMap')} data-testid="tidy-up">
      {t('import.tidy')}
    </button>
  );
}
