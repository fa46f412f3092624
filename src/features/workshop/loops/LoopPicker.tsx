import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession, useSnapshot } from '../../../session';
import '../i18n';
import { loopText } from './loopParts';
import { useLoops } from './useLoops';

const LISTED = 60;

interface Props {
  value: string | null;
  onChange: (loopId: string | null) => void;
  label: string;
  /** Loops to list first whatever the selection (named loops, loops with dots). */
  always?: readonly string[];
  id?: string;
}

/**
 * Chooses a loop. With factors selected it lists the loops through all of them, so selecting
 * two or three factors of a loop is how one finds it among a hundred.
 */
export function LoopPicker({ value, onChange, label, always = [], id }: Props) {
  const { t } = useTranslation();
  const snap = useSnapshot();
  const selected = useSession((s) => s.selectedFactorIds);
  const loops = useLoops();
  const { listed, more } = useMemo(() => {
    if (!loops) return { listed: [], more: 0 };
    const through = loops.filter((l) => selected.every((f) => l.factors.includes(f)));
    const first = new Set([...(value ? [value] : []), ...always]);
    const pinned = loops.filter((l) => first.has(l.id));
    const rest = through.filter((l) => !first.has(l.id));
    return { listed: [...pinned, ...rest.slice(0, LISTED)], more: Math.max(0, rest.length - LISTED) };
  }, [loops, selected, always, value]);

  if (!loops) return <p className="muted" role="status">{t('workshop.loops.loading')}</p>;
  return (
    <label className="ws-field">
      {label}
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">{t('workshop.views.noLoop')}</option>
        {listed.map((l) => (
          <option key={l.id} value={l.id}>
            {`${t(`workshop.loops.${l.kind}`)} · ${loopText(l.factors, snap, 18)}`}
          </option>
        ))}
      </select>
      {listed.length === 0 && <span className="muted">{t('workshop.loops.none')}</span>}
      {more > 0 && <span className="muted">{t('workshop.loops.more', { count: more })}</span>}
    </label>
  );
}
