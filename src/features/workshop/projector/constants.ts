/**
 * Projector mode: labels drawn at most at PROJECTOR_FONT_PX, as large as boxes stay apart,
 * and the zoom the whole map needs (see fitProjector.ts).
 */
export const PROJECTOR_FONT_PX = 24;
/** The canvas' own label size (styles.css `.factor`), the size boxes are first measured at. */
export const CANVAS_FONT_PX = 15;
export const PROJECTOR_MIN_ZOOM = 0.05;
export const PROJECTOR_CLASS = 'trame-projector';
