import { useReactFlow } from '@xyflow/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapSession, useOverlay, useRoot, useSnapshot, withFullDetail } from '../../session';
import { readThemes, THEMES_ROOT } from '../../model';
import { fileName, saveBlob } from './download';
import type { DataFormat } from './files';
import './i18n';
import type { ImageStage } from './image';
import { buildLegend, drawnMarks } from './legend';
import { PAGE_SIZES, pageSize, sheetPixels } from './page-size';
import { useExport, type ExportChoices } from './store';

type Stage = ImageStage | 'files';
const STAGE_PROGRESS: Record<Stage, number> = { fonts: 10, drawing: 40, encoding: 75, files: 50 };
const RATIOS = [1, 2, 3, 4] as const;
const readThemesQuietly = (doc: Parameters<typeof readThemes>[0]) => readThemes(doc, () => undefined);

interface Notice {
  readonly kind: 'ok' | 'error';
  readonly text: string;
}

/** The export dialog: the map file first (the everyday need), then an image, then data files. */
export default function ExportDialog() {
  const { t } = useTranslation();
  const { doc, store } = useMapSession();
  const snap = useSnapshot();
  const themes = useRoot(THEMES_ROOT, readThemesQuietly);
  const factorBadges = useOverlay((s) => s.factorBadges);
  const linkBadges = useOverlay((s) => s.linkBadges);
  const markers = useOverlay((s) => s.markers);
  const flow = useReactFlow();
  const c = useExport();
  const [stage, setStage] = useState<Stage | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  // Off each time the dialog opens: a summary may quote someone, and a workbook travels.
  const [storyTexts, setStoryTexts] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const busy = stage !== null;
  const title = snap.meta.title;
  const sheet = c.pageSize === 'map' ? null : pageSize(c.pageSize);
  const sheetPx = sheet ? sheetPixels(sheet) : null;

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    box.current?.querySelector<HTMLElement>('button')?.focus();
    return () => before?.focus?.();
  }, []);

  const close = () => {
    if (!busy) c.set({ open: false });
  };

  const run = async (first: Stage, work: () => Promise<Notice[]>) => {
    setStage(first);
    setNotices([]);
    try {
      setNotices(await work());
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      setNotices([{ kind: 'error', text: t('export.failed', { message }) }]);
    } finally {
      setStage(null);
    }
  };

  const exportImage = () => run('fonts', async () => {
    const viewport = document.querySelector<HTMLElement>('[data-testid="canvas"] .react-flow__viewport');
    const nodes = flow.getNodes();
    if (!viewport || nodes.every((n) => n.hidden)) return [{ kind: 'error', text: t('export.empty') }];
    const { renderMapImage } = await import('./image');
    // A large map zoomed out draws an overview and leaves out what is off screen: the image
    // is copied from the DOM, so the canvas draws everything while it is made.
    const image = await withFullDetail(store, () => renderMapImage({
      viewport, nodes, format: c.format, pixelRatio: c.pixelRatio, background: c.background, sheet: sheet ?? undefined,
      title: c.withTitle ? title : undefined,
      legend: c.withLegend ? buildLegend(snap, themes, t, drawnMarks(factorBadges, linkBadges, markers)) : undefined,
      onStage: setStage,
    }));
    const name = fileName(title, '', c.format);
    saveBlob(image.blob, name);
    const out: Notice[] = [{ kind: 'ok', text: t('export.done', { name }) }];
    if (c.format === 'png' && !sheet && image.pixelRatio < c.pixelRatio) out.push({ kind: 'ok', text: t('export.reduced', { ratio: image.pixelRatio }) });
    return out;
  });

  const exportData = (format: DataFormat) => run('files', async () => {
    const { dataFile } = await import('./files');
    const file = await dataFile(doc, format, { excel: c.excel, storyTexts });
    const name = fileName(title, file.suffix ? t(`export.fileSuffix.${file.suffix}`) : '', file.ext);
    saveBlob(file.blob, name);
    return [{ kind: 'ok', text: t('export.done', { name }) }];
  });

  const choice = <K extends keyof ExportChoices>(key: K, value: ExportChoices[K], label: string, group: string) => (
    <label className="export-choice">
      <input type="radio" name={group} checked={c[key] === value} onChange={() => c.set({ [key]: value })} disabled={busy} />
      {label}
    </label>
  );

  return (
    <div className="dialog-backdrop" onClick={close}>
      <div ref={box} className="dialog export-dialog" role="dialog" aria-modal="true" aria-labelledby="export-title"
        data-testid="export-dialog" onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            close();
          }
        }}>
        <h2 id="export-title">{t('export.title')}</h2>

        <section className="export-section">
          <button type="button" className="primary" onClick={() => void exportData('map')} disabled={busy} data-testid="export-map-file">
            {t('export.saveMap')}
          </button>
          <p className="muted">{t('export.saveMapHint')}</p>
        </section>

        <section className="export-section" aria-labelledby="export-image">
          <h3 id="export-image">{t('export.image')}</h3>
          <p className="muted">{t('export.imageHint')}</p>
          <fieldset className="export-row">
            <legend>{t('export.format')}</legend>
            {choice('format', 'png', t('export.png'), 'export-format')}
            {choice('format', 'svg', t('export.svg'), 'export-format')}
          </fieldset>
          <label className="export-select">
            {t('export.pageSize')}
            <select value={c.pageSize} disabled={busy} data-testid="export-page-size"
              onChange={(e) => c.set({ pageSize: e.target.value as ExportChoices['pageSize'] })}>
              <option value="map">{t('export.page.map')}</option>
              {PAGE_SIZES.map((s) => <option key={s.id} value={s.id}>{t(`export.page.${s.id}`, { dpi: s.dpi })}</option>)}
            </select>
          </label>
          {sheet && sheetPx && (
            <p className="muted" data-testid="export-page-pixels">
              {t('export.pagePixels', { width: sheetPx.width, height: sheetPx.height, dpi: sheet.dpi, mmWidth: sheet.widthMm, mmHeight: sheet.heightMm })}
            </p>
          )}
          <label className="export-select">
            {t('export.resolution')}
            <select value={c.pixelRatio} disabled={busy || c.format === 'svg' || sheet !== null} data-testid="export-ratio"
              onChange={(e) => c.set({ pixelRatio: Number(e.target.value) as ExportChoices['pixelRatio'] })}>
              {RATIOS.map((r) => <option key={r} value={r}>{t(`export.ratio.${r}`)}</option>)}
            </select>
          </label>
          <fieldset className="export-row">
            <legend>{t('export.background')}</legend>
            {choice('background', 'white', t('export.white'), 'export-background')}
            {choice('background', 'transparent', t('export.transparent'), 'export-background')}
          </fieldset>
          <div className="export-row">
            <label className="export-choice">
              <input type="checkbox" checked={c.withTitle} disabled={busy} data-testid="export-with-title"
                onChange={(e) => c.set({ withTitle: e.target.checked })} />
              {t('export.withTitle')}
            </label>
            <label className="export-choice">
              <input type="checkbox" checked={c.withLegend} disabled={busy} data-testid="export-with-legend"
                onChange={(e) => c.set({ withLegend: e.target.checked })} />
              {t('export.withLegend')}
            </label>
          </div>
          <button type="button" onClick={() => void exportImage()} disabled={busy} data-testid="export-image">
            {t('export.downloadImage')}
          </button>
        </section>

        <section className="export-section" aria-labelledby="export-data">
          <h3 id="export-data">{t('export.data')}</h3>
          <p className="muted">{t('export.dataHint')}</p>
          <div className="export-row">
            <button type="button" onClick={() => void exportData('json')} disabled={busy} data-testid="export-json">{t('export.json')}</button>
            <button type="button" onClick={() => void exportData('linksCsv')} disabled={busy} data-testid="export-links-csv">{t('export.linksCsv')}</button>
            <button type="button" onClick={() => void exportData('factorsCsv')} disabled={busy} data-testid="export-factors-csv">{t('export.factorsCsv')}</button>
            <button type="button" onClick={() => void exportData('graphml')} disabled={busy} data-testid="export-graphml">{t('export.graphml')}</button>
            <button type="button" onClick={() => void exportData('gexf')} disabled={busy} data-testid="export-gexf">{t('export.gexf')}</button>
            <button type="button" onClick={() => void exportData('dot')} disabled={busy} data-testid="export-dot">{t('export.dot')}</button>
          </div>
          <div className="export-row">
            <button type="button" onClick={() => void exportData('xlsx')} disabled={busy} data-testid="export-xlsx">{t('export.xlsx')}</button>
            <label className="export-choice">
              <input type="checkbox" checked={storyTexts} disabled={busy} data-testid="export-story-texts"
                onChange={(e) => setStoryTexts(e.target.checked)} />
              {t('export.storyTexts')}
            </label>
          </div>
          <label className="export-choice">
            <input type="checkbox" checked={c.excel} disabled={busy} onChange={(e) => c.set({ excel: e.target.checked })} />
            {t('export.excel')}
          </label>
        </section>

        <div className="export-status" role="status" aria-live="polite" data-testid="export-status">
          {stage && (
            <>
              <progress max={100} value={STAGE_PROGRESS[stage]} />
              <span>{t(`export.stage.${stage}`)}</span>
            </>
          )}
          {notices.map((n) => (
            <p key={n.text} className={n.kind === 'error' ? 'error' : undefined} role={n.kind === 'error' ? 'alert' : undefined}>{n.text}</p>
          ))}
        </div>

        <div className="dialog-actions">
          <button type="button" onClick={close} disabled={busy}>{t('export.close')}</button>
        </div>
      </div>
    </div>
  );
}
