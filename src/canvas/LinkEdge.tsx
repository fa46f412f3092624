import { BaseEdge, useInternalNode, type EdgeProps, type InternalNode } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapSession, useOverlay } from '../session';
import { cyclePolarity } from '../model';
import { LinkBadges } from './Badges';
import { linkPath, type Box } from './geometry';
import { POLARITY_COLOUR, POLARITY_SIGN, strokeWidth } from '../ui/polarity';
import type { LinkEdgeType } from './types';

function boxOf(n: InternalNode): Box {
  return {
    x: n.internals.positionAbsolute.x,
    y: n.internals.positionAbsolute.y,
    width: n.measured.width ?? 0,
    height: n.measured.height ?? 0,
  };
}

const MARKER_R = 10;
// Beside the polarity marker, on the side the normal points to.
const BADGE_OFFSET = MARKER_R + 12;

/** A causal link: colour and arrowhead by polarity, width by strength, two bars for a delay. */
function LinkEdgeView({ id, source, target, data, selected, markerEnd }: EdgeProps<LinkEdgeType>) {
  const { t } = useTranslation();
  const { doc, canEdit } = useMapSession();
  const s = useInternalNode(source);
  const tg = useInternalNode(target);
  const badges = useOverlay((o) => o.linkBadges.get(id));
  if (!s || !tg || !data || !s.measured.width || !tg.measured.width) return null;
  const { link, bend } = data;
  const { path, mid, tangent } = linkPath(boxOf(s), boxOf(tg), bend);
  const colour = POLARITY_COLOUR[link.polarity];
  const width = strokeWidth(link.strength);
  const nx = -tangent.y;
  const ny = tangent.x;
  const bars = link.delay
    ? [22, 28].map((d) => {
        const cx = mid.x - tangent.x * d;
        const cy = mid.y - tangent.y * d;
        return `M ${cx - nx * 8} ${cy - ny * 8} L ${cx + nx * 8} ${cy + ny * 8}`;
      })
    : [];

  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        interactionWidth={16}
        style={{ stroke: colour, strokeWidth: selected ? width + 1.5 : width }}
      />
      {bars.map((d) => (
        <path key={d} d={d} stroke={colour} strokeWidth={2.5} fill="none" className="link-delay" />
      ))}
      <g
        className={`link-polarity${canEdit && selected ? ' editable' : ''}`}
        data-testid="link-polarity"
        data-polarity={link.polarity}
        transform={`translate(${mid.x} ${mid.y})`}
        role={canEdit && selected ? 'button' : undefined}
        aria-label={`${t(`polarity.${link.polarity}`)}${canEdit && selected ? ` — ${t('polarity.cycle')}` : ''}`}
        onClick={(e) => {
          // A click on the marker of a link not yet selected selects the link (the event goes
          // on to React Flow): at overview zoom the marker is most of a short link, and a
          // stray click must not rewrite the analysis. Only the selected link's marker cycles.
          if (!canEdit || !selected) return;
          e.stopPropagation();
          cyclePolarity(doc, link.id);
        }}
      >
        <circle r={MARKER_R} fill="#fff" stroke={colour} strokeWidth={selected ? 2.5 : 1.5} />
        <text textAnchor="middle" dominantBaseline="central" fill={colour} fontSize={14} fontWeight={700}>
          {POLARITY_SIGN[link.polarity]}
        </text>
      </g>
      <LinkBadges badges={badges} x={mid.x + nx * BADGE_OFFSET} y={mid.y + ny * BADGE_OFFSET} />
    </>
  );
}

export const LinkEdge = memo(LinkEdgeView);
