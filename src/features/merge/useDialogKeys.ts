import { useEffect, type RefObject } from 'react';

/**
 * A dialog's focus and Escape: focus goes to its first control when it opens and back where it
 * was when it closes; Escape closes it even when the focused control has just left the page
 * (a confirmed row removes its own button, and focus falls to the body).
 */
export function useDialogKeys(box: RefObject<HTMLElement | null>, onClose: () => void, first = 'label.file-button, button'): void {
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    box.current?.querySelector<HTMLElement>(first)?.focus();
    return () => before?.focus?.();
  }, [box, first]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      const inside = box.current?.contains(document.activeElement) ?? false;
      if (!inside && document.activeElement !== document.body) return;
      e.stopPropagation();
      onClose();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [box, onClose]);
}
