/**
 * Projector mode: labels at PROJECTOR_FONT_PX when the map fits at 100 %; a larger map is
 * zoomed out and its labels shrink with it, but not under LABEL_FLOOR_PX on screen while the
 * type can grow without boxes touching (see projectorFit in src/ui/fit.ts).
 */
export const PROJECTOR_FONT_PX = 24;
/** The canvas' own label size (styles.css `.factor`), the size boxes are first measured at. */
export const CANVAS_FONT_PX = 15;
export const LABEL_FLOOR_PX = 14;
/** A projected step of a few factors may come a little closer than 100 %. */
export const PROJECTOR_MAX_ZOOM = 1.5;
export const PROJECTOR_MIN_ZOOM = 0.05;
export const PROJECTOR_CLASS = 'trame-projector';
