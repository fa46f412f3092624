import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapSession, useOverlayLayer, useSession, useSliceGetter, useSnapshot, type Badge, type CanvasMarker } from '../../../session';
import { loopCentre, loopParts } from '../loops/loopParts';
import { useWorkshop, workshopSlice } from '../store';
import { useVoterId, useVotes } from './useVotes';
import { addDot, takeDot } from './vote';

const LAYER = 'workshop-votes';
const VOTE_MARKER_DROP = 34;

/**
 * Dot counts of the shown round on the map, live: a badge on each factor with dots and a
 * marker in the middle of each loop with dots. In voting mode a click on a factor places a
 * dot and a right-click takes one back.
 */
export function VoteOverlay() {
  const getWorkshop = useSliceGetter(workshopSlice);
  const { t } = useTranslation();
  const { doc, canEdit } = useMapSession();
  const snap = useSnapshot();
  const { current } = useVotes();
  const onMap = useWorkshop((s) => s.dotsOnMap);
  const voting = useWorkshop((s) => s.voting);
  const me = useVoterId();
  const showError = useSession((s) => s.showError);

  const layer = useMemo(() => {
    if (!current?.result || !onMap || current.result.counts.length === 0) return null;
    const factorBadges = new Map<string, Badge[]>();
    const markers: CanvasMarker[] = [];
    for (const { target, count } of current.result.counts) {
      const title = t('workshop.voting.count', { count });
      if (target.kind === 'factor') {
        factorBadges.set(target.id, [{ text: `● ${count}`, tone: 'vote', title }]);
        continue;
      }
      const loop = loopParts(target.id, snap);
      const at = loop && loopCentre(loop.factors, snap);
      // Below the centre: the loops panel puts its R1 / B2 marker on the centre itself.
      if (loop && at) markers.push({ id: `vote:${target.id}`, x: at.x, y: at.y + VOTE_MARKER_DROP, text: `● ${count}`, title, tone: loop.kind });
    }
    return { factorBadges, markers };
  }, [current, onMap, snap, t]);

  useOverlayLayer(LAYER, layer);

  const openRound = current?.round.status === 'open' ? current.round.id : null;
  useEffect(() => {
    if (!voting || !openRound || !canEdit) return undefined;
    const factorAt = (e: MouseEvent) => {
      const node = e.target instanceof Element ? e.target.closest<HTMLElement>('.react-flow__node[data-id]') : null;
      return node?.dataset.id ?? null;
    };
    const onClick = (e: MouseEvent) => {
      const id = factorAt(e);
      if (id && !e.shiftKey && !e.ctrlKey && !e.metaKey) addDot(doc, openRound, me, { kind: 'factor', id }, t, showError);
    };
    const onContext = (e: MouseEvent) => {
      const id = factorAt(e);
      if (!id) return;
      e.preventDefault();
      takeDot(doc, openRound, me, { kind: 'factor', id });
    };
    document.addEventListener('click', onClick, true);
    document.addEventListener('contextmenu', onContext, true);
    return () => {
      document.removeEventListener('click', onClick, true);
      document.removeEventListener('contextmenu', onContext, true);
    };
  }, [voting, openRound, canEdit, doc, me, t, showError]);

  // Voting mode ends with the round.
  useEffect(() => {
    if (!openRound && getWorkshop().voting) getWorkshop().setVoting(false);
  }, [openRound, getWorkshop]);
  return null;
}
