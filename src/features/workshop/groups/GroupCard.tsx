import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapSession, useSnapshot } from '../../../session';
import {
  ACTION_STATUSES, addAction, removeGroup, renameGroup, setGroupMembers, type ActionStatus, type Group,
} from '../../../model';
import { ActionRow } from './ActionRow';
import { originText } from './origin';

function NewAction({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const { doc } = useMapSession();
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [status, setStatus] = useState<ActionStatus>('todo');
  const [due, setDue] = useState('');
  return (
    <form className="ws-new-action" data-testid="new-action"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return;
        addAction(doc, groupId, { text, owner, status, due });
        setText('');
        setOwner('');
        setDue('');
        setStatus('todo');
      }}>
      <input value={text} placeholder={t('workshop.groups.newAction')} aria-label={t('workshop.groups.newAction')} maxLength={2000}
        onChange={(e) => setText(e.target.value)} data-testid="action-text" />
      <div className="ws-action-fields">
        <input value={owner} placeholder={t('workshop.groups.owner')} aria-label={t('workshop.groups.owner')} maxLength={200}
          onChange={(e) => setOwner(e.target.value)} data-testid="action-owner" />
        <select value={status} aria-label={t('workshop.groups.status')} onChange={(e) => setStatus(e.target.value as ActionStatus)}>
          {ACTION_STATUSES.map((s) => <option key={s} value={s}>{t(`workshop.groups.${s}`)}</option>)}
        </select>
        <input type="date" value={due} aria-label={t('workshop.groups.due')} onChange={(e) => setDue(e.target.value)} data-testid="action-due" />
        <button type="submit" disabled={!text.trim()} data-testid="add-action">{t('workshop.groups.addAction')}</button>
      </div>
    </form>
  );
}

/** A group: its name and members editable in place, where it started, its actions. */
export function GroupCard({ group }: { group: Group }) {
  const { t } = useTranslation();
  const { doc, canEdit } = useMapSession();
  const snap = useSnapshot();
  const [name, setName] = useState(group.name);
  const [members, setMembers] = useState(group.members);
  useEffect(() => setName(group.name), [group.name]);
  useEffect(() => setMembers(group.members), [group.members]);
  return (
    <article className="ws-group" data-testid="group" data-name={group.name}>
      <input className="ws-inline ws-group-name" value={name} disabled={!canEdit} aria-label={t('workshop.groups.name')} maxLength={200}
        onChange={(e) => setName(e.target.value)}
        onBlur={() => {
          if (name.trim() && name !== group.name) renameGroup(doc, group.id, name);
          else setName(group.name);
        }} />
      <p className="muted ws-small">{originText(group.origin, snap, t)}</p>
      <label className="ws-field">
        {t('workshop.groups.members')}
        <textarea value={members} rows={2} disabled={!canEdit} onChange={(e) => setMembers(e.target.value)}
          onBlur={() => members !== group.members && setGroupMembers(doc, group.id, members)} />
      </label>
      <h4>{t('workshop.groups.actions')}</h4>
      <ul className="ws-actions-list">
        {group.actions.map((a) => <ActionRow key={a.id} groupId={group.id} action={a} />)}
      </ul>
      {canEdit && (
        <>
          <NewAction groupId={group.id} />
          <button type="button" className="ws-link-button" onClick={() => {
            if (window.confirm(t('workshop.groups.confirmRemove', { name: group.name }))) removeGroup(doc, group.id);
          }}>{t('workshop.groups.remove')}</button>
        </>
      )}
    </article>
  );
}
