import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOOPS_ROOT, readLoopNotes } from '../../../model';
import { useRoot, useSession, useSnapshot } from '../../../session';
import '../i18n';
import { loopText } from './loopParts';
import { pickerList, type PickerEntry } from './pickerList';
import { useLoops } from './useLoops';

const LISTED = 60;

interface Props {
  value: string | null;
  onChange: (loopId: string | null) => void;
  label: string;
  id?: string;
}

/**
 * Chooses a loop. Named loops (key dynamics first) come first, by name; typing filters by a
 * loop's name or its factors' names; with factors selected it lists the loops through all of
 * them, so selecting two or three factors of a loop is how one finds it among a hundred. The
 * count is the Loops panel's: the same search with the same bounds (useLoops).
 */
export function LoopPicker({ value, onChange, label, id }: Props) {
  const { t } = useTranslation();
  const snap = useSnapshot();
  const notes = useRoot(LOOPS_ROOT, readLoopNotes);
  const selected = useSession((s) => s.selectedFactorIds);
  const found = useLoops();
  const [query, setQuery] = useState('');
  const own = useId();
  const selectId = id ?? `${own}-loop`;
  const { listed, more } = useMemo(
    () => (found ? pickerList(found.loops, notes, snap, { value, selected, query, max: LISTED }) : { listed: [], more: 0 }),
    [found, notes, snap, value, selected, query],
  );

  if (!found) return <p className="muted" role="status">{t('workshop.loops.loading')}</p>;
  const text = (e: PickerEntry) => {
    const kind = t(`workshop.loops.${e.kind}`);
    const path = loopText(e.factors, snap, 18);
    if (!e.name) return `${kind} · ${path}`;
    return `${e.key ? '★ ' : ''}${e.name} · ${kind} · ${path}`;
  };
  return (
    <div className="ws-field loop-picker" role="group" aria-labelledby={`${selectId}-label`}>
      <label id={`${selectId}-label`} htmlFor={selectId}>{label}</label>
      <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('workshop.loops.search')}
        aria-label={t('workshop.loops.searchLabel')} aria-controls={selectId} data-testid="loop-search" />
      <select id={selectId} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)} data-testid="loop-picker">
        <option value="">{t('workshop.views.noLoop')}</option>
        {listed.map((e) => <option key={e.id} value={e.id}>{text(e)}</option>)}
      </select>
      <span className="muted" data-testid="loop-count">
        {t(found.truncated ? 'workshop.loops.countAtLeast' : 'workshop.loops.count', { count: found.loops.length })}
      </span>
      {listed.every((e) => e.id === value) && (
        <span className="muted" role="status">{query ? t('workshop.loops.noMatch') : t('workshop.loops.none')}</span>
      )}
      {more > 0 && <span className="muted">{t('workshop.loops.more', { count: more })}</span>}
    </div>
  );
}
