/**
 * The id of the place in the map page's toolbar where page-wide notices dock (the offline
 * feature's "works without a network" notice, mounted in a React root of its own, finds it by
 * this id). Docked there a notice takes toolbar room, never map room: it covers no factor.
 */
export const NOTICE_DOCK_ID = 'toolbar-notices';
