import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapSession, useSliceGetter } from '../../session';
import { removeStory, type Story, type StoryElements } from '../../model';
import { storiesSlice, STORY_DRAG_TYPE, useStoriesView } from './store';
import { excerpt } from './text';

interface Props {
  story: Story;
  cited: StoryElements;
  duplicate: boolean;
}

/**
 * One story in the list. Editors drag it onto a factor or a link of the map to cite it there;
 * anyone can trace it (highlight what it supports).
 */
export function StoryRow({ story, cited, duplicate }: Props) {
  const getStories = useSliceGetter(storiesSlice);
  const { t } = useTranslation();
  const { doc, canEdit } = useMapSession();
  const tracing = useStoriesView((s) => s.tracing === story.id);
  const { setTracing, setEditing } = getStories();
  const [confirming, setConfirming] = useState(false);
  const citations = cited.factors.length + cited.links.length;
  const meta = [story.place, story.date, story.group, story.language].filter(Boolean).join(' · ');

  const onDragStart = (e: DragEvent) => {
    e.dataTransfer.setData(STORY_DRAG_TYPE, story.id);
    e.dataTransfer.setData('text/plain', story.code);
    e.dataTransfer.effectAllowed = 'link';
  };

  return (
    <li className={`story-row${tracing ? ' tracing' : ''}`} data-testid="story-row" data-code={story.code}
      draggable={canEdit} onDragStart={canEdit ? onDragStart : undefined}
      title={canEdit ? t('stories.dragHint') : undefined}>
      <div className="story-head">
        <strong className="story-code">{story.code}</strong>
        {duplicate && <span className="story-dup">{t('stories.duplicateCode')}</span>}
        {meta && <span className="muted small">{meta}</span>}
      </div>
      {story.summary && <p className="story-summary">{excerpt(story.summary)}</p>}
      {story.tags.length > 0 && (
        <ul className="story-tags" aria-label={t('stories.form.tags')}>
          {story.tags.map((tag) => <li key={tag}>{tag}</li>)}
        </ul>
      )}
      <p className="muted small story-cited" data-testid="story-cited">
        {t('stories.citedOn', { factors: cited.factors.length, links: cited.links.length })}
      </p>
      <div className="story-actions">
        <button type="button" aria-pressed={tracing} onClick={() => setTracing(tracing ? null : story.id)}
          data-testid="story-trace">{t('stories.trace')}</button>
        {canEdit && (
          <>
            <button type="button" onClick={() => setEditing(story.id)} data-testid="story-edit">{t('stories.edit')}</button>
            {confirming ? (
              <button type="button" className="danger" onClick={() => removeStory(doc, story.id)}
                onBlur={() => setConfirming(false)} data-testid="story-delete-confirm" autoFocus>
                {t('stories.confirmDelete', { count: citations })}
              </button>
            ) : (
              <button type="button" onClick={() => setConfirming(true)} data-testid="story-delete">{t('stories.delete')}</button>
            )}
          </>
        )}
      </div>
    </li>
  );
}
