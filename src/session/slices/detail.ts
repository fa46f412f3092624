import { defineSlice, sliceOf, subscribeSlice, type MapStore } from '../store';
import { sliceHook } from '../useSlice';

/**
 * How much of the map the canvas draws. A large map zoomed out draws a cheap overview (plain
 * boxes, links on one 2D canvas) and a zoomed-in one leaves out what is off screen; an export
 * copies the DOM, so it holds full detail while it runs. Each hold is released by the
 * function it returns; the canvas sets `drawn` once full detail is on screen.
 */
export interface DetailState {
  holds: number;
  drawn: boolean;
  hold: () => () => void;
  setDrawn: (drawn: boolean) => void;
}

export const detailSlice = defineSlice<DetailState>('detail', (set) => ({
  holds: 0,
  drawn: false,
  hold: () => {
    set((s) => ({ holds: s.holds + 1 }));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      set((s) => ({ holds: s.holds - 1 }));
    };
  },
  setDrawn: (drawn) => set({ drawn }),
}));

export const useDetail = sliceHook(detailSlice);

/** Longest wait for the canvas: with no canvas mounted the work runs anyway. */
const DRAWN_TIMEOUT_MS = 15_000;

/**
 * Runs `work` while the canvas draws every factor, label, link and marker, whatever the zoom
 * (exports read the DOM).
 */
export async function withFullDetail<T>(store: MapStore, work: () => Promise<T>): Promise<T> {
  const release = sliceOf(store, detailSlice).hold();
  try {
    await new Promise<void>((resolve) => {
      if (sliceOf(store, detailSlice).drawn) return resolve();
      const timer = setTimeout(done, DRAWN_TIMEOUT_MS);
      const stop = subscribeSlice(store, detailSlice, (s) => {
        if (s.drawn) done();
      });
      function done() {
        clearTimeout(timer);
        stop();
        resolve();
      }
    });
    return await work();
  } finally {
    release();
  }
}
