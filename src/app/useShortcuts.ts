import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { addFactor, cyclePolarity, setPolarity, type Polarity } from '../model';
import { useMapSession, useSession } from '../session';
import { PANELS } from './panels';

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

const POLARITY_KEYS: Record<string, Polarity> = { '+': '+', '=': '+', '-': '-', '?': '?' };

/** Canvas keyboard shortcuts; listed in the empty state and in the shortcuts help. */
export function useShortcuts(): void {
  const { t } = useTranslation();
  const { doc, undo, canEdit } = useMapSession();
  const flow = useReactFlow();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target) || !canEdit) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const { selectedFactorIds, selectedLinkIds, setEditing } = useSession.getState();
      if (mod && key === 'z') {
        e.preventDefault();
        if (e.shiftKey) undo.redo();
        else undo.undo();
      } else if (mod && key === 'y') {
        e.preventDefault();
        undo.redo();
      } else if (mod || e.altKey) {
        return;
      } else if (PANELS.some((p) => p.key === key)) {
        e.preventDefault();
        useSession.getState().togglePanel(PANELS.find((p) => p.key === key)?.id ?? '');
      } else if (key === 'n') {
        e.preventDefault();
        const box = document.querySelector('.react-flow')?.getBoundingClientRect();
        const p = box
          ? flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 })
          : { x: 0, y: 0 };
        const id = addFactor(doc, { label: t('canvas.newFactor'), x: Math.round(p.x - 80), y: Math.round(p.y - 20) });
        setEditing(id);
      } else if ((e.key === 'Enter' || e.key === 'F2') && selectedFactorIds.length === 1) {
        e.preventDefault();
        setEditing(selectedFactorIds[0] ?? null);
      } else if (selectedLinkIds.length > 0 && (key === 'p' || e.key in POLARITY_KEYS)) {
        e.preventDefault();
        for (const id of selectedLinkIds) {
          const p = POLARITY_KEYS[e.key];
          if (p) setPolarity(doc, id, p);
          else cyclePolarity(doc, id);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [doc, undo, canEdit, flow, t]);
}
