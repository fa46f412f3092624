import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry, HistoryValue } from '../../model/history';
import { useHistory } from './store';
import './cycles.css';
import './i18n';

const shown = (v: HistoryValue | undefined, empty: string): string =>
  v === undefined || v === null || v === '' ? empty : `« ${String(v)} »`;

/** Recent changes, newest first, with who made them and when; filtered by person. */
export default function HistoryPanel() {
  const { t, i18n } = useTranslation();
  const entries = useHistory((s) => s.entries);
  const [person, setPerson] = useState<string>('');
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const who = (e: HistoryEntry) => (e.mine ? t('history.you') : e.person ?? t('history.someone'));
  const people = [...new Set(entries.map(who))].sort((a, b) => a.localeCompare(b));
  const list = entries.filter((e) => person === '' || who(e) === person).slice().reverse();
  const what = (e: HistoryEntry): string => {
    if (e.action === 'edited') {
      const field = e.field === 'title' ? t('history.title') : t(`cycles.field.${e.field ?? ''}`, { defaultValue: e.field ?? '' });
      return t('history.edited', { field, label: e.label, before: shown(e.before, t('history.empty')), after: shown(e.after, t('history.empty')) });
    }
    const line = t(`history.${e.action}.${e.kind}`, { label: e.label });
    return e.along ? line + t('history.along', { count: e.along }) : line;
  };
  return (
    <div className="history-panel" data-testid="history-panel">
      <p className="cycles-intro">{t('history.intro')}</p>
      {people.length > 0 && (
        <label className="history-filter">
          {t('history.person')}{' '}
          <select value={person} onChange={(e) => setPerson(e.target.value)} data-testid="history-person">
            <option value="">{t('history.everyone')}</option>
            {people.map((p) => <option key={p} value={p}>{p}</option>)}
          </select>
        </label>
      )}
      {list.length === 0 ? <p className="cycles-empty">{t('history.none')}</p> : (
        <ol className="history-list" data-testid="history-list">
          {list.map((e) => (
            <li key={e.seq}>
              <time dateTime={new Date(e.at).toISOString()}>{time.format(e.at)}</time>
              <span className="who">{who(e)}</span> {what(e)}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
