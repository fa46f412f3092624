import { useEffect } from 'react';
import { useMapSession, useSession } from '../../session';
// eslint-disable-next-line trame/layers -- goes with the canvas and shortcut registries (#15, next landing)
import { PANELS } from '../../app/panels';
import { toggleProjector } from './projector/projector';
import { useWorkshop } from './store';
import { useViewPlayer } from './views/player';

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

const NEXT = new Set(['ArrowRight', 'PageDown']);
const PREV = new Set(['ArrowLeft', 'PageUp']);

/**
 * Workshop keys, listened to before the canvas' own (capture phase) so that a key this
 * feature takes is not also read as a canvas shortcut:
 * F5 projector mode (on and off, as in slide software); in projector mode ← → and the
 * PageUp / PageDown a presentation clicker sends step through saved views; Esc leaves
 * projector mode or stops following; ? opens the shortcuts help (unless a link is selected,
 * where ? sets its polarity); O opens the pictogram picker for the one selected factor.
 * View-link users get the panel keys of the panels open to them (the canvas reads them only
 * for editors).
 */
export function useWorkshopKeys(): void {
  const { canEdit } = useMapSession();
  const { step } = useViewPlayer();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const ws = useWorkshop.getState();
      const taken = () => {
        e.preventDefault();
        e.stopPropagation();
      };
      if (e.key === 'F5' && !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey) {
        taken();
        toggleProjector();
        return;
      }
      if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (ws.helpOpen || ws.pickerOpen) return;
      if (e.key === 'Escape') {
        if (ws.projector) {
          taken();
          toggleProjector();
        } else if (ws.following !== null) {
          taken();
          ws.stopFollowing();
        }
        return;
      }
      if (ws.projector && (NEXT.has(e.key) || PREV.has(e.key))) {
        taken();
        step(NEXT.has(e.key) ? 1 : -1);
        return;
      }
      const { selectedFactorIds, selectedLinkIds } = useSession.getState();
      if (e.key === '?' && !(canEdit && selectedLinkIds.length > 0)) {
        taken();
        ws.setHelp(true);
        return;
      }
      const key = e.key.toLowerCase();
      if (key === 'o' && canEdit && selectedFactorIds.length === 1 && !ws.projector) {
        taken();
        ws.setPicker(true);
        return;
      }
      const panel = canEdit ? undefined : PANELS.find((p) => p.key === key && p.forViewers);
      if (panel) {
        taken();
        useSession.getState().togglePanel(panel.id);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [canEdit, step]);
}
