import type * as Y from 'yjs';
import type { TFunction } from 'i18next';
import { ModelError, placeDot, removeDot, type VoteTarget } from '../../../model';

/** Places a dot; a refusal (no dots left, round closed meanwhile) is said, not thrown. */
export function addDot(
  doc: Y.Doc, roundId: string, voter: string, target: VoteTarget, t: TFunction, showError: (message: string) => void,
): boolean {
  try {
    placeDot(doc, roundId, voter, target);
    return true;
  } catch (err) {
    if (!(err instanceof ModelError)) throw err;
    const key = err.code === 'no-dots-left' ? 'noDotsLeft' : err.code === 'round-closed' ? 'closed' : null;
    showError(key ? t(`workshop.voting.${key}`) : t('errors.generic', { message: err.message }));
    return false;
  }
}

export function takeDot(doc: Y.Doc, roundId: string, voter: string, target: VoteTarget): boolean {
  try {
    return removeDot(doc, roundId, voter, target);
  } catch (err) {
    if (err instanceof ModelError) return false;
    throw err;
  }
}
