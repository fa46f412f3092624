import { useNodeId, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Badge } from '../session';
import type { Rect } from '../ui/fit';
import { chooseBadgeSlot } from './badgePlacement';
import './badges.css';

/**
 * Several badges of one tone (two action groups started from one factor) become one chip that
 * counts them, every name kept in its title: a row of long names would reach the next factor.
 */
export function collapseBadges(badges: readonly Badge[], t: TFunction): Badge[] {
  const out: Badge[] = [];
  const byTone = new Map<string, Badge[]>();
  for (const b of badges) byTone.set(b.tone ?? 'info', [...(byTone.get(b.tone ?? 'info') ?? []), b]);
  for (const [tone, same] of byTone) {
    if (same.length === 1 || tone !== 'group') out.push(...same);
    else out.push({ tone: 'group', text: t('canvas.groupBadges', { count: same.length }), title: same.map((b) => b.title ?? b.text).join('\n') });
  }
  return out;
}

/** The other factors' boxes as React Flow knows them (map units), hidden ones left out. */
function* otherBoxes(lookup: ReactFlowState['nodeLookup'], self: string): Generator<Rect> {
  for (const n of lookup.values()) {
    if (n.id === self || n.hidden) continue;
    const width = n.measured.width ?? 0;
    const height = n.measured.height ?? 0;
    if (width > 0 && height > 0) yield { x: n.internals.positionAbsolute.x, y: n.internals.positionAbsolute.y, width, height };
  }
}

/**
 * A factor's badges, in a band around its box (badges.css), never over its label nor over a
 * neighbouring box: the slot (badgePlacement.ts) is chosen from the chips' drawn sizes and the
 * positions React Flow already holds, and set on the band as an attribute, with no render.
 * Placed before the first paint and whenever the chips change; then again, at most once a
 * frame, when React Flow's nodes change (a box moved, grew or was hidden). A pan changes no
 * node: it costs each factor with badges one comparison.
 */
function PlacedBadges({ badges }: { badges: readonly Badge[] }) {
  const band = useRef<HTMLDivElement>(null);
  const id = useNodeId();
  const store = useStoreApi();
  useLayoutEffect(() => {
    const place = () => {
      const el = band.current;
      const factor = el?.parentElement;
      const { nodeLookup } = store.getState();
      const node = id ? nodeLookup.get(id) : undefined;
      if (!el || !factor || !node || !id) return;
      // The band is placed against the box's padding box (inside its rim, as CSS positions
      // it); client and offset sizes are CSS pixels before the viewport's zoom: map units.
      const { x, y } = node.internals.positionAbsolute;
      const box = { x: x + factor.clientLeft, y: y + factor.clientTop, width: factor.clientWidth, height: factor.clientHeight };
      const chips = [...el.children].map((c) => ({ width: (c as HTMLElement).offsetWidth, height: (c as HTMLElement).offsetHeight }));
      const slot = chooseBadgeSlot(box, chips, otherBoxes(nodeLookup, id));
      if (el.dataset.slot !== slot) el.dataset.slot = slot;
    };
    place();
    let frame = 0;
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.nodes === prev.nodes || frame !== 0) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        place();
      });
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [badges, id, store]);
  return (
    <div className="badges" ref={band}>
      {badges.map((b, i) => (
        <span key={`${b.tone ?? ''}${i}`} className={`badge-chip ${b.tone ?? 'info'}`} title={b.title} data-testid={`badge-${b.tone ?? 'info'}`}>
          {b.text}
        </span>
      ))}
    </div>
  );
}

/** A factor's badges (none: nothing drawn, nothing placed). */
export function Badges({ badges: all }: { badges: readonly Badge[] | undefined }) {
  const { t } = useTranslation();
  const badges = useMemo(() => (all && all.length > 0 ? collapseBadges(all, t) : null), [all, t]);
  return badges ? <PlacedBadges badges={badges} /> : null;
}

const CHAR_PX = 7;
const GAP_PX = 3;

/** A link's badges in SVG, in a row centred on (x, y): small rounded chips like a factor's. */
export function LinkBadges({ badges, x, y }: { badges: readonly Badge[] | undefined; x: number; y: number }) {
  if (!badges || badges.length === 0) return null;
  const widths = badges.map((b) => 10 + CHAR_PX * b.text.length);
  const total = widths.reduce((a, w) => a + w, 0) + GAP_PX * (badges.length - 1);
  const starts = widths.map((_, i) => -total / 2 + widths.slice(0, i).reduce((a, w) => a + w + GAP_PX, 0));
  return (
    <g transform={`translate(${x} ${y})`}>
      {badges.map((b, i) => (
        <g key={`${b.tone ?? ''}${i}`} className={`link-badge ${b.tone ?? 'info'}`} data-testid={`link-badge-${b.tone ?? 'info'}`}>
          {b.title && <title>{b.title}</title>}
          <rect x={starts[i]} y={-8} width={widths[i]} height={16} rx={8} />
          <text x={(starts[i] ?? 0) + (widths[i] ?? 0) / 2} textAnchor="middle" dominantBaseline="central">{b.text}</text>
        </g>
      ))}
    </g>
  );
}
