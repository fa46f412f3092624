import { useEffect, useMemo } from 'react';
import { useSlice, type AnySlice, type MapSession } from '../../session';
import { cyclesSlice } from './store';

/**
 * The session a snapshot or a comparison is shown through, in place of the live map (the app
 * calls this): the same canvas and panels (loops, key factors, export…), on a document
 * connected to nothing, with no editing. Built and torn down by the Viewing itself
 * (viewed-session.ts, loaded with the cycles panel), so the first load carries only this.
 */
export function useViewedSession(live: MapSession, slices: readonly AnySlice[]): MapSession | null {
  const viewing = useSlice(cyclesSlice, (s) => s.viewing);
  const session = useMemo(() => (viewing ? viewing.open(live, slices) : null), [viewing, live, slices]);
  useEffect(() => () => {
    if (session && viewing) viewing.close(session);
  }, [session, viewing]);
  return session;
}

/** True while the comparison shown is drawn side by side (SideBySide.tsx) rather than as one map. */
export function useSideBySide(): boolean {
  return useSlice(cyclesSlice, (s) => s.layout === 'side' && s.viewing?.pair !== undefined);
}
