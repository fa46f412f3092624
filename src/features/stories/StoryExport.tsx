import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapSession, useSnapshot } from '../../session';
import { exportCitationsCsv, exportStoriesCsv } from '../../model/io';
import { downloadText, fileStem } from './download';

/** The stories and their citations as CSV files; "codes only" leaves every summary out. */
export function StoryExport() {
  const { t } = useTranslation();
  const { doc } = useMapSession();
  const title = useSnapshot().meta.title;
  const [codesOnly, setCodesOnly] = useState(false);
  const [excel, setExcel] = useState(false);
  const opts = { codesOnly, excel };
  const name = (what: string) => `${fileStem(title, 'trame')}-${what}${codesOnly ? '-codes' : ''}.csv`;
  return (
    <details className="story-export">
      <summary>{t('stories.export.title')}</summary>
      <label className="check">
        <input type="checkbox" checked={codesOnly} onChange={(e) => setCodesOnly(e.target.checked)} data-testid="story-export-codes-only" />
        {t('stories.export.codesOnly')}
      </label>
      <label className="check">
        <input type="checkbox" checked={excel} onChange={(e) => setExcel(e.target.checked)} />
        {t('stories.export.excel')}
      </label>
      <div className="story-export-buttons">
        <button type="button" data-testid="story-export-stories"
          onClick={() => downloadText(exportStoriesCsv(doc, opts), name(t('stories.export.fileStories')))}>
          {t('stories.export.stories')}
        </button>
        <button type="button" data-testid="story-export-citations"
          onClick={() => downloadText(exportCitationsCsv(doc, opts), name(t('stories.export.fileCitations')))}>
          {t('stories.export.citations')}
        </button>
      </div>
    </details>
  );
}
