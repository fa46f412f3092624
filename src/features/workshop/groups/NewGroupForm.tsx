import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapSession, useSession, useSliceGetter, useSnapshot } from '../../../session';
import { createGroup, type GroupOrigin } from '../../../model';
import { LoopPicker } from '../loops/LoopPicker';
import { useWorkshop, workshopSlice } from '../store';

/** A new group from a factor (a selected one) or a loop, or from a vote result. */
export function NewGroupForm() {
  const getWorkshop = useSliceGetter(workshopSlice);
  const { t } = useTranslation();
  const { doc } = useMapSession();
  const snap = useSnapshot();
  const selected = useSession((s) => s.selectedFactorIds);
  const preset = useWorkshop((s) => s.groupOrigin);
  const [name, setName] = useState('');
  const [members, setMembers] = useState('');
  const [origin, setOrigin] = useState<GroupOrigin | null>(preset);
  useEffect(() => {
    if (preset) setOrigin(preset);
  }, [preset]);
  useEffect(() => {
    // One selected factor is the likeliest origin; a loop or a preset is not overridden.
    if (selected.length === 1 && selected[0] && origin?.kind !== 'loop') setOrigin({ kind: 'factor', id: selected[0] });
  }, [selected]); // eslint-disable-line react-hooks/exhaustive-deps

  const factorChoices = [...new Set([...selected, ...(origin?.kind === 'factor' ? [origin.id] : [])])]
    .filter((id) => snap.factorById.has(id));
  const choice = origin ? (origin.kind === 'loop' ? 'loop' : `factor:${origin.id}`) : '';

  return (
    <form className="ws-form" data-testid="new-group-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) return;
        createGroup(doc, { name, members, ...(origin ? { origin } : {}) });
        setName('');
        setMembers('');
        setOrigin(null);
        getWorkshop().setGroupOrigin(null);
      }}>
      <h3>{t('workshop.groups.new')}</h3>
      <label className="ws-field">
        {t('workshop.groups.name')}
        <input value={name} required maxLength={200} onChange={(e) => setName(e.target.value)} data-testid="group-name" />
      </label>
      <label className="ws-field">
        {t('workshop.groups.members')}
        <textarea value={members} rows={2} placeholder={t('workshop.groups.membersHint')} onChange={(e) => setMembers(e.target.value)}
          data-testid="group-members" />
      </label>
      <label className="ws-field">
        {t('workshop.groups.origin')}
        <select value={choice} data-testid="group-origin" onChange={(e) => {
          const v = e.target.value;
          if (v === '') setOrigin(null);
          else if (v === 'loop') setOrigin({ kind: 'loop', id: '' });
          else setOrigin({ kind: 'factor', id: v.slice('factor:'.length) });
        }}>
          <option value="">{t('workshop.groups.originNone')}</option>
          {factorChoices.map((id) => (
            <option key={id} value={`factor:${id}`}>{t('workshop.groups.originFactor', { label: snap.factorById.get(id)?.label ?? id })}</option>
          ))}
          <option value="loop">{t('workshop.groups.originLoop', { label: '…' })}</option>
        </select>
      </label>
      {origin?.kind === 'loop' && (
        <LoopPicker value={origin.id || null} label={t('workshop.views.loop')}
          onChange={(id) => setOrigin({ kind: 'loop', id: id ?? '' })} />
      )}
      <button type="submit" className="primary" data-testid="create-group"
        disabled={!name.trim() || origin?.kind === 'loop' && !origin.id}>{t('workshop.groups.create')}</button>
    </form>
  );
}
