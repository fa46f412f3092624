import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapSession } from '../../../session';
import { ACTION_STATUSES, removeAction, updateAction, type Action, type ActionStatus } from '../../../model';

/** One action: what, who, how far, by when — each written when its field is left. */
export function ActionRow({ groupId, action }: { groupId: string; action: Action }) {
  const { t } = useTranslation();
  const { doc, canEdit } = useMapSession();
  const [text, setText] = useState(action.text);
  const [owner, setOwner] = useState(action.owner);
  useEffect(() => setText(action.text), [action.text]);
  useEffect(() => setOwner(action.owner), [action.owner]);
  const disabled = !canEdit;
  return (
    <li className={`ws-action ${action.status}`} data-testid="group-action">
      <input className="ws-inline" value={text} disabled={disabled} aria-label={t('workshop.groups.action')} maxLength={2000}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => {
          if (text.trim() && text !== action.text) updateAction(doc, groupId, action.id, { text });
          else setText(action.text);
        }} />
      <div className="ws-action-fields">
        <input value={owner} disabled={disabled} aria-label={t('workshop.groups.owner')} placeholder={t('workshop.groups.owner')}
          maxLength={200} onChange={(e) => setOwner(e.target.value)}
          onBlur={() => owner !== action.owner && updateAction(doc, groupId, action.id, { owner })} />
        <select value={action.status} disabled={disabled} aria-label={t('workshop.groups.status')}
          onChange={(e) => updateAction(doc, groupId, action.id, { status: e.target.value as ActionStatus })}>
          {ACTION_STATUSES.map((s) => <option key={s} value={s}>{t(`workshop.groups.${s}`)}</option>)}
        </select>
        <input type="date" value={action.due} disabled={disabled} aria-label={t('workshop.groups.due')}
          onChange={(e) => updateAction(doc, groupId, action.id, { due: e.target.value })} />
        {canEdit && (
          <button type="button" onClick={() => removeAction(doc, groupId, action.id)}
            aria-label={t('workshop.groups.removeAction')} title={t('workshop.groups.removeAction')}>✕</button>
        )}
      </div>
    </li>
  );
}
