import * as Y from 'yjs';
import { useTranslation } from 'react-i18next';
import { factorsOf, linksOf } from '../../model';
import { readFactorSourceMap, readLinkSourceMap, sortedSources, SOURCES_FIELD } from '../../model/merge/provenance';
import { useMapSession, useSnapshot } from '../../session';
import './i18n';

const quiet = () => undefined;

/**
 * "Vu par 4 groupes : …" in the inspector: the mini-maps a factor or link came from, with the
 * label or polarity each group gave it. Nothing for a map no mini-map was merged into.
 */
export function ElementSources({ kind, id }: { kind: 'factor' | 'link'; id: string }) {
  const { t } = useTranslation();
  const { doc } = useMapSession();
  useSnapshot();
  const m = (kind === 'factor' ? factorsOf(doc) : linksOf(doc)).get(id);
  if (!(m instanceof Y.Map)) return null;
  const raw = m.get(SOURCES_FIELD);
  if (raw === undefined) return null;
  const sources = kind === 'factor'
    ? sortedSources(readFactorSourceMap(id, raw, quiet)).map((s) => ({ map: s.map, detail: t('merge.asLabel', { label: s.label }) }))
    : sortedSources(readLinkSourceMap(id, raw, quiet)).map((s) => ({ map: s.map, detail: t('merge.asPolarity', { p: t(`polarity.${s.polarity}`) }) }));
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
