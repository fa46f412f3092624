import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapSession } from '../../session';
import { importStoriesCsv, ioMessage, type ExistingCodePolicy, type IoIssue } from '../../model/io';

type Outcome =
  | { ok: true; added: number; updated: number; skipped: number; warnings: string[] }
  | { ok: false; errors: string[] };

/**
 * Stories from a spreadsheet. The model checks the whole file first: a bad line refuses the
 * file with a message naming the line, and nothing is added.
 */
export function StoryImport() {
  const { t, i18n } = useTranslation();
  const { doc } = useMapSession();
  const [existing, setExisting] = useState<ExistingCodePolicy>('error');
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.target;
    const file = input.files?.[0];
    if (!file) return;
    const data = await file.arrayBuffer();
    // The same file may be chosen again after fixing it.
    input.value = '';
    const result = importStoriesCsv(doc, data, { existing });
    const say = (issue: IoIssue) => ioMessage(issue, i18n.language);
    setOutcome(result.ok
      ? { ok: true, added: result.added.length, updated: result.updated.length, skipped: result.skipped, warnings: result.warnings.map(say) }
      : { ok: false, errors: result.errors.map(say) });
  };

  return (
    <details className="story-import">
      <summary>{t('stories.import.title')}</summary>
      <p className="muted small">{t('stories.import.columns')}</p>
      <label className="field">
        <span>{t('stories.import.existing')}</span>
        <select value={existing} onChange={(e) => setExisting(e.target.value as ExistingCodePolicy)} data-testid="story-import-existing">
          <option value="error">{t('stories.import.existingError')}</option>
          <option value="skip">{t('stories.import.existingSkip')}</option>
          <option value="update">{t('stories.import.existingUpdate')}</option>
        </select>
      </label>
      <label className="file-button">
        {t('stories.import.button')}
        <input type="file" accept=".csv,.tsv,.txt,text/csv" onChange={(e) => void onFile(e)} data-testid="story-import-file" />
      </label>
      {outcome?.ok === true && (
        <div role="status" data-testid="story-import-done">
          <p>{t('stories.import.done', outcome)}</p>
          {outcome.warnings.length > 0 && <ul className="muted small">{outcome.warnings.map((w) => <li key={w}>{w}</li>)}</ul>}
        </div>
      )}
      {outcome?.ok === false && (
        <div role="alert" className="error" data-testid="story-import-error">
          <p>{t('stories.import.failed')}</p>
          <ul>{outcome.errors.map((m, i) => <li key={i}>{m}</li>)}</ul>
        </div>
      )}
    </details>
  );
}
