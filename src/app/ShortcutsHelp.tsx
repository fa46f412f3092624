import { useTranslation } from 'react-i18next';
import { shortcutLabels, useSession, useShortcuts, type Shortcut } from '../session';
import { Dialog } from '../ui/Dialog';

const GROUPS: readonly Shortcut['group'][] = ['canvas', 'panels', 'workshop'];

/**
 * Every shortcut of the map page, in the user's language: the same registry the key listener
 * reads (src/app/wiring.ts), so what is listed is what answers. View-link users see theirs.
 */
export default function ShortcutsHelp() {
  const { t } = useTranslation();
  const shortcuts = useShortcuts();
  const close = useSession((s) => s.setHelp);
  return (
    <Dialog title={t('help.title')} onClose={() => close(false)} className="ws-help" testId="shortcuts-help">
      {GROUPS.map((group) => {
        const rows = shortcuts.filter((s) => s.group === group);
        return rows.length === 0 ? null : (
          <section key={group}>
            <h3>{t(`help.${group}`)}</h3>
            <dl className="ws-keys">
              {rows.map((s) => (
                <div key={s.id} className="ws-key-row">
                  <dt>{shortcutLabels(s, t).map((k) => <kbd key={k}>{k}</kbd>)}</dt>
                  <dd>{s.what(t)}</dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
      <div className="dialog-actions">
        <button type="button" onClick={() => close(false)}>{t('help.close')}</button>
      </div>
    </Dialog>
  );
}
