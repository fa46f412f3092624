import { cyclePolarity, setPolarity, type Polarity } from '../model';
import { sessionSlice, sliceOf, type Shortcut, type ShortcutContext } from '../session';
import { addFactorAtCentre } from './newFactor';

// `?` is the help key, never a polarity (a stray `?` once rewrote a map's loops silently):
// "undecided" is `0`, as a sign of no known direction.
const POLARITY_KEYS: Readonly<Record<string, Polarity>> = { '+': '+', '=': '+', '-': '-', '0': '?' };
const session = (ctx: ShortcutContext) => sliceOf(ctx.session.store, sessionSlice);
const h = (k: string) => (t: ShortcutContext['t']) => t(`help.${k}`);

/**
 * The canvas' keys, editors only (a view link changes nothing). Those React Flow handles itself
 * (Delete, Shift+drag…) are listed for the help with no `run`; they mirror Canvas.tsx.
 */
export const CANVAS_SHORTCUTS: readonly Shortcut[] = [
  {
    id: 'new-factor', group: 'canvas', chords: [{ key: 'n' }], what: h('newFactor'),
    run: (ctx) => session(ctx).setEditing(addFactorAtCentre(ctx.session.doc, ctx.flow, ctx.t('canvas.newFactor'))),
  },
  { id: 'new-factor-here', group: 'canvas', chords: [], label: (t) => [t('help.dblclickKey')], what: h('dblclick') },
  {
    id: 'rename', group: 'canvas', chords: [{ key: 'Enter' }, { key: 'F2' }], what: h('rename'),
    run: (ctx) => {
      const [only, ...more] = session(ctx).selectedFactorIds;
      if (!only || more.length > 0) return false;
      session(ctx).setEditing(only);
      return true;
    },
  },
  { id: 'remove', group: 'canvas', chords: [], label: (t) => [t('help.deleteKey'), '⌫'], what: h('remove') },
  {
    id: 'undo', group: 'canvas', chords: [{ key: 'z', mod: true, shift: false }], what: h('undo'),
    run: (ctx) => void ctx.session.undo.undo(),
  },
  {
    id: 'redo', group: 'canvas', chords: [{ key: 'z', mod: true, shift: true }, { key: 'y', mod: true }], what: h('redo'),
    run: (ctx) => void ctx.session.undo.redo(),
  },
  {
    id: 'polarity', group: 'canvas', chords: [{ key: '+' }, { key: '-' }, { key: '0' }, { key: '=' }],
    label: () => ['+', '−', '0'], what: h('polarity'),
    run: (ctx, e) => {
      const links = session(ctx).selectedLinkIds;
      const p = POLARITY_KEYS[e.key];
      if (links.length === 0 || !p) return false;
      for (const id of links) setPolarity(ctx.session.doc, id, p);
      return true;
    },
  },
  {
    id: 'cycle', group: 'canvas', chords: [{ key: 'p' }], what: h('cycle'),
    run: (ctx) => {
      const links = session(ctx).selectedLinkIds;
      if (links.length === 0) return false;
      for (const id of links) cyclePolarity(ctx.session.doc, id);
      return true;
    },
  },
  { id: 'multi', group: 'canvas', chords: [], label: (t) => [`Ctrl+${t('help.clickKey')}`], what: h('multi') },
  { id: 'box', group: 'canvas', chords: [], label: (t) => [`Shift+${t('help.dragKey')}`], what: h('box') },
  { id: 'link', group: 'canvas', chords: [], label: (t) => [t('help.dragKey')], what: h('link') },
];
