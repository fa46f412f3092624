import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapSession } from '../../session';
import {
  addStory, MAX_CODE_CHARS, MAX_DATE_CHARS, MAX_LANGUAGE_CHARS, MAX_STORY_FIELD_CHARS,
  MAX_SUMMARY_CHARS, ModelError, STORY_PRIVACY_REMINDER, updateStory, type Story,
} from '../../model';
import { splitTagInput } from './text';

type Fields = Record<'code' | 'summary' | 'place' | 'date' | 'group' | 'language' | 'tags', string>;

const TEXT_FIELDS = [
  { name: 'place', max: MAX_STORY_FIELD_CHARS },
  { name: 'date', max: MAX_DATE_CHARS },
  { name: 'group', max: MAX_STORY_FIELD_CHARS },
  { name: 'language', max: MAX_LANGUAGE_CHARS },
] as const;

function initial(story: Story | undefined): Fields {
  if (!story) return { code: '', summary: '', place: '', date: '', group: '', language: '', tags: '' };
  const { code, summary, place, date, group, language } = story;
  return { code, summary, place, date, group, language, tags: story.tags.join(', ') };
}

/**
 * Adds or edits a story. There is deliberately no field for a name: the reminder beside the
 * code says why, in the language of the interface.
 */
export function StoryForm({ story, onDone }: { story?: Story; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { doc } = useMapSession();
  const [fields, setFields] = useState<Fields>(() => initial(story));
  const [error, setError] = useState<string | null>(null);
  const set = (name: keyof Fields) => (e: { target: { value: string } }) =>
    setFields((f) => ({ ...f, [name]: e.target.value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { tags, ...text } = fields;
    const patch = { ...text, tags: splitTagInput(tags) };
    try {
      if (story) {
        if (!updateStory(doc, story.id, patch)) {
          setError(t('stories.form.errors.gone'));
          return;
        }
      } else {
        addStory(doc, patch);
      }
      onDone();
    } catch (err) {
      if (!(err instanceof ModelError)) throw err;
      setError(t(`stories.form.errors.${err.code}`, { code: fields.code.trim(), defaultValue: err.message }));
    }
  };

  const reminder = i18n.language.startsWith('en') ? STORY_PRIVACY_REMINDER.en : STORY_PRIVACY_REMINDER.fr;
  return (
    <form className="story-form" onSubmit={submit} data-testid="story-form"
      aria-label={story ? t('stories.form.titleEdit', { code: story.code }) : t('stories.form.titleNew')}>
      <h3>{story ? t('stories.form.titleEdit', { code: story.code }) : t('stories.form.titleNew')}</h3>
      <p className="story-privacy" role="note" data-testid="story-privacy">{reminder}</p>
      <label className="field">
        <span>{t('stories.form.code')}</span>
        <input value={fields.code} onChange={set('code')} required maxLength={MAX_CODE_CHARS}
          placeholder={t('stories.form.codePlaceholder')} data-testid="story-code" autoFocus />
      </label>
      <label className="field">
        <span>{t('stories.form.summary')}</span>
        <textarea rows={4} value={fields.summary} onChange={set('summary')} maxLength={MAX_SUMMARY_CHARS}
          data-testid="story-summary" />
      </label>
      {TEXT_FIELDS.map(({ name, max }) => (
        <label key={name} className="field">
          <span>{t(`stories.form.${name}`)}</span>
          <input value={fields[name]} onChange={set(name)} maxLength={max} data-testid={`story-${name}`}
            placeholder={name === 'date' ? t('stories.form.datePlaceholder') : undefined} />
        </label>
      ))}
      <label className="field">
        <span>{t('stories.form.tags')}</span>
        <input value={fields.tags} onChange={set('tags')} data-testid="story-tags" />
      </label>
      {error && <p className="error" role="alert">{error}</p>}
      <div className="story-form-actions">
        <button type="submit" className="primary" data-testid="story-save">{t('stories.form.save')}</button>
        <button type="button" onClick={onDone}>{t('stories.form.cancel')}</button>
      </div>
    </form>
  );
}
