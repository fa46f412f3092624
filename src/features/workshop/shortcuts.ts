import { sessionSlice, sliceOf, type Shortcut, type ShortcutContext } from '../../session';
import { toggleProjector, leaveProjector } from './projector/projector';
import { workshopSlice } from './store';
import { viewPlayer } from './views/player';

const ws = (ctx: ShortcutContext) => () => sliceOf(ctx.session.store, workshopSlice);
const step = (ctx: ShortcutContext, delta: 1 | -1) => {
  if (!ws(ctx)().projector) return false;
  const { doc, reader, store } = ctx.session;
  viewPlayer({ doc, reader, store, flow: ctx.flow, flowStore: ctx.flowStore }).step(delta);
  return true;
};
const h = (k: string) => (t: ShortcutContext['t']) => t(`help.${k}`);

/**
 * F5 projector mode (on and off, as in slide software); in projector mode ← → and the PageUp /
 * PageDown a presentation clicker sends step through saved views; Esc leaves projector mode or
 * stops following; O opens the pictogram picker for the one selected factor.
 */
export const WORKSHOP_SHORTCUTS: readonly Shortcut[] = [
  {
    id: 'projector', group: 'workshop', chords: [{ key: 'F5', shift: false }], what: h('projector'), forViewers: true, whileTyping: true,
    run: (ctx) => toggleProjector(ws(ctx)),
  },
  {
    id: 'steps', group: 'workshop', what: h('steps'), forViewers: true,
    chords: [{ key: 'ArrowLeft' }, { key: 'ArrowRight' }, { key: 'PageUp' }, { key: 'PageDown' }],
    run: (ctx, e) => step(ctx, e.key === 'ArrowRight' || e.key === 'PageDown' ? 1 : -1),
  },
  {
    id: 'escape', group: 'workshop', chords: [{ key: 'Escape' }], what: h('escape'), forViewers: true,
    run: (ctx) => {
      const w = ws(ctx);
      if (w().projector) leaveProjector(w);
      else if (w().following !== null) w().stopFollowing();
      else return false;
      return true;
    },
  },
  {
    id: 'pictogram', group: 'workshop', chords: [{ key: 'o' }], what: h('icon'),
    run: (ctx) => {
      const one = sliceOf(ctx.session.store, sessionSlice).selectedFactorIds.length === 1;
      if (!one || ws(ctx)().projector) return false;
      ws(ctx)().setPicker(true);
      return true;
    },
  },
];
