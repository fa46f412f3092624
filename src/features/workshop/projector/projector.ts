import { useWorkshop } from '../store';

// Only a full screen this feature asked for is left when projector mode ends.
let ownFullscreen = false;

/** Called from the key or button handler: full screen needs the user's gesture. */
export function enterProjector(): void {
  const ws = useWorkshop.getState();
  if (ws.projector) return;
  ws.setProjector(true);
  const el = document.documentElement;
  if (document.fullscreenElement || typeof el.requestFullscreen !== 'function') return;
  el.requestFullscreen().then(
    () => {
      ownFullscreen = true;
    },
    () => useWorkshop.setState({ fullscreenRefused: true }),
  );
}

export function leaveProjector(): void {
  useWorkshop.getState().setProjector(false);
  if (ownFullscreen && document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  ownFullscreen = false;
}

export function toggleProjector(): void {
  if (useWorkshop.getState().projector) leaveProjector();
  else enterProjector();
}

/** The browser's own Esc leaves full screen without a key event: projector mode ends with it. */
export function onFullscreenChange(): void {
  if (!document.fullscreenElement && ownFullscreen) {
    ownFullscreen = false;
    if (useWorkshop.getState().projector) useWorkshop.getState().setProjector(false);
  }
}
