import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  applyMerge, NO_DECISIONS, previewMerge, readMetaState, withFactor, type MergeDecisions,
} from '../../model/merge';
import { useMapSession, useSnapshot } from '../../session';
import { issueText } from '../import/issue-text';
import type { Issue } from '../import/store';
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

/**
 * "Fusionner une mini-carte": choose the mini-map, review what it becomes, then one write.
 * The plan is made once per mini-map and name; the preview follows each decision and the
 * map's own changes (peers may edit during the review), and the merge is applied against the
 * map as it is when the person confirms.
 */
export function MergeDialog({ onClose, onDone }: { onClose: () => void; onDone: (d: MergeDone) => void }) {
  const { t } = useTranslation();
  const { doc, undo, mapId } = useMapSession();
  const snap = useSnapshot();
  const box = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState<Extract<Loaded, { ok: true }> | null>(null);
  const [title, setTitle] = useState('');
  const [decisions, setDecisions] = useState<MergeDecisions>(NO_DECISIONS);
  const [answers, setAnswers] = useState<ReadonlyMap<string, 'yes' | 'no'>>(new Map());
  const [errors, setErrors] = useState<readonly Issue[]>([]);

  useDialogKeys(box, onClose);

  const planning = usePlan(doc, loaded?.map ?? null, { title, sourceMapId: loaded?.mapId, targetMapId: mapId });
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
    setAnswers(new Map());
  };

  const apply = () => {
    if (!planned?.ok) return;
    // Its own undo step, not joined to an edit made just before.
    undo.stopCapturing();
    const r = applyMerge(doc, planned.plan, decisions);
    undo.stopCapturing();
    if (!r.ok) {
      setErrors(r.errors);
      return;
    }
    onDone(r.counts);
  };

  const planErrors: readonly Issue[] = planned && !planned.ok ? planned.errors : [];
  const shown = [...errors, ...planErrors];
  const undecided = preview?.undecided ?? 0;

  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div ref={box} className="dialog merge-dialog" role="dialog" aria-modal="true" aria-labelledby="merge-title"
        data-testid="merge-dialog" onClick={(e) => e.stopPropagation()}>
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
            <input type="text" value={title} onChange={(e) => setTitle(e.target.value)} data-testid="merge-name" />
            <span className="muted small">{t('merge.nameHint')}</span>
          </label>
        )}
        {shown.length > 0 && (
          <ul className="merge-errors" role="alert" data-testid="merge-errors">
            {shown.map((e, i) => <li key={`${e.code}${i}`}>{issueText(e, t)}</li>)}
          </ul>
        )}
        {planning.status === 'planning' && <p role="status" data-testid="merge-planning">{t('merge.planning', { count: loaded?.map.factors.length ?? 0 })}</p>}
        {planned?.ok && preview && (
          <Review plan={planned.plan} preview={preview} decisions={decisions} answers={answers}
            onDecisions={setDecisions}
            onAnswer={(id, answer, d) => {
              setAnswers(new Map(answers).set(id, answer));
              setDecisions(withFactor(decisions, id, d));
            }} />
        )}
        <div className="dialog-actions">
          {loaded && <button type="button" onClick={() => setLoaded(null)}>{t('merge.back')}</button>}
          <button type="button" onClick={onClose}>{t('merge.cancel')}</button>
          {planned?.ok && (
            <>
              {undecided > 0 && <span className="muted" role="status">{t('merge.mustDecide', { count: undecided })}</span>}
              <button type="button" className="primary" disabled={undecided > 0} onClick={apply} data-testid="merge-apply"
                title={t('merge.applyHint')}>
                {t('merge.apply')}
              </button>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
