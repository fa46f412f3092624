import type { PresenceSpec } from './types';

/**
 * What each client publishes in awareness (never stored in the document). The presence reader
 * (src/presence) validates every field; the relay keeps of a view link's state only the fields
 * marked `viewer` (server/relay/presence.ts).
 */
export const PRESENCE_SPEC: PresenceSpec = {
  scope: 'presence',
  fields: {
    user: { type: "`{ id: string, name: string, color: '#rrggbb' }`", note: 'chosen on first visit, kept on the device; `id` is the one votes record (`openedBy`, dots), so a vote notice names its opener' },
    cursor: { type: '`{ x, y }` in map coordinates, or `null`', note: 'throttled to 25 per second' },
    selection: { type: 'factor ids', note: "shown to others as an outline in the user's colour" },
    drag: { type: '`{ [factorId]: { x, y } }` or `null`', note: 'a drag in progress; the drop writes the document' },
    viewport: { type: '`{ x, y, zoom }`', note: "for following another person's view; sent while moving, at most 10 per second" },
    leading: { type: 'boolean', note: 'a facilitator leading: the others are invited to follow them' },
    screen: { type: '`{ width, height }` in px', note: "the map pane's size, so a follower on another screen shows the same area" },
    showing: { type: 'saved view id (≤ 64 chars) or `null`', note: 'the step of a reveal this user shows; followers show it too' },
  },
};
