import { useTranslation } from 'react-i18next';
import { useMapSession, useSnapshot } from '../../session';
import { renameFactor, setFactorField, type Factor } from '../../model';
import { ElementSources } from '../merge/Provenance';
import { ElementStories } from '../stories/ElementStories';
import { DraftField } from './DraftField';

export function FactorDetails({ factor }: { factor: Factor }) {
  const { t } = useTranslation();
  const { doc, canEdit } = useMapSession();
  const snap = useSnapshot();
  const causes = snap.links.filter((l) => l.target === factor.id).map((l) => snap.factorById.get(l.source)?.label);
  const effects = snap.links.filter((l) => l.source === factor.id).map((l) => snap.factorById.get(l.target)?.label);
  return (
    <div className="inspector" data-testid="inspector-factor">
      <DraftField label={t('inspector.label')} value={factor.label} readOnly={!canEdit}
        onSave={(v) => v.trim() && renameFactor(doc, factor.id, v)} />
      <DraftField label={t('inspector.notes')} value={factor.notes ?? ''} multiline readOnly={!canEdit}
        onSave={(v) => setFactorField(doc, factor.id, 'notes', v)} />
      <p><strong>{t('inspector.causes')}:</strong> {causes.join(' · ') || t('inspector.none')}</p>
      <p><strong>{t('inspector.effects')}:</strong> {effects.join(' · ') || t('inspector.none')}</p>
      <ElementSources kind="factor" id={factor.id} />
      <ElementStories target={{ kind: 'factor', id: factor.id }} />
    </div>
  );
}
