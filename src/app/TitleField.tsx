import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setTitle } from '../model';
import { useMapSession, useSnapshot } from '../session';

/** The map title, edited in place; written when the field loses focus or on Enter. */
export function TitleField() {
  const { t } = useTranslation();
  const { doc, canEdit } = useMapSession();
  const title = useSnapshot().meta.title;
  const [draft, setDraft] = useState(title);
  useEffect(() => setDraft(title), [title]);
  const save = () => {
    if (draft.trim() !== title) setTitle(doc, draft);
  };
  return (
    <input
      className="title-field"
      aria-label={t('toolbar.title')}
      placeholder={t('home.untitled')}
      value={draft}
      readOnly={!canEdit}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={save}
      onKeyDown={(e) => {
        if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
        if (e.key === 'Escape') setDraft(title);
      }}
    />
  );
}
