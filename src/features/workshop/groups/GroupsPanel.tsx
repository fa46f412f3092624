import { useTranslation } from 'react-i18next';
import { useMapSession, useRoot } from '../../../session';
import { GROUPS_ROOT, readGroups } from '../../../model';
import '../i18n';
import '../workshop.css';
import { GroupCard } from './GroupCard';
import { NewGroupForm } from './NewGroupForm';

/** Action research groups (GRA) and their actions. */
export default function GroupsPanel() {
  const { t } = useTranslation();
  const { canEdit } = useMapSession();
  const groups = useRoot(GROUPS_ROOT, readGroups);
  return (
    <div className="ws-panel" data-testid="groups-panel">
      <p className="muted">{t('workshop.groups.intro')}</p>
      {canEdit ? <NewGroupForm /> : <p className="muted">{t('workshop.groups.readOnly')}</p>}
      {groups.length === 0 ? <p className="muted">{t('workshop.groups.empty')}</p> : groups.map((g) => <GroupCard key={g.id} group={g} />)}
    </div>
  );
}
