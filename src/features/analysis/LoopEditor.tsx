import { useTranslation } from 'react-i18next';
import { useMapSession } from '../../session';
import { MAX_LABEL_CHARS, MAX_NOTES_CHARS, nameLoop, setLoopKey, setLoopNotes, type LoopNote } from '../../model';
import { TextDraft } from './TextDraft';

/** Name, key-dynamic mark and notes of the chosen loop; read only on a view link. */
export function LoopEditor({ loopId, note }: { loopId: string; note: LoopNote | undefined }) {
  const { t } = useTranslation();
  const { doc, canEdit } = useMapSession();
  if (!canEdit) {
    return note?.notes ? <p className="loop-notes">{note.notes}</p> : null;
  }
  return (
    <div className="loop-editor">
      <label>
        {t('analysis.loops.name')}
        <TextDraft value={note?.name ?? ''} label={t('analysis.loops.name')} placeholder={t('analysis.loops.namePlaceholder')}
          maxLength={MAX_LABEL_CHARS} onCommit={(v) => nameLoop(doc, loopId, v)} testId="loop-name" />
      </label>
      <label className="check">
        <input type="checkbox" checked={note?.key === true} onChange={(e) => setLoopKey(doc, loopId, e.target.checked)}
          data-testid="loop-key" />
        {t('analysis.loops.markKey')}
      </label>
      <label>
        {t('analysis.loops.notes')}
        <TextDraft value={note?.notes ?? ''} label={t('analysis.loops.notes')} multiline maxLength={MAX_NOTES_CHARS}
          onCommit={(v) => setLoopNotes(doc, loopId, v)} testId="loop-notes" />
      </label>
    </div>
  );
}
