import type { Presence } from '../../model/merge/compare-maps';

/**
 * The comparison's colours, one per place an element is found. Told apart by more than hue
 * (the legend and the table name them, links only there are dashed), for colour-blind readers
 * and for a projector that washes colours out.
 */
export const PRESENCE_COLOUR: Record<Presence, string> = {
  both: '#00796b',
  here: '#e65100',
  there: '#6a1b9a',
};
