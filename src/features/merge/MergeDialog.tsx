import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import {
  NO_DECISIONS, prepareMerge, previewMerge, readMetaState, writeMerge, type MergeDecisions, type MergePlan,
  type PrepareResult,
} from '../../model/merge';
import type { JobRunner } from '../../model/worker';
import { useMapSession, useSnapshot } from '../../session';
import { issueText } from '../import/issue-text';
import type { Issue } from '../import/store';
import { mergeRunner, WORKER_FACTORS, type MergeJobs } from './mergeJobs';
import { PickSource } from './PickSource';
import { useDialogKeys } from './useDialogKeys';
import { Review } from './Review';
import type { Loaded } from './source';
import { usePlan } from './usePlan';

export interface MergeDone {
  readonly added: number;
  readonly linksAdded: number;
  readonly matched: number;
  readonly linksMatched: number;
}

/** What the dialog is busy with, for the progress indicator. */
type Busy = null | 'preparing' | 'writing';

/** Attempts in the worker before the page prepares the merge itself (peers kept editing). */
const WORKER_ATTEMPTS = 2;

function sameVector(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Two frames: the progress message is painted before the page is busy writing. */
function painted(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * "Fusionner une mini-carte": choose the mini-map, review what it becomes, then one write.
 * The plan is made once per mini-map and name; the preview follows each decision and the
 * map's own changes (peers may edit during the review), and the merge is applied against the
 * map as it is when the person confirms. A large mini-map is planned and its merge worked out
 * in the merge worker, with a progress indicator; only the writing, one transaction and one
 * undo step, happens on the page.
 */
export function MergeDialog({ onClose, onDone }: { onClose: () => void; onDone: (d: MergeDone) => void }) {
  const { t } = useTranslation();
  const { doc, undo, mapId } = useMapSession();
  const snap = useSnapshot();
  const box = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState<Extract<Loaded, { ok: true }> | null>(null);
  const [title, setTitle] = useState('');
  const [decisions, setDecisions] = useState<MergeDecisions>(NO_DECISIONS);
  const [errors, setErrors] = useState<readonly Issue[]>([]);
  const [busy, setBusy] = useState<Busy>(null);
  const runnerRef = useRef<JobRunner<MergeJobs> | null>(null);
  const runner = useCallback(() => (runnerRef.current ??= mergeRunner()), []);

  // Closing the dialog while the worker prepares drops the merge: nothing is written after.
  const open = useRef(true);
  useDialogKeys(box, onClose);
  useEffect(() => {
    open.current = true;
    return () => {
      open.current = false;
      runnerRef.current?.destroy();
      runnerRef.current = null;
    };
  }, []);

  const planning = usePlan(doc, loaded?.map ?? null, { title, sourceMapId: loaded?.mapId, targetMapId: mapId }, runner);
  const planned = planning.status === 'done' ? planning.result : null;
  // `snap` changes with every edit of the map: the preview is made against the map as it is.
  const state = useMemo(() => (snap ? readMetaState(doc) : null), [doc, snap]);
  const preview = useMemo(
    () => (planned?.ok && state ? previewMerge(doc, planned.plan, decisions, state) : null),
    [doc, planned, decisions, state],
  );

  const onLoaded = (l: Loaded) => {
    if (!l.ok) {
      setErrors(l.errors);
      return;
    }
    setErrors([]);
    setLoaded(l);
    setTitle(l.title);
    setDecisions(NO_DECISIONS);
  };

  /** The merge worked out against the map as it is: in the worker for a large mini-map. */
  const prepare = async (plan: MergePlan): Promise<PrepareResult> => {
    if (plan.mini.factors.length <= WORKER_FACTORS) return prepareMerge(readMetaState(doc), plan, decisions);
    for (let attempt = 0; attempt < WORKER_ATTEMPTS; attempt++) {
      const vector = Y.encodeStateVector(doc);
      try {
        const r = await runner().run('prepare', { state: readMetaState(doc), plan, decisions });
        // Valid only for the map it was worked out on: a peer's edit meanwhile means once more.
        if (sameVector(vector, Y.encodeStateVector(doc))) return r;
      } catch {
        break;
      }
      if (!open.current) break;
    }
    if (!open.current) return { ok: false, errors: [] };
    return prepareMerge(readMetaState(doc), plan, decisions);
  };

  const apply = async () => {
    if (!planned?.ok || busy) return;
    const { plan } = planned;
    setBusy('preparing');
    try {
      const prepared = await prepare(plan);
      if (!open.current) return;
      if (!prepared.ok) {
        setErrors(prepared.errors);
        return;
      }
      setBusy('writing');
      if (plan.mini.factors.length > WORKER_FACTORS) await painted();
      if (!open.current) return;
      // Its own undo step, not joined to an edit made just before.
      undo.stopCapturing();
      const r = writeMerge(doc, plan, prepared.prepared);
      undo.stopCapturing();
      if (!r.ok) {
        setErrors(r.errors);
        return;
      }
      onDone(r.counts);
    } finally {
      setBusy(null);
    }
  };

  const planErrors: readonly Issue[] = planned && !planned.ok ? planned.errors : [];
  const shown = [...errors, ...planErrors];
  const undecided = preview?.undecided ?? 0;
  const count = loaded?.map.factors.length ?? 0;
  const progress = planning.status === 'planning'
    ? t('merge.planning', { count })
    : busy === 'preparing' ? t('merge.applying', { count }) : busy === 'writing' ? t('merge.applyingDone') : null;

  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div ref={box} className="dialog merge-dialog" role="dialog" aria-modal="true" aria-labelledby="merge-title"
        aria-busy={progress !== null} data-testid="merge-dialog" onClick={(e) => e.stopPropagation()}>
        <h2 id="merge-title">{t('merge.title')}</h2>
        {!loaded && (
          <>
            <p className="muted">{t('merge.intro')}</p>
            <PickSource onLoaded={onLoaded} testId="merge" />
          </>
        )}
        {loaded && (
          <label className="field">
            <span>{t('merge.name')}</span>
            <input type="text" value={title} onChange={(e) => setTitle(e.target.value)} data-testid="merge-name" disabled={busy !== null} />
            <span className="muted small">{t('merge.nameHint')}</span>
          </label>
        )}
        {shown.length > 0 && (
          <ul className="merge-errors" role="alert" data-testid="merge-errors">
            {shown.map((e, i) => <li key={`${e.code}${i}`}>{issueText(e, t)}</li>)}
          </ul>
        )}
        {progress !== null && (
          <div className="merge-progress" role="status" data-testid={planning.status === 'planning' ? 'merge-planning' : 'merge-applying'}>
            {/* No value: the worker says when it is done, not how far it is. */}
            <progress aria-label={progress} />
            <span>{progress}</span>
          </div>
        )}
        {planned?.ok && preview && (
          <fieldset className="merge-review-box" disabled={busy !== null}>
            <Review plan={planned.plan} preview={preview} decisions={decisions} onDecisions={setDecisions} />
          </fieldset>
        )}
        <div className="dialog-actions">
          {loaded && <button type="button" onClick={() => setLoaded(null)} disabled={busy !== null}>{t('merge.back')}</button>}
          <button type="button" onClick={onClose}>{t('merge.cancel')}</button>
          {planned?.ok && (
            <>
              {undecided > 0 && <span className="muted" role="status">{t('merge.mustDecide', { count: undecided })}</span>}
              <button type="button" className="primary" disabled={undecided > 0 || busy !== null} onClick={() => void apply()}
                data-testid="merge-apply" title={t('merge.applyHint')}>
                {t('merge.apply')}
              </button>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
