import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useOverlayLayer, useSnapshot } from '../../session';
import './i18n';
import { storiesLayer } from './layer';
import { useStoriesView } from './store';
import './stories.css';
import { useStoryDrop } from './useStoryDrop';
import { useCitationIndex, useStories } from './useStories';

const LAYER = 'stories';
const NOTICE_MS = 5_000;

/**
 * Always mounted with the map: story counts on factors and links, the traced story or the
 * evidence filter as emphasis, drops of stories onto the canvas, and a bar saying what is
 * dimmed and why (with a way out) even when the panel is closed.
 */
export default function StoriesMount() {
  const { t } = useTranslation();
  const snap = useSnapshot();
  const stories = useStories();
  const index = useCitationIndex();
  const { tracing, filter, showCounts, notice, setTracing, setFilter, setNotice } = useStoriesView();
  useStoryDrop();

  const traced = tracing === null ? undefined : stories.find((s) => s.id === tracing);
  const layer = useMemo(
    () => storiesLayer({
      snap, index, showCounts, filter,
      tracing: traced?.id ?? null,
      countTitle: (count) => t('stories.countOnMap', { count }),
    }),
    [snap, index, showCounts, filter, traced, t],
  );
  useOverlayLayer(LAYER, layer);
  useEffect(() => {
    if (notice === null) return undefined;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice, setNotice]);

  const status = traced
    ? t('stories.tracing', { code: traced.code })
    : filter.mode === 'atLeast' ? t('stories.evidence.activeAtLeast', { count: filter.min })
      : filter.mode === 'uncited' ? t('stories.evidence.activeUncited') : null;
  if (status === null && notice === null) return null;
  const stop = () => (traced ? setTracing(null) : setFilter({ mode: 'all' }));
  return (
    <div className="stories-bar" data-testid="stories-bar">
      {notice !== null && <p role="status" className="stories-notice" data-testid="stories-notice">{notice}</p>}
      {status !== null && (
        <p className="stories-status">
          <span>{status}</span>
          <button type="button" onClick={stop} data-testid="stories-stop">
            {traced ? t('stories.stopTrace') : t('stories.evidence.off')}
          </button>
        </p>
      )}
    </div>
  );
}
