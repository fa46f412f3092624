/**
 * In-page counter of React renders of factor nodes and link edges, for a production build.
 * Installed as an init script before React loads, it poses as the React DevTools hook, which
 * React calls on every commit. A fiber rendered in a commit is one reached in that commit's
 * tree that was not reached, as the same object, in the previous commit (React double
 * buffers fibers, so a re-rendered fiber is the other copy) and has the PerformedWork flag.
 * Walking the tree costs time, so counting is off unless window.__trameCount is true, and
 * frame times are measured in separate passes with it off.
 */
export interface RenderCounts {
  commits: number;
  /** Renders of src/canvas/Canvas.tsx (the component holding <ReactFlow>). */
  canvasRenders: number;
  factorRenders: number;
  linkRenders: number;
  /** Ids of the links rendered, once each. */
  links: string[];
  /** Ids of the factors rendered, once each. */
  factors: string[];
}

export function installRenderCounter(): void {
  type Fiber = {
    tag: number;
    flags: number;
    child: Fiber | null;
    sibling: Fiber | null;
    memoizedProps: { id?: string; data?: { factor?: unknown; link?: unknown }; 'data-testid'?: string } | null;
  };
  const w = window as unknown as {
    __trameCount?: boolean;
    __trameRenders: RenderCounts;
    __trameStartCounting?: () => void;
    __REACT_DEVTOOLS_GLOBAL_HOOK__?: unknown;
  };
  w.__trameRenders = { commits: 0, canvasRenders: 0, factorRenders: 0, linkRenders: 0, links: [], factors: [] };
  let previous = new WeakSet<Fiber>();
  let lastRoot: { current: Fiber } | null = null;
  const walk = (root: Fiber, visit: (f: Fiber) => void) => {
    const stack: Fiber[] = [root];
    while (stack.length > 0) {
      const f = stack.pop()!;
      visit(f);
      if (f.sibling) stack.push(f.sibling);
      if (f.child) stack.push(f.child);
    }
  };
  // The first commit after counting is switched on only records the tree: flags of fibers
  // not re-rendered since long ago would otherwise be taken for fresh renders.
  let primed = false;
  const PERFORMED_WORK = 1;
  const renderers = new Map<number, unknown>();
  w.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers,
    inject(renderer: unknown) {
      renderers.set(renderers.size + 1, renderer);
      return renderers.size;
    },
    onScheduleFiberRoot() {},
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    checkDCE() {},
    onCommitFiberRoot(_id: number, root: { current: Fiber }) {
      lastRoot = root;
      if (!w.__trameCount) {
        primed = false;
        return;
      }
      const seen = new WeakSet<Fiber>();
      const counts = w.__trameRenders;
      const counting = primed;
      primed = true;
      if (counting) counts.commits++;
      walk(root.current, (f) => {
        seen.add(f);
        const fresh = counting && !previous.has(f) && (f.flags & PERFORMED_WORK) !== 0;
        if (fresh && (f.tag === 0 || f.tag === 15)) {
          if (f.memoizedProps?.data?.factor) {
            counts.factorRenders++;
            const id = f.memoizedProps.id ?? '?';
            if (!counts.factors.includes(id)) counts.factors.push(id);
          } else if (f.memoizedProps?.data?.link) {
            counts.linkRenders++;
            const id = f.memoizedProps.id ?? '?';
            if (!counts.links.includes(id)) counts.links.push(id);
          }
          else if (f.child?.memoizedProps?.['data-testid'] === 'canvas') counts.canvasRenders++;
        }
      });
      previous = seen;
    },
  };
  // Counting from now on, against the tree on screen (a test starts it, then makes one change):
  // the next commit is counted, not taken to prime the counter.
  w.__trameStartCounting = () => {
    const seen = new WeakSet<Fiber>();
    if (lastRoot) walk(lastRoot.current, (f) => seen.add(f));
    previous = seen;
    primed = true;
    w.__trameRenders = { commits: 0, canvasRenders: 0, factorRenders: 0, linkRenders: 0, links: [], factors: [] };
    w.__trameCount = true;
  };
}
