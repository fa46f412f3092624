import type { Badge } from '../state/overlay';

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
