import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapSession, useSession, useSnapshot } from '../../../session';
import type { VoteTarget } from '../../../model';
import { LoopPicker } from '../loops/LoopPicker';
import { loopParts, loopText } from '../loops/loopParts';
import { Pictogram } from '../pictograms/Pictogram';
import { countsByTarget, useVoterId, type RoundState } from './useVotes';
import { addDot, takeDot } from './vote';

const LISTED = 100;

/** Every factor (and each loop with dots) with its count and + / − buttons: voting by keyboard. */
export function TargetList({ state }: { state: RoundState }) {
  const { t } = useTranslation();
  const { doc } = useMapSession();
  const snap = useSnapshot();
  const me = useVoterId();
  const showError = useSession((s) => s.showError);
  const [filter, setFilter] = useState('');
  const counts = countsByTarget(state.result);
  const mine = new Map<string, number>();
  for (const d of state.mine) mine.set(`${d.target.kind}:${d.target.id}`, (mine.get(`${d.target.kind}:${d.target.id}`) ?? 0) + 1);
  const roundId = state.round.id;

  const factors = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return snap.factors
      .filter((f) => !q || f.label.toLowerCase().includes(q))
      .sort((a, b) => (counts.get(`factor:${b.id}`) ?? 0) - (counts.get(`factor:${a.id}`) ?? 0) || a.label.localeCompare(b.label))
      .slice(0, LISTED);
  }, [snap.factors, filter, counts]);
  const loops = [...new Set([...counts.keys(), ...mine.keys()])].filter((k) => k.startsWith('loop:')).map((k) => k.slice(5));

  const row = (target: VoteTarget, label: string, icon?: string) => {
    const k = `${target.kind}:${target.id}`;
    const n = counts.get(k) ?? 0;
    const my = mine.get(k) ?? 0;
    return (
      <li key={k} className="ws-target" data-testid="vote-target" data-label={label}>
        {icon && <Pictogram name={icon} className="ws-small-icon" />}
        <span className="ws-target-label">
          {label}
          {my > 0 && <span className="ws-mine">{t('workshop.voting.mine', { count: my })}</span>}
        </span>
        <span className="ws-count" data-testid="vote-count" title={t('workshop.voting.count', { count: n })}>
          {n > 0 ? `● ${n}` : ''}
        </span>
        <button type="button" onClick={() => takeDot(doc, roundId, me, target)} disabled={my === 0}
          aria-label={t('workshop.voting.take', { label })} title={t('workshop.voting.take', { label })}>−</button>
        <button type="button" onClick={() => addDot(doc, roundId, me, target, t, showError)} disabled={state.left === 0}
          aria-label={t('workshop.voting.add', { label })} title={t('workshop.voting.add', { label })} data-testid="add-dot">+</button>
      </li>
    );
  };

  return (
    <>
      <h3>{t('workshop.voting.factors')}</h3>
      <input className="ws-filter" type="search" value={filter} placeholder={t('workshop.voting.filter')}
        aria-label={t('workshop.voting.filter')} onChange={(e) => setFilter(e.target.value)} />
      <ul className="ws-targets">{factors.map((f) => row({ kind: 'factor', id: f.id }, f.label, f.icon))}</ul>
      <h3>{t('workshop.voting.loops')}</h3>
      <ul className="ws-targets">
        {loops.map((id) => {
          const parts = loopParts(id, snap);
          return row({ kind: 'loop', id }, parts ? loopText(parts.factors, snap, 18) : id);
        })}
      </ul>
      <LoopPicker value={null} label={t('workshop.voting.addLoop')}
        onChange={(id) => id && addDot(doc, roundId, me, { kind: 'loop', id }, t, showError)} />
    </>
  );
}
