import { useReactFlow, ViewportPortal } from '@xyflow/react';
import { useMemo } from 'react';
import { useOverlayLayer, type OverlayLayer } from '../../session';

/**
 * A status per factor and per link drawn over the canvas, with its legend: a comparison of
 * two maps (shared / only here / only there), of two snapshots, or anything else that sorts
 * the map's elements into a few kinds. Generic on purpose: it takes the status maps, the
 * colours and the legend's words, and draws the elements the map does not have ("ghosts",
 * e.g. what only the other map has) at the positions given. It colours through a stylesheet
 * on React Flow's `data-id` attributes, so the canvas itself needs no change.
 */
export interface Ghost<S extends string> {
  readonly key: string;
  readonly label: string;
  readonly x: number;
  readonly y: number;
  readonly status: S;
}

export interface GhostLink<S extends string> {
  readonly key: string;
  /** A factor of the map or a ghost's key. */
  readonly source: string;
  readonly target: string;
  readonly status: S;
}

export interface StatusOverlayProps<S extends string> {
  readonly factors: ReadonlyMap<string, S>;
  readonly links: ReadonlyMap<string, S>;
  readonly colours: Readonly<Record<S, string>>;
  readonly legend: readonly { status: S; text: string }[];
  readonly title: string;
  readonly ghosts?: readonly Ghost<S>[];
  readonly ghostLinks?: readonly GhostLink<S>[];
  readonly onClose?: () => void;
  readonly closeLabel?: string;
  readonly testId?: string;
}

const GHOST_W = 150;
const GHOST_H = 44;

const attr = (id: string) => `"${id.replace(/["\\]/g, '\\$&')}"`;

function styles<S extends string>(p: StatusOverlayProps<S>): string {
  const rules: string[] = [];
  for (const status of Object.keys(p.colours) as S[]) {
    const colour = p.colours[status];
    const nodes = [...p.factors].filter(([, s]) => s === status).map(([id]) => `.react-flow__node[data-id=${attr(id)}] .factor`);
    const edges = [...p.links].filter(([, s]) => s === status).map(([id]) => `.react-flow__edge[data-id=${attr(id)}] .react-flow__edge-path`);
    if (nodes.length > 0) rules.push(`${nodes.join(',')}{box-shadow:0 0 0 4px ${colour}}`);
    if (edges.length > 0) rules.push(`${edges.join(',')}{stroke:${colour} !important}`);
  }
  return rules.join('\n');
}

const classed = <S extends string>(m: ReadonlyMap<string, S>) => new Map([...m].map(([id, s]) => [id, `status-${s}`]));

export function StatusOverlay<S extends string>(props: StatusOverlayProps<S>) {
  const { ghosts = [], ghostLinks = [], colours, legend, title, onClose, closeLabel, testId = 'status-overlay' } = props;
  const flow = useReactFlow();
  const css = useMemo(() => styles(props), [props]);
  // The statuses as classes too: the canvas' overview (a large map zoomed out) draws its links
  // on a 2D canvas, in the colour these styles give a link of that class.
  const layer = useMemo((): OverlayLayer => ({ classes: { factors: classed(props.factors), links: classed(props.links) } }), [props.factors, props.links]);
  useOverlayLayer(testId, layer);
  const ghostAt = useMemo(() => new Map(ghosts.map((g) => [g.key, g])), [ghosts]);
  const centre = (key: string): { x: number; y: number } | null => {
    const g = ghostAt.get(key);
    if (g) return { x: g.x + GHOST_W / 2, y: g.y + GHOST_H / 2 };
    const n = flow.getInternalNode(key);
    if (!n) return null;
    const p = n.internals.positionAbsolute;
    return { x: p.x + (n.measured.width ?? 0) / 2, y: p.y + (n.measured.height ?? 0) / 2 };
  };
  const lines = ghostLinks.flatMap((l) => {
    const a = centre(l.source);
    const b = centre(l.target);
    return a && b ? [{ ...l, a, b }] : [];
  });
  const box = lines.concat().reduce((r, l) => ({
    x0: Math.min(r.x0, l.a.x, l.b.x), y0: Math.min(r.y0, l.a.y, l.b.y),
    x1: Math.max(r.x1, l.a.x, l.b.x), y1: Math.max(r.y1, l.a.y, l.b.y),
  }), { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity });

  return (
    <>
      <style>{css}</style>
      <ViewportPortal>
        {lines.length > 0 && (
          <svg className="status-ghost-links" aria-hidden="true"
            style={{ position: 'absolute', left: box.x0, top: box.y0, width: box.x1 - box.x0 + 2, height: box.y1 - box.y0 + 2, overflow: 'visible', pointerEvents: 'none' }}>
            {lines.map((l) => (
              <line key={l.key} x1={l.a.x - box.x0} y1={l.a.y - box.y0} x2={l.b.x - box.x0} y2={l.b.y - box.y0}
                stroke={colours[l.status]} strokeWidth={2.5} strokeDasharray="8 6" data-testid="status-ghost-link" />
            ))}
          </svg>
        )}
        {ghosts.map((g) => (
          <div key={g.key} className="status-ghost" data-testid="status-ghost" data-status={g.status}
            style={{ position: 'absolute', left: g.x, top: g.y, width: GHOST_W, minHeight: GHOST_H, borderColor: colours[g.status] }}>
            {g.label}
          </div>
        ))}
      </ViewportPortal>
      <section className="status-legend" aria-label={title} data-testid={testId}>
        <h3>{title}</h3>
        <ul>
          {legend.map((l) => (
            <li key={l.status} data-testid={`${testId}-${l.status}`}>
              <span className="status-swatch" aria-hidden="true" style={{ background: colours[l.status] }} />
              {l.text}
            </li>
          ))}
        </ul>
        {onClose && <button type="button" onClick={onClose}>{closeLabel}</button>}
      </section>
    </>
  );
}
