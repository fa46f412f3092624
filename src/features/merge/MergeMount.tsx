import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useOverlayLayer, useSnapshot } from '../../session';
import { PRESENCE_COLOUR } from './colours';
import { consensusLayer } from './consensus-layer';
import './i18n';
import './merge.css';
import { StatusOverlay } from './StatusOverlay';
import { useMergeView } from './store';
import { useConsensus } from './useConsensus';

const LAYER = 'merge-consensus';

/**
 * Always mounted with the map: the groups' consensus over the canvas (badges, "links drawn by
 * at least N groups", size by consensus), the bar that controls it once the map has
 * mini-maps merged in, and the comparison overlay while one is shown.
 */
export default function MergeMount() {
  const { t } = useTranslation();
  const snap = useSnapshot();
  const consensus = useConsensus();
  const { showBadges, minGroups, sizeByConsensus, compare, set } = useMergeView();
  const minId = useId();
  const layer = useMemo(
    () => consensusLayer(snap, consensus, { showBadges, minGroups, sizeByConsensus },
      (count, groups) => t('merge.groups.badgeTitle', { count, groups })),
    [snap, consensus, showBadges, minGroups, sizeByConsensus, t],
  );
  useOverlayLayer(LAYER, layer);
  const groups = consensus.groups.length;

  return (
    <>
      {groups > 0 && (
        <section className="merge-groups-bar" aria-label={t('merge.groups.title')} data-testid="merge-groups-bar">
          <strong title={consensus.groups.join(', ')}>{t('merge.groups.summary', { count: groups })}</strong>
          <label className="choice">
            <input type="checkbox" checked={showBadges} onChange={(e) => set({ showBadges: e.target.checked })} data-testid="merge-badges" />
            {t('merge.groups.badges')}
          </label>
          <label htmlFor={minId}>{t('merge.groups.atLeast')}</label>
          <select id={minId} value={minGroups} onChange={(e) => set({ minGroups: Number(e.target.value) })} data-testid="merge-min-groups">
            <option value={0}>{t('merge.groups.off')}</option>
            {Array.from({ length: groups }, (_, i) => i + 1).map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
          <span>{t('merge.groups.atLeastUnit')}</span>
          <label className="choice">
            <input type="checkbox" checked={sizeByConsensus} onChange={(e) => set({ sizeByConsensus: e.target.checked })} data-testid="merge-size-consensus" />
            {t('merge.groups.sizeBy')}
          </label>
        </section>
      )}
      {compare && (
        <StatusOverlay
          factors={compare.factors} links={compare.links} colours={PRESENCE_COLOUR}
          ghosts={compare.ghosts} ghostLinks={compare.ghostLinks}
          title={t('compare.showing', { title: compare.title })} testId="compare-legend"
          legend={[
            { status: 'both', text: t('compare.both', compare.counts.both) },
            { status: 'here', text: t('compare.here', compare.counts.here) },
            { status: 'there', text: t('compare.there', { ...compare.counts.there, title: compare.title }) },
          ]}
          onClose={() => set({ compare: null })} closeLabel={t('compare.hide')} />
      )}
    </>
  );
}
