import { useTranslation } from 'react-i18next';
import { useMapSession } from '../../session';
import { citationsOf, unciteStory, type ElementRef } from '../../model';
import './i18n';
import { StoryPicker } from './StoryPicker';
import './stories.css';
import { useStoriesView } from './store';
import { excerpt } from './text';
import { useCitationIndex, useStories } from './useStories';

/**
 * The stories cited on one factor or link, with un-cite and the "cite a story" picker for
 * editors. Shown in the stories panel and in the inspector.
 */
export function ElementStories({ target }: { target: ElementRef }) {
  const { t } = useTranslation();
  const { doc, canEdit } = useMapSession();
  const stories = useStories();
  const index = useCitationIndex();
  const setTracing = useStoriesView((s) => s.setTracing);
  const cited = citationsOf(index, target);
  const byId = new Map(stories.map((s) => [s.id, s]));
  return (
    <section className="element-stories" data-testid="element-stories" data-kind={target.kind}>
      <h3>{t(target.kind === 'factor' ? 'stories.cite.factorTitle' : 'stories.cite.linkTitle')} ({cited.length})</h3>
      {cited.length === 0 ? <p className="muted small">{t('stories.cite.none')}</p> : (
        <ul className="cited-list">
          {cited.map((id) => {
            const s = byId.get(id);
            if (!s) return null;
            return (
              <li key={id} data-testid="cited-story" data-code={s.code}>
                <button type="button" className="linklike" onClick={() => setTracing(id)} title={t('stories.trace')}>
                  <strong>{s.code}</strong>
                </button>
                {s.summary && <span className="muted small"> {excerpt(s.summary, 90)}</span>}
                {canEdit && (
                  <button type="button" onClick={() => unciteStory(doc, id, target)} aria-label={t('stories.cite.uncite', { code: s.code })}
                    data-testid="uncite">{t('stories.cite.uncited')}</button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {canEdit && <StoryPicker target={target} stories={stories} cited={cited} />}
    </section>
  );
}
