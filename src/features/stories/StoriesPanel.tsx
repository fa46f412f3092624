import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapSession, useSession } from '../../session';
import { duplicateCodes, elementsOfStory, normalizeCode, searchStories } from '../../model';
import { ElementStories } from './ElementStories';
import { EvidenceControls } from './EvidenceControls';
import './i18n';
import { useStoriesView } from './store';
import './stories.css';
import { StoryExport } from './StoryExport';
import { StoryForm } from './StoryForm';
import { StoryImport } from './StoryImport';
import { StoryRow } from './StoryRow';
import { useCitationIndex, useStories } from './useStories';

function SelectedElement() {
  const { t } = useTranslation();
  const factors = useSession((s) => s.selectedFactorIds);
  const links = useSession((s) => s.selectedLinkIds);
  const only = factors.length + links.length === 1;
  if (only && factors[0]) return <ElementStories key={factors[0]} target={{ kind: 'factor', id: factors[0] }} />;
  if (only && links[0]) return <ElementStories key={links[0]} target={{ kind: 'link', id: links[0] }} />;
  return <p className="muted small">{t('stories.cite.selectFirst')}</p>;
}

/**
 * Life stories as the evidence of the map: the list (search, add, edit, delete, trace, drag
 * onto the map), the stories of the selected factor or link, the evidence filter, CSV import
 * and export. View-link users read, search, trace and export; they change nothing.
 */
export default function StoriesPanel() {
  const { t } = useTranslation();
  const { canEdit } = useMapSession();
  const stories = useStories();
  const index = useCitationIndex();
  const { query, editing, setQuery, setEditing } = useStoriesView();
  const shown = useMemo(() => searchStories(stories, query), [stories, query]);
  const dups = useMemo(() => duplicateCodes(stories), [stories]);
  const edited = editing && editing !== 'new' ? stories.find((s) => s.id === editing) : undefined;
  const formOpen = canEdit && (editing === 'new' || edited !== undefined);

  return (
    <div className="stories-panel" data-testid="stories-panel">
      <p className="muted small">{t('stories.intro')}</p>
      <SelectedElement />
      <EvidenceControls />
      <section className="story-list-section">
        <h3>{t('stories.count', { count: stories.length })}</h3>
        <div className="story-tools">
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} aria-label={t('stories.search')}
            placeholder={t('stories.search')} data-testid="story-search" />
          {canEdit && !formOpen && (
            <button type="button" className="primary" onClick={() => setEditing('new')} data-testid="story-add">
              {t('stories.add')}
            </button>
          )}
        </div>
        {formOpen && <StoryForm key={editing} story={edited} onDone={() => setEditing(null)} />}
        {canEdit && stories.length > 0 && <p className="muted small">{t('stories.dragHint')}</p>}
        {stories.length === 0 ? <p className="muted">{t('stories.none')}</p>
          : shown.length === 0 ? <p className="muted">{t('stories.noMatch')}</p> : (
            <ul className="story-list" data-testid="story-list">
              {shown.map((s) => (
                <StoryRow key={s.id} story={s} cited={elementsOfStory(index, s.id)} duplicate={dups.has(normalizeCode(s.code))} />
              ))}
            </ul>
          )}
      </section>
      {canEdit && <StoryImport />}
      <StoryExport />
    </div>
  );
}
