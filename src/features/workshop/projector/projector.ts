import type { WorkshopState } from '../store';

/** The workshop slice of the open map, read when a key or a button is pressed. */
type Workshop = () => WorkshopState;

// Only a full screen this feature asked for is left when projector mode ends. The document's
// full screen belongs to the page, not to a map, hence a module variable.
let ownFullscreen = false;

/** Called from the key or button handler: full screen needs the user's gesture. */
export function enterProjector(ws: Workshop): void {
  if (ws().projector) return;
  ws().setProjector(true);
  const el = document.documentElement;
  if (document.fullscreenElement || typeof el.requestFullscreen !== 'function') return;
  el.requestFullscreen().then(
    () => {
      ownFullscreen = true;
    },
    () => ws().setFullscreenRefused(true),
  );
}

export function leaveProjector(ws: Workshop): void {
  ws().setProjector(false);
  if (ownFullscreen && document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  ownFullscreen = false;
}

export function toggleProjector(ws: Workshop): void {
  if (ws().projector) leaveProjector(ws);
  else enterProjector(ws);
}

/** The browser's own Esc leaves full screen without a key event: projector mode ends with it. */
export function onFullscreenChange(ws: Workshop): void {
  if (!document.fullscreenElement && ownFullscreen) {
    ownFullscreen = false;
    if (ws().projector) ws().setProjector(false);
  }
}
