import type { ReactFlowInstance, useStoreApi } from '@xyflow/react';
import type { TFunction } from 'i18next';
import { createContext, useContext, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useReactFlow, useStoreApi as useFlowStore } from '@xyflow/react';
import { useMapSession, type MapSession } from './context';

/**
 * Keyboard shortcuts: one registry (src/app/wiring.ts assembles it from the canvas, the panels
 * and the features), read by the one key listener below and by the shortcuts help, so the
 * help cannot list a key the app does not answer or miss one it does.
 */
export interface Chord {
  /** `e.key`: one character (compared in lower case) or a key name ('Enter', 'F5', 'ArrowLeft'). */
  readonly key: string;
  /** Ctrl (⌘ on a Mac). */
  readonly mod?: boolean;
  /** Shift must be down (true) or up (false); unsaid, either. */
  readonly shift?: boolean;
}

export interface ShortcutContext {
  readonly session: MapSession;
  readonly flow: ReactFlowInstance;
  /** React Flow's store (pane size, zoom bounds). */
  readonly flowStore: ReturnType<typeof useStoreApi>;
  readonly t: TFunction;
}

export interface Shortcut {
  readonly id: string;
  /** The help's section. */
  readonly group: 'canvas' | 'panels' | 'workshop';
  /** The keys that trigger it; empty for what the help lists but React Flow or the mouse does. */
  readonly chords: readonly Chord[];
  /** Shown instead of the chords in the help (a gesture: "Double-click", "Shift+Drag"). */
  readonly label?: (t: TFunction) => readonly string[];
  /** What it does, in the user's language. */
  readonly what: (t: TFunction) => string;
  /** View-link users get it too (default: editors only). */
  readonly forViewers?: boolean;
  /** Also while typing in a field (F5). */
  readonly whileTyping?: boolean;
  /** Runs it; false means "not now": the key goes on to the next shortcut, or to the browser. */
  readonly run?: (ctx: ShortcutContext, e: KeyboardEvent) => boolean | void;
}

export function matches(chord: Chord, e: KeyboardEvent): boolean {
  const mod = e.ctrlKey || e.metaKey;
  if (e.altKey || mod !== !!chord.mod) return false;
  if (chord.shift !== undefined && chord.shift !== e.shiftKey) return false;
  return chord.key.length === 1 ? e.key.toLowerCase() === chord.key : e.key === chord.key;
}

const KEY_NAMES: Readonly<Record<string, string>> = {
  ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓', Backspace: '⌫',
};

/** A chord as the help shows it: "Ctrl+Shift+Z", "N", "Entrée". */
export function chordLabel(chord: Chord, t: TFunction): string {
  const key = chord.key.length === 1
    ? chord.key.toUpperCase()
    : KEY_NAMES[chord.key] ?? t(`help.key.${chord.key}`, { defaultValue: chord.key });
  return `${chord.mod ? 'Ctrl+' : ''}${chord.shift ? 'Shift+' : ''}${key}`;
}

export function shortcutLabels(s: Shortcut, t: TFunction): readonly string[] {
  return s.label ? s.label(t) : s.chords.map((c) => chordLabel(c, t));
}

/** Typing in a field: the keys are the user's text, not commands. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** The first shortcut that takes the key, in registry order (the order is the priority). */
export function dispatchKey(shortcuts: readonly Shortcut[], ctx: ShortcutContext, e: KeyboardEvent): Shortcut | null {
  const typing = isTyping(e.target);
  // A modal dialog (the help, the pictogram picker) keeps its keys to itself.
  const modal = typeof document !== 'undefined' && document.querySelector('[aria-modal="true"]') !== null;
  for (const s of shortcuts) {
    if (!s.run || (!ctx.session.canEdit && !s.forViewers)) continue;
    if ((typing || modal) && !s.whileTyping) continue;
    if (!s.chords.some((c) => matches(c, e))) continue;
    if (s.run(ctx, e) === false) continue;
    e.preventDefault();
    e.stopPropagation();
    return s;
  }
  return null;
}

export const ShortcutsContext = createContext<readonly Shortcut[]>([]);

export function useShortcuts(): readonly Shortcut[] {
  return useContext(ShortcutsContext);
}

/** The one window key listener of a map page; capture phase, before React Flow's own keys. */
export function useShortcutListener(shortcuts: readonly Shortcut[]): void {
  const session = useMapSession();
  const flow = useReactFlow();
  const flowStore = useFlowStore();
  const { t } = useTranslation();
  const ctx = useRef<ShortcutContext>({ session, flow, flowStore, t });
  ctx.current = { session, flow, flowStore, t };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => void dispatchKey(shortcuts, ctx.current, e);
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [shortcuts]);
}
