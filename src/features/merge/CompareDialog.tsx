import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { createMapDoc, ROOT, silent } from '../../model';
import { mapStateOf, type MapState } from '../../model/compare';
import { importIntoDoc } from '../../model/io';
import {
  compareWithMap, comparisonCsv, comparisonOverlay, comparisonRows, normaliseLabel, readAnswers, rememberAnswers,
  rememberedPairs, sourceKey, tableWords, type ConfirmedPair,
} from '../../model/merge';
import { useMapSession, useRoot, useSnapshot } from '../../session';
import { fileName, saveBlob } from '../export/download';
import { issueText } from '../import/issue-text';
import type { Issue } from '../import/store';
import { PRESENCE_COLOUR } from './colours';
import './i18n';
import { PickSource } from './PickSource';
import { useDialogKeys } from './useDialogKeys';
import type { Loaded } from './source';
import { useMergeView } from './store';

const SHOWN_ROWS = 300;
const NONE: readonly ConfirmedPair[] = [];
const readAnswersQuietly = (doc: Y.Doc) => readAnswers(doc, silent);

/** The other map as plain state: read through a document of its own, then dropped. */
function stateOf(loaded: Extract<Loaded, { ok: true }>): { ok: true; state: MapState } | { ok: false; errors: Issue[] } {
  const doc = createMapDoc({ title: loaded.title });
  try {
    const r = importIntoDoc(doc, loaded.map, { mode: 'new' });
    if (!r.ok) return { ok: false, errors: r.errors.map((e) => ({ code: e.code, params: e.params, message: e.message })) };
    return { ok: true, state: mapStateOf(doc) };
  } finally {
    doc.destroy();
  }
}

/**
 * "Comparer": this map and another (a file or a map link), matched as a merge matches them;
 * near pairs a person confirms are taken as the same, those they refuse are not offered again.
 * An editor's answers are kept in the document (answers.ts, under the other map's title), for
 * the next comparison on any device and for a merge of that map; a viewer's for the session. Shown as a table that exports to CSV,
 * and over the map (shared / only here / only there, with a legend).
 */
export default function CompareDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { doc, canEdit } = useMapSession();
  const snap = useSnapshot();
  const box = useRef<HTMLDivElement>(null);
  const set = useMergeView((s) => s.set);
  const [loaded, setLoaded] = useState<Extract<Loaded, { ok: true }> | null>(null);
  const [title, setTitle] = useState('');
  const [errors, setErrors] = useState<readonly Issue[]>([]);
  const pairs = useMergeView((s) => s.confirmedPairs);
  const refusedPairs = useMergeView((s) => s.refusedPairs);
  const otherTitle = title || loaded?.title || '';
  const key = sourceKey(otherTitle);
  const answers = useRoot(ROOT.matches, readAnswersQuietly);
  const remembered = useMemo(() => rememberedPairs(answers, otherTitle, snap.factors), [answers, otherTitle, snap.factors]);
  const confirmed = useMemo(() => [...remembered.confirmed, ...(pairs.get(key) ?? NONE)], [remembered, pairs, key]);
  const refused = useMemo(() => [...remembered.refused, ...(refusedPairs.get(key) ?? NONE)], [remembered, refusedPairs, key]);
  /** A person's answer about a near pair: in the document for an editor, for the session for a viewer. */
  const answer = (thereLabel: string, hereId: string, same: boolean) => {
    if (canEdit && key !== '') {
      rememberAnswers(doc, otherTitle, [{ label: thereLabel, factor: hereId, answer: same ? 'same' : 'different' }]);
      return;
    }
    const pair: ConfirmedPair = [normaliseLabel(thereLabel), normaliseLabel(snap.factorById.get(hereId)?.label ?? '')];
    if (same) set({ confirmedPairs: new Map(pairs).set(key, [...(pairs.get(key) ?? NONE), pair]) });
    else set({ refusedPairs: new Map(refusedPairs).set(key, [...(refusedPairs.get(key) ?? NONE), pair]) });
  };

  useDialogKeys(box, onClose);

  const there = useMemo(() => (loaded ? stateOf(loaded) : null), [loaded]);
  const comparison = useMemo(() => {
    if (!there?.ok || !snap) return null;
    return compareWithMap(mapStateOf(doc), there.state, { confirmed, refused });
  }, [doc, snap, there, confirmed, refused]);
  const overlay = useMemo(() => (comparison ? comparisonOverlay(comparison) : null), [comparison]);
  const rows = useMemo(() => (comparison ? comparisonRows(comparison) : []), [comparison]);
  const words = useMemo(() => tableWords(i18n.language, snap.meta.title, title), [i18n.language, snap.meta.title, title]);

  const onLoaded = (l: Loaded) => {
    if (!l.ok) return setErrors(l.errors);
    setErrors([]);
    setLoaded(l);
    setTitle(l.title);
  };

  const show = () => {
    if (!overlay) return;
    const ghosts = overlay.factors.filter((f) => f.presence === 'there')
      .map((f) => ({ key: f.key, label: f.label, x: f.position.x, y: f.position.y, status: f.presence }));
    set({
      dialog: null,
      compare: {
        title: title.trim() || t('compare.otherTitle'),
        factors: new Map(overlay.factors.filter((f) => f.presence !== 'there').map((f) => [f.key, f.presence])),
        links: new Map(overlay.links.filter((l) => l.presence !== 'there').map((l) => [l.key, l.presence])),
        ghosts,
        ghostLinks: overlay.links.filter((l) => l.presence === 'there').map((l) => ({ key: l.key, source: l.source, target: l.target, status: l.presence })),
        counts: overlay.counts,
      },
    });
  };

  const exportCsv = () => {
    const csv = comparisonCsv(rows, words, { excel: i18n.language.startsWith('fr') });
    saveBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), fileName(snap.meta.title, `comparaison ${title}`.trim(), 'csv'));
  };

  const thereLabel = new Map(there?.ok ? there.state.factors.map((f) => [f.id, f.label]) : []);
  const hereLabel = snap.factorById;
  const shownErrors = [...errors, ...(there && !there.ok ? there.errors : [])];

  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div ref={box} className="dialog merge-dialog" role="dialog" aria-modal="true" aria-labelledby="compare-title"
        data-testid="compare-dialog" onClick={(e) => e.stopPropagation()}>
        <h2 id="compare-title">{t('compare.title')}</h2>
        <p className="muted">{t('compare.intro')}</p>
        {!loaded && <PickSource onLoaded={onLoaded} testId="compare" />}
        {loaded && (
          <label className="field">
            <span>{t('compare.otherTitle')}</span>
            <input type="text" value={title} onChange={(e) => setTitle(e.target.value)} data-testid="compare-name" />
          </label>
        )}
        {shownErrors.length > 0 && (
          <ul className="merge-errors" role="alert" data-testid="compare-errors">
            {shownErrors.map((e, i) => <li key={`${e.code}${i}`}>{issueText(e, t)}</li>)}
          </ul>
        )}
        {overlay && comparison && (
          <>
            <ul className="compare-counts" data-testid="compare-counts">
              {(['both', 'here', 'there'] as const).map((p) => (
                <li key={p} data-testid={`compare-count-${p}`}>
                  <span className="status-swatch" aria-hidden="true" style={{ background: PRESENCE_COLOUR[p] }} />
                  {t(`compare.${p}`, { ...overlay.counts[p], title: title || t('compare.otherTitle') })}
                </li>
              ))}
            </ul>
            {comparison.matching.near.length > 0 && (
              <section aria-labelledby="compare-near">
                <h3 id="compare-near">{t('compare.near')}</h3>
                <p className="muted small">{canEdit ? t('compare.remembered', { title: otherTitle }) : t('compare.rememberedSession')}</p>
                <ul className="merge-list">
                  {comparison.matching.near.slice(0, 50).map((n) => (
                    <li key={`${n.left}-${n.right}`} data-testid="compare-near-row">
                      {thereLabel.get(n.left)} ≈ {hereLabel.get(n.right)?.label}{' '}
                      <span className="merge-score">{t('merge.score', { score: Math.round(n.score) })}</span>{' '}
                      <button type="button" data-testid="compare-confirm" onClick={() => answer(thereLabel.get(n.left) ?? '', n.right, true)}>
                        {t('compare.confirm')}
                      </button>{' '}
                      <button type="button" data-testid="compare-refuse" onClick={() => answer(thereLabel.get(n.left) ?? '', n.right, false)}>
                        {t('compare.refuse')}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            )}
            <details>
              <summary><h3>{t('compare.table')} ({t('compare.rows', { count: rows.length })})</h3></summary>
              <div className="factor-table-wrap">
                <table className="compare-table" data-testid="compare-table">
                  <thead>
                    <tr>{words.columns.slice(0, 4).map((c) => <th key={c} scope="col">{c}</th>)}<th scope="col">{t('compare.polarity')}</th></tr>
                  </thead>
                  <tbody>
                    {rows.slice(0, SHOWN_ROWS).map((r, i) => (
                      <tr key={i} data-presence={r.presence}>
                        <td>{words.kinds[r.kind]}</td>
                        <td><span className="status-swatch" aria-hidden="true" style={{ background: PRESENCE_COLOUR[r.presence] }} />{words.presence[r.presence]}</td>
                        <td>{r.here}</td>
                        <td>{r.there}</td>
                        <td>{[r.polarityHere, r.polarityThere].filter(Boolean).join(' / ')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {rows.length > SHOWN_ROWS && <p className="muted">{t('merge.more', { count: rows.length - SHOWN_ROWS })}</p>}
              </div>
            </details>
          </>
        )}
        <div className="dialog-actions">
          {loaded && <button type="button" onClick={() => setLoaded(null)}>{t('merge.back')}</button>}
          <button type="button" onClick={onClose}>{t('compare.close')}</button>
          {overlay && (
            <>
              <button type="button" onClick={exportCsv} data-testid="compare-csv">{t('compare.csv')}</button>
              <button type="button" className="primary" onClick={show} data-testid="compare-show">{t('compare.show')}</button>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
