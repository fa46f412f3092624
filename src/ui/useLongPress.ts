import { useEffect, useMemo, useRef, type MouseEvent, type PointerEvent } from 'react';
import './touch.css';

/** Long enough not to fire while scrolling or tapping, short enough not to feel stuck. */
const HOLD_MS = 500;
/** A finger that moves this far is panning or dragging, not pressing. */
const SLOP_PX = 10;

interface Press {
  id: number;
  x: number;
  y: number;
  el: HTMLElement;
  timer: ReturnType<typeof setTimeout>;
  held: boolean;
}

/**
 * Long press for touch and pen (a phone has no double-click): hold still, and on release
 * `action` runs. Firing on release rather than at the timer keeps it inside a user gesture,
 * so a field focused by the action brings up the on-screen keyboard (iOS refuses otherwise).
 * While held, the element gets `data-pressing` for the CSS to show it is armed. Mouse presses
 * are ignored: desktops keep their double-click.
 */
export function useLongPress(action: () => void, enabled: boolean) {
  const press = useRef<Press | null>(null);
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  }, [action]);

  useEffect(() => () => {
    if (press.current) clearTimeout(press.current.timer);
  }, []);

  return useMemo(() => {
    const cancel = () => {
      const p = press.current;
      if (!p) return;
      clearTimeout(p.timer);
      delete p.el.dataset.pressing;
      press.current = null;
    };
    return {
      onPointerDown(e: PointerEvent<HTMLElement>) {
        cancel();
        if (!enabled || e.pointerType === 'mouse' || !e.isPrimary) return;
        const el = e.currentTarget;
        const p: Press = {
          id: e.pointerId, x: e.clientX, y: e.clientY, el, held: false,
          timer: setTimeout(() => {
            p.held = true;
            el.dataset.pressing = '';
          }, HOLD_MS),
        };
        press.current = p;
      },
      onPointerMove(e: PointerEvent<HTMLElement>) {
        const p = press.current;
        if (p && p.id === e.pointerId && Math.hypot(e.clientX - p.x, e.clientY - p.y) > SLOP_PX) cancel();
      },
      onPointerUp(e: PointerEvent<HTMLElement>) {
        const p = press.current;
        if (!p || p.id !== e.pointerId) return;
        const held = p.held;
        cancel();
        if (held) latest.current();
      },
      onPointerCancel: cancel,
      onContextMenu(e: MouseEvent<HTMLElement>) {
        // Android opens its menu (or text selection) on the same long press.
        if (press.current) e.preventDefault();
      },
    };
  }, [enabled]);
}
