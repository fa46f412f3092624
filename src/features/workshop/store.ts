import { defineSlice, sliceHook } from '../../session';
import type { GroupOrigin } from '../../model';

/**
 * Workshop session state on this device: projector mode, whom this user follows, the saved
 * view being shown, voting clicks, open dialogs. Never in the document; what others must see
 * (viewport, leading, the view shown) goes out through awareness.
 */
export interface WorkshopState {
  projector: boolean;
  /** The browser refused full screen: projector mode goes on in the window. */
  fullscreenRefused: boolean;
  /** Awareness client id of the person whose view this user follows. */
  following: number | null;
  /** Leaders whose invitation this user closed (×): not shown again until they lead anew. */
  dismissed: ReadonlySet<number>;
  /** Leading the workshop: everyone else is invited to follow this user's view. */
  leading: boolean;
  /** The saved view shown on this device (step-by-step reveal). */
  showing: string | null;
  /** Clicking a factor puts a dot on it. */
  voting: boolean;
  /** The voting round shown in the panel and on the map; null: the latest one. */
  round: string | null;
  /** Dot counts drawn on the map. */
  dotsOnMap: boolean;
  /** A group to be created from a vote result: the Groups panel starts its form with it. */
  groupOrigin: GroupOrigin | null;
  pickerOpen: boolean;
  setProjector: (on: boolean) => void;
  setFullscreenRefused: (refused: boolean) => void;
  follow: (clientId: number) => void;
  stopFollowing: () => void;
  /** The person followed left: nothing to follow any more. */
  leaderGone: () => void;
  /** Closes a leader's invitation for as long as they lead. */
  dismiss: (clientId: number) => void;
  /** The leader stopped leading: their next lead invites again. */
  forgetDismissed: (clientId: number) => void;
  setLeading: (on: boolean) => void;
  show: (viewId: string | null) => void;
  setVoting: (on: boolean) => void;
  setRound: (id: string | null) => void;
  setDotsOnMap: (on: boolean) => void;
  setGroupOrigin: (origin: GroupOrigin | null) => void;
  setPicker: (open: boolean) => void;
}

export const workshopSlice = defineSlice<WorkshopState>('workshop', (set) => ({
  projector: false,
  fullscreenRefused: false,
  following: null,
  dismissed: new Set(),
  leading: false,
  showing: null,
  voting: false,
  round: null,
  dotsOnMap: true,
  groupOrigin: null,
  pickerOpen: false,
  setProjector: (projector) => set({ projector, fullscreenRefused: false }),
  setFullscreenRefused: (fullscreenRefused) => set({ fullscreenRefused }),
  follow: (clientId) =>
    set((s) => {
      const dismissed = new Set(s.dismissed);
      dismissed.delete(clientId);
      // Following shows the leader's step, not one's own.
      return { following: clientId, dismissed, leading: false, showing: null };
    }),
  // A leader stopped following is invited again: the notice is the way back.
  stopFollowing: () => set((s) => (s.following === null ? s : { following: null })),
  leaderGone: () => set({ following: null }),
  dismiss: (clientId) => set((s) => ({ dismissed: new Set(s.dismissed).add(clientId) })),
  forgetDismissed: (clientId) =>
    set((s) => {
      if (!s.dismissed.has(clientId)) return s;
      const dismissed = new Set(s.dismissed);
      dismissed.delete(clientId);
      return { dismissed };
    }),
  setLeading: (leading) => set((s) => ({ leading, following: leading ? null : s.following })),
  show: (showing) => set({ showing }),
  setVoting: (voting) => set({ voting }),
  setRound: (round) => set({ round }),
  setDotsOnMap: (dotsOnMap) => set({ dotsOnMap }),
  setGroupOrigin: (groupOrigin) => set({ groupOrigin }),
  setPicker: (pickerOpen) => set({ pickerOpen }),
}));

export const useWorkshop = sliceHook(workshopSlice);
