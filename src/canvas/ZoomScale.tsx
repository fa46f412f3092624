import { useStore, useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';

const zoomOf = (s: { transform: [number, number, number] }) => s.transform[2];

/**
 * Writes the zoom into a CSS variable on the canvas (`--canvas-zoom`), so styles can keep a
 * size constant on screen — the band that catches clicks on a link stays at least a finger
 * wide at overview zoom — with one style write per zoom change instead of a render of every
 * link.
 */
export function ZoomScale() {
  const zoom = useStore(zoomOf);
  const store = useStoreApi();
  useEffect(() => {
    store.getState().domNode?.style.setProperty('--canvas-zoom', String(zoom));
  }, [zoom, store]);
  return null;
}
