import { useTranslation } from 'react-i18next';
import type { LoopKind } from '../../model/analysis';

const LETTER: Record<LoopKind, string> = { reinforcing: 'R', balancing: 'B', unknown: '?' };

/** A loop's kind as a letter in a coloured disc: the letter carries it, the colour helps. */
export function KindBadge({ kind }: { kind: LoopKind }) {
  const { t } = useTranslation();
  return (
    <span className={`loop-kind ${kind}`} title={t(`analysis.kindHint.${kind}`)} data-kind={kind}>
      <span aria-hidden="true">{LETTER[kind]}</span>
      <span className="analysis-sr">{t(`analysis.kind.${kind}`)}</span>
    </span>
  );
}
