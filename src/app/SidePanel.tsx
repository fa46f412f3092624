import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapSession, useSession } from '../session';
import { Icon } from '../ui/Icon';
import { PANELS } from './wiring';

export function SidePanel() {
  const { t } = useTranslation();
  const { canEdit } = useMapSession();
  const panel = useSession((s) => s.panel);
  const setPanel = useSession((s) => s.setPanel);
  const def = PANELS.find((p) => p.id === panel && (canEdit || p.forViewers));
  if (!def) return null;
  const Panel = def.component;
  return (
    <aside className="side-panel" aria-label={t(def.labelKey)} data-testid={`panel-${def.id}`}>
      <header className="side-panel-header">
        <h2>{t(def.labelKey)}</h2>
        <button type="button" onClick={() => setPanel(null)} aria-label={t('toolbar.closePanel')}>
          <Icon name="close" />
        </button>
      </header>
      <div className="side-panel-body">
        <Suspense fallback={<p role="status">…</p>}>
          <Panel />
        </Suspense>
      </div>
    </aside>
  );
}

export function PanelButtons() {
  const { t } = useTranslation();
  const { canEdit } = useMapSession();
  const panel = useSession((s) => s.panel);
  const toggle = useSession((s) => s.togglePanel);
  return (
    <>
      {PANELS.filter((p) => canEdit || p.forViewers).map((p) => (
        <button
          key={p.id}
          type="button"
          aria-pressed={panel === p.id}
          onClick={() => toggle(p.id)}
          title={p.key ? `${t(p.labelKey)} (${p.key.toUpperCase()})` : t(p.labelKey)}
          data-testid={`open-${p.id}`}
        >
          {t(p.labelKey)}
        </button>
      ))}
    </>
  );
}
