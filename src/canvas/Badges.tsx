import type { Badge } from '../session';

export function Badges({ badges }: { badges: readonly Badge[] | undefined }) {
  if (!badges || badges.length === 0) return null;
  return (
    <div className="badges">
      {badges.map((b, i) => (
        <span key={`${b.tone ?? ''}${i}`} className={`badge-chip ${b.tone ?? 'info'}`} title={b.title} data-testid={`badge-${b.tone ?? 'info'}`}>
          {b.text}
        </span>
      ))}
    </div>
  );
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
