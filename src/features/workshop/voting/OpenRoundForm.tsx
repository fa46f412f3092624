import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapSession, useSliceGetter } from '../../../session';
import { MAX_DOTS_PER_PERSON, openRound } from '../../../model';
import { workshopSlice } from '../store';
import { useVoterId } from './useVotes';

/** The facilitator opens a round: a question and N dots per person. */
export function OpenRoundForm() {
  const getWorkshop = useSliceGetter(workshopSlice);
  const { t } = useTranslation();
  const { doc } = useMapSession();
  const me = useVoterId();
  const [title, setTitle] = useState('');
  const [dots, setDots] = useState(3);
  return (
    <form className="ws-form" data-testid="open-round-form"
      onSubmit={(e) => {
        e.preventDefault();
        const id = openRound(doc, { title: title.trim() || t('workshop.voting.defaultTitle'), dotsPerPerson: dots, openedBy: me });
        getWorkshop().setRound(id);
        getWorkshop().setVoting(true);
        setTitle('');
      }}>
      <label className="ws-field">
        {t('workshop.voting.roundTitle')}
        <input value={title} maxLength={200} placeholder={t('workshop.voting.defaultTitle')} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label className="ws-field">
        {t('workshop.voting.dots')}
        <input type="number" min={1} max={MAX_DOTS_PER_PERSON} value={dots} data-testid="dots-per-person"
          onChange={(e) => setDots(Math.max(1, Math.min(MAX_DOTS_PER_PERSON, Math.trunc(Number(e.target.value)) || 1)))} />
      </label>
      <button type="submit" className="primary" data-testid="open-round">{t('workshop.voting.open')}</button>
    </form>
  );
}
