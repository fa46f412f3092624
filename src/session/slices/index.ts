import { detailSlice } from './detail';
import { overlaySlice } from './overlay';
import { presenceSlice } from './presence';
import { sessionSlice } from './session';

/** The slices every open map has: the canvas and presence read them. Features add theirs. */
export const CORE_SLICES = [sessionSlice, overlaySlice, presenceSlice, detailSlice] as const;
