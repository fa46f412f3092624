import { useTranslation } from 'react-i18next';
import { silent } from '../../model/log';
import { readElementSources } from '../../model/merge/provenance';
import { useMapSession, useSnapshot } from '../../session';
import './i18n';

/**
 * "Vu par 4 groupes : …" in the inspector: the mini-maps a factor or link came from, with the
 * label or polarity each group gave it. Nothing for a map no mini-map was merged into.
 */
export function ElementSources({ kind, id }: { kind: 'factor' | 'link'; id: string }) {
  const { t } = useTranslation();
  const { doc } = useMapSession();
  useSnapshot();
  // Silent: the map's reader has already warned about malformed sources.
  const sources = kind === 'factor'
    ? readElementSources(doc, 'factor', id, silent).map((s) => ({ map: s.map, detail: t('merge.asLabel', { label: s.label }) }))
    : readElementSources(doc, 'link', id, silent).map((s) => ({ map: s.map, detail: t('merge.asPolarity', { p: t(`polarity.${s.polarity}`) }) }));
  if (sources.length === 0) return null;
  return (
    <section className="merge-sources" data-testid="element-sources">
      <strong>{t('merge.seenBy', { count: sources.length, groups: sources.map((s) => s.map).join(', ') })}</strong>
      <ul>
        {sources.map((s) => <li key={s.map}>{s.map} — {s.detail}</li>)}
      </ul>
    </section>
  );
}
