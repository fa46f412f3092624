import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { navigate, useMapSession, useSliceGetter } from '../../session';
import { rememberMap } from '../../sync';
import { importSlice } from './store';

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
  const { doc } = useMapSession();
  const flow = useReactFlow();

  const addFiles = useCallback(async (files: readonly File[]) => {
    const store = getImport();
    if (files.length === 0 || store.busy) return;
    store.set({ busy: true, report: null, dialogOpen: false });
    try {
      const { importIntoMap } = await import('./runImport');
      const { report, factorIds } = await importIntoMap(doc, files);
      getImport().set({ report });
      if (factorIds.length > 0) fitWhenMeasured(flow, factorIds);
    } finally {
      getImport().set({ busy: false });
    }
  }, [doc, flow, getImport]);

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
