import type { ParsedMap } from '../../model/io/parsed';
import type { MetaState } from '../../model/merge/meta-state';
import { planMerge, type MergeOptions } from '../../model/merge/plan';

/**
 * A large mini-map matched off the page's thread: thousands of labels against the map's take
 * seconds of edit distances, and the facilitator's screen must keep answering meanwhile.
 */
interface Scope {
  onmessage: ((e: MessageEvent<{ state: MetaState; mini: ParsedMap; options: MergeOptions }>) => void) | null;
  postMessage(reply: unknown): void;
}
const scope = self as unknown as Scope;

scope.onmessage = (e) => {
  const { state, mini, options } = e.data;
  try {
    scope.postMessage({ ok: true, result: planMerge(state, mini, options) });
  } catch (err) {
    scope.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
  }
};
