import { useTranslation } from 'react-i18next';
// eslint-disable-next-line trame/layers -- goes with the canvas and shortcut registries (#15, next landing)
import { PANELS } from '../../../app/panels';
import { Dialog } from '../Dialog';
import { useWorkshop } from '../store';
import { shortcutGroups } from './shortcuts';

/** Every shortcut of the app, canvas, panels and workshop, in the user's language. */
export function ShortcutsHelp() {
  const { t } = useTranslation();
  const open = useWorkshop((s) => s.helpOpen);
  if (!open) return null;
  const close = () => useWorkshop.getState().setHelp(false);
  return (
    <Dialog title={t('workshop.help.title')} onClose={close} className="ws-help" testId="shortcuts-help">
      {shortcutGroups(PANELS, t).map((g) => (
        <section key={g.title}>
          <h3>{g.title}</h3>
          <dl className="ws-keys">
            {g.rows.map((r) => (
              <div key={r.what} className="ws-key-row">
                <dt>{r.keys.map((k) => <kbd key={k}>{k}</kbd>)}</dt>
                <dd>{r.what}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <div className="dialog-actions">
        <button type="button" onClick={close}>{t('workshop.help.close')}</button>
      </div>
    </Dialog>
  );
}
