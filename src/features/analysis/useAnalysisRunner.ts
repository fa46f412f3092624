import { useEffect, useRef, useState } from 'react';
import { useRoot, useSession, useSliceGetter } from '../../session';
import { LOOPS_ROOT, readLoopNotes } from '../../model';
import { Superseded, WorkerChannel } from './channel';
import type { AnalysisInput } from '../../model/analysis';
import { useAnalysisInput } from './input';
import { analysisSlice, LOOP_BOUNDS, useAnalysis } from './store';

const DEBOUNCE_MS = 300;
/** Panels that show the analysis; the rest of the time only named loops need it (markers). */
export const ANALYSIS_PANELS: ReadonlySet<string> = new Set(['loops', 'key-factors']);

/**
 * Keeps useAnalysis up to date while someone looks at it: a panel that shows it is open, or a
 * loop is named and its marker is on the canvas. The analysis runs in a worker, 300 ms after
 * the map's structure last changed, so the canvas never waits for it.
 */
export function useAnalysisRunner(): void {
  const getAnalysis = useSliceGetter(analysisSlice);
  const input = useAnalysisInput();
  const notes = useRoot(LOOPS_ROOT, readLoopNotes);
  const panelOpen = useSession((s) => s.panel !== null && ANALYSIS_PANELS.has(s.panel));
  const needed = panelOpen || [...notes.values()].some((n) => n.name);
  const attempt = useAnalysis((s) => s.attempt);
  const [channel] = useState(() => new WorkerChannel<'analyse'>());
  const first = useRef(true);
  const latest = useRef<AnalysisInput | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      channel.destroy();
    };
  }, [channel]);

  useEffect(() => {
    latest.current = input;
    const state = getAnalysis();
    if (!needed || (state.analysedInput === input && state.status !== 'error')) return undefined;
    state.computing();
    // The first analysis of the map runs at once; later ones wait for the edits to settle.
    const delay = first.current ? 0 : DEBOUNCE_MS;
    first.current = false;
    const timer = setTimeout(() => {
      channel.run({ kind: 'analyse', input, opts: LOOP_BOUNDS }).then(
        // A result one edit behind is still shown (marked as computing) rather than dropped.
        (analysis) => mounted.current && getAnalysis().done(input, analysis, input === latest.current),
        (e: unknown) => {
          if (mounted.current && !(e instanceof Superseded)) {
            getAnalysis().failed(e instanceof Error ? e.message : String(e));
          }
        },
      );
    }, delay);
    return () => clearTimeout(timer);
  }, [channel, input, needed, attempt, getAnalysis]);
}
