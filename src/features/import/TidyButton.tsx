import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readSnapshot, silent, type Move } from '../../model';
import { applyTidy, placedByHand, planTidy, type TidyMode } from '../../model/layout/tidy-plan';
import type { JobRunner } from '../../model/worker';
import { sessionSlice, useMapSession, useSession, useSliceGetter } from '../../session';
import type { LayoutJobs } from './layoutJobs';

/** Long enough for the room to see what went where, short enough not to wait for. */
const ANIMATION_MS = 600;
/** Past this many factors each frame would re-render too much for an old laptop: no animation. */
const ANIMATE_MAX = 600;

function ease(t: number): number {
  return t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
}

function reducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

type State = { kind: 'idle' } | { kind: 'menu'; placed: number } | { kind: 'working' };

/**
 * "Ranger" (tidy up): lays out the selection (two factors or more) or else the whole map, as
 * one undo step. When people have placed factors by hand it asks first: tidy everything, or
 * tidy around what they placed (those stay where they are). The layout runs in a Web Worker,
 * with a cancel button while it runs; the factors then glide from where they were to where
 * they go (so the room can follow what moved), and the positions are written once. Sizes are
 * the boxes React Flow measured, so long labels get the room they take.
 */
export function TidyButton() {
  const getSession = useSliceGetter(sessionSlice);
  const { t } = useTranslation();
  const { doc } = useMapSession();
  const flow = useReactFlow();
  const store = useStoreApi();
  const selection = useSession((s) => s.selectedFactorIds.length);
  const some = selection >= 2;
  const [state, setState] = useState<State>({ kind: 'idle' });
  const runner = useRef<JobRunner<LayoutJobs> | null>(null);
  const frame = useRef(0);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => () => {
    runner.current?.destroy();
    cancelAnimationFrame(frame.current);
  }, []);

  useEffect(() => {
    if (state.kind === 'menu') menu.current?.querySelector('button')?.focus();
  }, [state.kind]);

  const scope = () => {
    const ids = getSession().selectedFactorIds;
    return ids.length >= 2 ? ids : undefined;
  };

  /** Old positions to new on the canvas only (React Flow's own node state), then one write. */
  const animate = (moves: readonly Move[], whole: boolean) => {
    const from = new Map(flow.getNodes().map((n) => [n.id, n.position]));
    const finish = () => {
      if (applyTidy(doc, moves) > 0 && whole) requestAnimationFrame(() => void flow.fitView({ duration: 300, maxZoom: 1, padding: 0.15 }));
      setState({ kind: 'idle' });
    };
    if (reducedMotion() || moves.length > ANIMATE_MAX) return finish();
    const start = performance.now();
    const step = (now: number) => {
      const k = ease(Math.min(1, (now - start) / ANIMATION_MS));
      store.getState().triggerNodeChanges(moves.flatMap((m) => {
        const a = from.get(m.id);
        return a ? [{ type: 'position' as const, id: m.id, position: { x: a.x + (m.x - a.x) * k, y: a.y + (m.y - a.y) * k } }] : [];
      }));
      if (k < 1) frame.current = requestAnimationFrame(step);
      else finish();
    };
    frame.current = requestAnimationFrame(step);
  };

  const run = async (mode: TidyMode) => {
    const ids = scope();
    const plan = planTidy(readSnapshot(doc, silent), ids, mode, (f) => {
      const m = flow.getNode(f.id)?.measured;
      return m?.width && m.height ? { width: m.width, height: m.height } : undefined;
    });
    if (!plan) return setState({ kind: 'idle' });
    setState({ kind: 'working' });
    if (!runner.current) runner.current = (await import('./layoutJobs')).layoutRunner();
    try {
      const moves = await runner.current.run('tidy', plan);
      animate(moves, !ids);
    } catch (e) {
      // Cancelled (the runner was destroyed) or replaced by a newer "Ranger": nothing to do.
      setState({ kind: 'idle' });
      if (!(e instanceof Error) || (e.name !== 'WorkerLost' && e.name !== 'JobSuperseded')) getSession().showError(t('import.tidyFailed'));
    }
  };

  const cancel = () => {
    runner.current?.destroy();
    runner.current = null;
    setState({ kind: 'idle' });
  };

  const open = () => {
    if (state.kind === 'menu') return setState({ kind: 'idle' });
    const placed = placedByHand(readSnapshot(doc, silent), scope()).length;
    if (placed === 0) return void run('all');
    setState({ kind: 'menu', placed });
  };

  if (state.kind === 'working') {
    return (
      <span className="tidy-working" role="status" data-testid="tidy-working">
        <progress aria-label={t('import.tidyWorking')} /> {t('import.tidyWorking')}
        <button type="button" onClick={cancel} data-testid="tidy-cancel">{t('import.tidyCancel')}</button>
      </span>
    );
  }

  return (
    <span className="tidy">
      <button
        type="button" onClick={open} title={some ? t('import.tidySelection') : t('import.tidyMap')} data-testid="tidy-up"
        aria-haspopup="menu" aria-expanded={state.kind === 'menu'}
      >
        {t('import.tidy')}
      </button>
      {state.kind === 'menu' && (
        <div
          className="tidy-menu" role="menu" ref={menu} aria-label={t('import.tidy')}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setState({ kind: 'idle' });
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              const items = [...(menu.current?.querySelectorAll('button') ?? [])];
              const at = items.indexOf(document.activeElement as HTMLButtonElement);
              items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
            }
          }}
        >
          <button type="button" role="menuitem" onClick={() => void run('around-placed')} data-testid="tidy-around">
            {t('import.tidyAround', { count: state.placed })}
          </button>
          <button type="button" role="menuitem" onClick={() => void run('all')} data-testid="tidy-all">
            {t('import.tidyAll')}
          </button>
        </div>
      )}
    </span>
  );
}
