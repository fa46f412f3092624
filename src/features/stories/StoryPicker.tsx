import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapSession } from '../../session';
import { citeStory, searchStories, type ElementRef, type Story } from '../../model';
import { excerpt } from './text';

const SHOWN = 8;

/** "Cite a story": search the stories not yet cited on the element, one click cites one. */
export function StoryPicker({ target, stories, cited }: { target: ElementRef; stories: readonly Story[]; cited: readonly string[] }) {
  const { t } = useTranslation();
  const { doc } = useMapSession();
  const [query, setQuery] = useState('');
  const inputId = useId();
  const candidates = useMemo(() => {
    const taken = new Set(cited);
    return searchStories(stories.filter((s) => !taken.has(s.id)), query);
  }, [stories, cited, query]);
  if (stories.length === cited.length) return null;
  return (
    <div className="story-picker" data-testid="story-picker">
      <label htmlFor={inputId} className="story-picker-label">{t('stories.cite.pick')}</label>
      <input id={inputId} type="search" value={query} onChange={(e) => setQuery(e.target.value)}
        placeholder={t('stories.cite.pickPlaceholder')} data-testid="story-picker-search" />
      {candidates.length === 0 ? <p className="muted small">{t('stories.cite.pickNone')}</p> : (
        <ul className="story-picker-list">
          {candidates.slice(0, SHOWN).map((s) => (
            <li key={s.id}>
              <button type="button" data-testid="story-pick" data-code={s.code}
                onClick={() => {
                  citeStory(doc, s.id, target);
                  setQuery('');
                }}>
                <strong>{s.code}</strong>{s.summary && <span className="muted"> — {excerpt(s.summary, 60)}</span>}
              </button>
            </li>
          ))}
          {candidates.length > SHOWN && <li className="muted small">+{candidates.length - SHOWN}</li>}
        </ul>
      )}
    </div>
  );
}
