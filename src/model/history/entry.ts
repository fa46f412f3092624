/**
 * One line of the history panel: who did what to which element, when. Values are what the
 * field held (a label, a polarity, a theme id); the app words them in the reader's language.
 */
export type HistoryKind = 'factor' | 'link' | 'theme' | 'map';
export type HistoryAction = 'added' | 'removed' | 'edited';
export type HistoryValue = string | number | boolean | null;

export interface HistoryEntry {
  /** Increases by one per entry, for React keys and "new since you looked". */
  readonly seq: number;
  /** Milliseconds since 1970, this device's clock when the change arrived. */
  readonly at: number;
  readonly kind: HistoryKind;
  /** The element's id (the map's title has 'title'). */
  readonly id: string;
  readonly action: HistoryAction;
  /** What the element was called then: a factor's label, "cause → effect" for a link. */
  readonly label: string;
  /** The field edited ('label', 'theme', 'polarity'…), for action 'edited'. */
  readonly field?: string;
  readonly before?: HistoryValue;
  readonly after?: HistoryValue;
  /** Links that went with a removed factor, folded into its line. */
  readonly along?: number;
  /** The Yjs client that made the change; null when it cannot be told (see writers.ts). */
  readonly client: number | null;
  readonly mine: boolean;
  /**
   * The person's name from presence at the time, or learned later for a client that edited
   * while offline and showed itself after; null while unknown.
   */
  readonly person: string | null;
}

export function plainValue(v: unknown): HistoryValue | undefined {
  if (v === undefined) return undefined;
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  return null;
}
