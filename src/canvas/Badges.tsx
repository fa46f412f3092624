import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Badge } from '../session';

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

/** A factor's badges, in a band above its box (styles.css `.badges`), never over its label. */
export function Badges({ badges: all }: { badges: readonly Badge[] | undefined }) {
  const { t } = useTranslation();
  if (!all || all.length === 0) return null;
  const badges = collapseBadges(all, t);
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
