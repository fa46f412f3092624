import { createContext, useContext, type ComponentType, type CSSProperties, type LazyExoticComponent } from 'react';
import type { Factor } from '../model';
import type { Viewport } from '../ui/fit';
import type { Shortcut } from './shortcuts';
import type { AnySlice } from './store';

/**
 * What a feature contributes to the map page, declared in its folder's index.ts and wired by
 * the app in one place (src/app/wiring.ts): the order there is the order on screen and the
 * priority of keys. A contribution's code loads when it is first needed (React.lazy), so the
 * first load carries the registry, not the features.
 */
export interface PanelDef {
  readonly id: string;
  /**
   * i18n key of the button and panel title. It must live in the core bundles (src/i18n, under
   * `panels.`): the feature's own strings arrive only when its panel is first opened.
   */
  readonly labelKey: string;
  /** Shown to view-link users too. */
  readonly forViewers: boolean;
  /** Keyboard shortcut (a single key, no modifier). */
  readonly key?: string;
  readonly component: LazyExoticComponent<ComponentType>;
}

/** Always mounted with the map, beside the canvas or in the toolbar (a layer writer, a button). */
export interface MountDef {
  readonly id: string;
  readonly place: 'toolbar' | 'canvas';
  readonly component: ComponentType;
}

/** Something drawn on every factor box. */
export interface FactorDecoration {
  readonly id: string;
  /**
   * Style added to the box (a theme's colour band). A hook, called on each render of each
   * factor: it may subscribe to the map, and should answer with a value that changes rarely.
   */
  readonly useStyle?: (factor: Factor) => CSSProperties | undefined;
  /** Drawn before the label (a pictogram). */
  readonly Icon?: ComponentType<{ factor: Factor }>;
}

/** What the canvas draws on behalf of others. */
export interface CanvasContributions {
  /** Rendered inside React Flow, with its store at hand (cursors, presence publishing). */
  readonly layers: readonly { readonly id: string; readonly component: ComponentType }[];
  readonly factorDecorations: readonly FactorDecoration[];
}

export const NO_CANVAS_CONTRIBUTIONS: CanvasContributions = { layers: [], factorDecorations: [] };
export const CanvasContributionsContext = createContext<CanvasContributions>(NO_CANVAS_CONTRIBUTIONS);

export function useCanvasContributions(): CanvasContributions {
  return useContext(CanvasContributionsContext);
}

/**
 * One view several canvases are drawn at (a comparison shown side by side, features/cycles):
 * each canvas under it is controlled by `viewport` and reports its pans and zooms to
 * `onViewportChange`, so there is one viewport state for all of them and nothing to drift.
 * Whoever provides it frames it (the canvases skip their own first fit). Absent: each canvas
 * keeps a view of its own, as usual.
 */
export interface SharedViewport {
  readonly viewport: Viewport;
  readonly onViewportChange: (viewport: Viewport) => void;
}

export const SharedViewportContext = createContext<SharedViewport | null>(null);

export function useSharedViewport(): SharedViewport | null {
  return useContext(SharedViewportContext);
}

/** A feature's manifest: small and eager, everything heavy behind lazy(). */
export interface Feature {
  readonly id: string;
  readonly slices?: readonly AnySlice[];
  readonly panels?: readonly PanelDef[];
  readonly mounts?: readonly MountDef[];
  readonly shortcuts?: readonly Shortcut[];
  readonly factorDecorations?: readonly FactorDecoration[];
}
