import type * as Y from 'yjs';
import type { DiffStatus, MapDiff } from '../../model/compare';
import type { HistoryEntry, ReplacedChange } from '../../model/history';
import { defineSlice, sliceHook, type AnySlice, type MapSession } from '../../session';

/**
 * What this user looks at instead of the live map: a snapshot, or a comparison drawn as one
 * map. The document is a copy of its own, connected to nothing; the app shows it read-only
 * (viewed.ts makes the session it is shown through).
 */
export interface Viewing {
  readonly kind: 'snapshot' | 'compare';
  readonly doc: Y.Doc;
  /** "Cycle 1 — atelier de Kangaba" or "Cycle 1 → Maintenant". */
  readonly name: string;
  readonly createdAt?: number;
  /** Comparison: each overlay key's status, for the colours and the legend. */
  readonly factorStatus?: ReadonlyMap<string, DiffStatus>;
  readonly linkStatus?: ReadonlyMap<string, DiffStatus>;
  readonly diff?: MapDiff;
  /** Comparison: the name of every factor of either state, by id (the table names links and loops by them). */
  readonly labels?: ReadonlyMap<string, string>;
  readonly fromName?: string;
  readonly toName?: string;
  /** Comparison: each state on its own, for the side-by-side view (before | after). */
  readonly pair?: { readonly before: ViewedHalf; readonly after: ViewedHalf };
  /** Makes the read-only session it is shown through, and ends it (viewed-session.ts). */
  readonly open: (live: MapSession, slices: readonly AnySlice[]) => MapSession;
  readonly close: (session: MapSession) => void;
}

/**
 * One half of a comparison side by side: a state as a document of its own (the earlier one
 * with the factors both have at the later one's positions, so they line up), and the status
 * of each of its elements by id: removed and changed before, added and changed after.
 */
export interface ViewedHalf {
  readonly doc: Y.Doc;
  readonly name: string;
  readonly factorStatus: ReadonlyMap<string, DiffStatus>;
  readonly linkStatus: ReadonlyMap<string, DiffStatus>;
}

/** How a comparison is drawn: one map with both states in it, or the two states side by side. */
export type CompareLayout = 'overlay' | 'side';

export interface CyclesState {
  viewing: Viewing | null;
  /** In a viewed session's own store: the live map's session, where the panel acts. */
  live: MapSession | null;
  layout: CompareLayout;
  /** Bumped when a snapshot is saved or restored, so lists reload. */
  version: number;
  view: (v: Viewing | null) => void;
  setLayout: (layout: CompareLayout) => void;
  bump: () => void;
}

export const cyclesSlice = defineSlice<CyclesState>('cycles', (set, get) => ({
  viewing: null,
  live: null,
  version: 0,
  layout: 'overlay',
  view: (viewing) => {
    const was = get().viewing;
    if (was && was.doc !== viewing?.doc) {
      was.doc.destroy();
      was.pair?.before.doc.destroy();
      was.pair?.after.doc.destroy();
    }
    // Back on the live map, the next comparison opens as one map again.
    set(viewing ? { viewing } : { viewing, layout: 'overlay' });
  },
  setLayout: (layout) => set({ layout }),
  bump: () => set((s) => ({ version: s.version + 1 })),
}));

export const useCycles = sliceHook(cyclesSlice);

/** Who changed what (history panel) and the changes of yours others replaced (notices). */
export interface HistoryState {
  entries: readonly HistoryEntry[];
  replaced: readonly ReplacedChange[];
  /** Names from presence by Yjs client id, as learned while the map is open. */
  names: ReadonlyMap<number, string>;
  setEntries: (entries: readonly HistoryEntry[]) => void;
  addReplaced: (c: ReplacedChange) => void;
  dismissReplaced: (c: ReplacedChange) => void;
  learnNames: (names: ReadonlyMap<number, string>) => void;
}

/** Notices shown at once; older ones drop off (a reconnection may bring many). */
const MAX_REPLACED = 5;

export const historySlice = defineSlice<HistoryState>('history', (set) => ({
  entries: [],
  replaced: [],
  names: new Map(),
  setEntries: (entries) => set({ entries }),
  addReplaced: (c) => set((s) => ({
    replaced: [...s.replaced.filter((r) => !(r.kind === c.kind && r.id === c.id && r.field === c.field)), c].slice(-MAX_REPLACED),
  })),
  dismissReplaced: (c) => set((s) => ({ replaced: s.replaced.filter((r) => r !== c) })),
  learnNames: (names) => set({ names }),
}));

export const useHistory = sliceHook(historySlice);
