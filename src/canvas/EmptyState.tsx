import { useTranslation } from 'react-i18next';

export function EmptyState({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="empty-state" role="note">
      <h2>{t('canvas.emptyTitle')}</h2>
      {canEdit && (
        <>
          <p>{t('canvas.emptyHint')}</p>
          <p className="keys">{t('canvas.emptyKeys')}</p>
          <p>{t('canvas.emptyImport')}</p>
        </>
      )}
    </div>
  );
}
