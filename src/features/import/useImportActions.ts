import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { loadUser, navigate, useMapSession, useSliceGetter } from '../../session';
import { rememberMap } from '../../sync';
import { importSlice, type Issue } from './store';

/** Long enough for a slow link; short enough that a stuck relay never holds the import. */
const SNAPSHOT_WAIT_MS = 8_000;

/**
 * An automatic snapshot of the map as it stood before the import (issue 19), kept by the relay.
 * Never in the import's way: a failure comes back as a warning for the report, and the import
 * goes on. The cycles client is loaded on demand, only for maps that live on a relay.
 */
async function snapshotBeforeImport(mapId: string): Promise<Issue | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const { saveSnapshot } = await import('../cycles/api');
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), SNAPSHOT_WAIT_MS);
    });
    await Promise.race([saveSnapshot(mapId, { reason: 'import', author: loadUser()?.name ?? '' }), timeout]);
    return null;
  } catch (e) {
    const code = e instanceof Error && 'code' in e && typeof e.code === 'string' ? e.code : 'offline';
    console.warn('import: the automatic snapshot before the import failed', code);
    return { code: 'import.snapshotFailed', params: { code }, message: `no snapshot was kept before the import (${code})` };
  } finally {
    clearTimeout(timer);
  }
}

const MAX_WAIT_FRAMES = 120;

/** Brings the whole map into view once React Flow has rendered and measured the new factors. */
function fitWhenMeasured(flow: ReturnType<typeof useReactFlow>, ids: readonly string[]): void {
  let frames = 0;
  const tick = () => {
    const ready = ids.every((id) => !!flow.getNode(id)?.measured?.width);
    if (ready || ++frames > MAX_WAIT_FRAMES) void flow.fitView({ duration: 300, maxZoom: 1, padding: 0.15 });
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** The two things a file can do: join the open map, or become a map of its own. */
export function useImportActions() {
  const getImport = useSliceGetter(importSlice);
  const { doc, mapId, connection } = useMapSession();
  const flow = useReactFlow();

  const addFiles = useCallback(async (files: readonly File[]) => {
    const store = getImport();
    if (files.length === 0 || store.busy) return;
    store.set({ busy: true, report: null, dialogOpen: false });
    try {
      // A map kept only on this device has no relay to keep a snapshot.
      const snapshotIssue = connection ? await snapshotBeforeImport(mapId) : null;
      const { importIntoMap } = await import('./runImport');
      const { report, factorIds } = await importIntoMap(doc, files);
      getImport().set({
        report: snapshotIssue && report.kind === 'done' ? { ...report, warnings: [snapshotIssue, ...report.warnings] } : report,
      });
      if (factorIds.length > 0) fitWhenMeasured(flow, factorIds);
    } finally {
      getImport().set({ busy: false });
    }
  }, [doc, mapId, connection, flow, getImport]);

  const openFiles = useCallback(async (files: readonly File[]) => {
    const store = getImport();
    if (files.length === 0 || store.busy) return;
    store.set({ busy: true, report: null });
    try {
      const { openAsNewMap } = await import('./runImport');
      const out = await openAsNewMap(files);
      if (!out.ok) {
        getImport().set({ report: out.report, dialogOpen: false });
        return;
      }
      rememberMap({ id: out.map.id, title: out.map.title, access: 'edit', token: out.map.editToken });
      getImport().set({ dialogOpen: false });
      navigate(out.map.editUrl);
    } finally {
      getImport().set({ busy: false });
    }
  }, [getImport]);

  return { addFiles, openFiles };
}
