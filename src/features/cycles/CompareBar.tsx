import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sliceOf, type MapSession } from '../../session';
import { CompareTable } from './CompareTable';
import { MARKED } from './status';
import { cyclesSlice, type CompareLayout, type Viewing } from './store';

/**
 * What a snapshot or a comparison being shown says and offers, over the one canvas of the
 * overlay or above the two halves side by side: what it is, the legend, the counts, the way
 * to switch between one map and two, the table, the image, and the way back to the live map.
 */
export function CompareBar({ viewing, live, layout, onImage }: {
  viewing: Viewing;
  /** The live map's session, whose store holds what is shown. */
  live: MapSession;
  layout: CompareLayout;
  /** Makes the image; resolves when it is saved. */
  onImage: () => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const [table, setTable] = useState(false);
  const [exporting, setExporting] = useState<'busy' | 'failed' | null>(null);
  const diff = viewing.diff;
  const cycles = () => sliceOf(live.store, cyclesSlice);
  const date = viewing.createdAt === undefined ? ''
    : new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(viewing.createdAt);

  const image = async () => {
    setExporting('busy');
    try {
      await onImage();
      setExporting(null);
    } catch {
      setExporting('failed');
    }
  };

  return (
    <>
      <p>
        {viewing.kind === 'snapshot'
          ? t('cycles.viewing', { name: viewing.name, date })
          : t('cycles.comparison', { from: viewing.fromName, to: viewing.toName })}
      </p>
      {diff && (
        <>
          <ul className="cycles-legend" aria-label={t('cycles.legend')} data-testid="cycles-legend">
            {MARKED.map((st) => (
              <li key={st} data-status={st}>
                <span className={`swatch ${st}`} aria-hidden="true" />
                <span className={`badge-chip ${st}`}>{t(`cycles.status.${st}`)}</span>
                <span className="cycles-legend-style">{t(`cycles.style.${st}`)}</span>
              </li>
            ))}
            <li data-status="unchanged"><span className="swatch unchanged" aria-hidden="true" />{t('cycles.status.unchanged')}</li>
            <li className="cycles-legend-links" data-testid="cycles-legend-links">{t('cycles.linkColoursNote')}</li>
          </ul>
          <p className="cycles-summary" data-testid="cycles-summary">
            {t('cycles.summary', {
              fa: diff.factors.added.length, fr: diff.factors.removed.length, fc: diff.factors.changed.length,
              la: diff.links.added.length, lr: diff.links.removed.length, lc: diff.links.changed.length,
            })}
          </p>
          {viewing.pair && (
            <div className="cycles-layout" role="group" aria-label={t('cycles.layout')}>
              {(['overlay', 'side'] as const).map((l) => (
                <button key={l} type="button" aria-pressed={layout === l} onClick={() => cycles().setLayout(l)}
                  data-testid={`cycles-layout-${l}`}>
                  {t(`cycles.layouts.${l}`)}
                </button>
              ))}
            </div>
          )}
          <button type="button" aria-expanded={table} onClick={() => setTable(!table)} data-testid="cycles-table-toggle">
            {table ? t('cycles.hideTable') : t('cycles.table')}
          </button>
        </>
      )}
      <button type="button" onClick={() => void image()} disabled={exporting === 'busy'} data-testid="cycles-image">
        {layout === 'side' && viewing.pair ? t('cycles.imageSide') : t('cycles.image')}
      </button>
      <button type="button" className="primary" onClick={() => cycles().view(null)} data-testid="cycles-back">{t('cycles.back')}</button>
      {exporting && <p role="status">{exporting === 'busy' ? t('cycles.exporting') : t('cycles.exportFailed')}</p>}
      {diff && table && <CompareTable diff={diff} labels={viewing.labels} />}
    </>
  );
}
