import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSnapshot } from '../../session';
import type { LoopNote } from '../../model';
import type { Loop } from '../../model/analysis';
import { KindBadge } from './KindBadge';
import { LoopEditor } from './LoopEditor';

interface Props {
  loop: Loop;
  note: LoopNote | undefined;
  /** R1, B2… when the loop is named. */
  marker: string | undefined;
  chosen: boolean;
  onChoose: () => void;
}

function LoopRowView({ loop, note, marker, chosen, onChoose }: Props) {
  const { t } = useTranslation();
  const { factorById } = useSnapshot();
  const names = loop.factors.map((id) => factorById.get(id)?.label ?? '?');
  return (
    <li className={`loop-row${chosen ? ' chosen' : ''}`} data-testid="loop-row" data-loop-id={loop.id} data-kind={loop.kind}>
      <button type="button" className="loop-choose" aria-pressed={chosen} onClick={onChoose}>
        <span className="loop-head">
          <KindBadge kind={loop.kind} />
          {marker && <span className={`loop-marker ${loop.kind}`} data-testid="loop-marker">{marker}</span>}
          <span className="loop-title">{note?.name ?? t('analysis.loops.unnamed', { count: loop.factors.length })}</span>
          {note?.key && <span className="loop-key" title={t('analysis.loops.keyMark')} aria-label={t('analysis.loops.keyMark')}>★</span>}
        </span>
        <span className="loop-chain">{[...names, names[0]].join(' → ')}</span>
      </button>
      {chosen && <LoopEditor loopId={loop.id} note={note} />}
    </li>
  );
}

export const LoopRow = memo(LoopRowView);
