import { useTranslation } from 'react-i18next';
import { useMapSession, useSnapshot } from '../../session';
import { POLARITIES, setDelay, setLinkNotes, setPolarity, setStrength, type Link } from '../../model';
import { ElementSources } from '../merge/Provenance';
import { ElementStories } from '../stories/ElementStories';
import { DraftField } from './DraftField';

export function LinkDetails({ link }: { link: Link }) {
  const { t } = useTranslation();
  const { doc, canEdit } = useMapSession();
  const snap = useSnapshot();
  return (
    <div className="inspector" data-testid="inspector-link">
      <p><strong>{t('inspector.from')}:</strong> {snap.factorById.get(link.source)?.label}</p>
      <p><strong>{t('inspector.to')}:</strong> {snap.factorById.get(link.target)?.label}</p>
      <fieldset disabled={!canEdit}>
        <legend>{t('inspector.polarity')}</legend>
        {POLARITIES.map((p) => (
          <label key={p} className="choice">
            <input type="radio" name="polarity" checked={link.polarity === p} onChange={() => setPolarity(doc, link.id, p)} />
            {t(`polarity.${p}`)}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>{t('inspector.strength')}</span>
        <select disabled={!canEdit} value={link.strength ?? ''} data-testid="link-strength"
          onChange={(e) => setStrength(doc, link.id, e.target.value === '' ? undefined : Number(e.target.value))}>
          <option value="">{t('inspector.strengthNone')}</option>
          {[1, 2, 3].map((n) => <option key={n} value={n}>{t('inspector.strengthValue', { n })}</option>)}
        </select>
      </label>
      <label className="choice">
        <input type="checkbox" disabled={!canEdit} checked={!!link.delay} onChange={(e) => setDelay(doc, link.id, e.target.checked)} />
        {t('inspector.delay')}
      </label>
      <DraftField label={t('inspector.notes')} value={link.notes ?? ''} multiline readOnly={!canEdit}
        onSave={(v) => setLinkNotes(doc, link.id, v)} />
      <ElementSources kind="link" id={link.id} />
      <ElementStories target={{ kind: 'link', id: link.id }} />
    </div>
  );
}
