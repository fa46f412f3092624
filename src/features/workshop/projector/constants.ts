/**
 * Projector mode: labels are drawn at PROJECTOR_FONT_PX map units and the zoom never goes
 * below PROJECTOR_MIN_ZOOM, so a label is at least 24 px on the screen: readable from the back
 * of a room on a 1280×720 projector.
 */
export const PROJECTOR_FONT_PX = 24;
export const PROJECTOR_MIN_ZOOM = 1;
export const PROJECTOR_CLASS = 'trame-projector';
