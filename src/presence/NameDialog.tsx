import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { userId, usePresence, USER_COLOURS, type LocalUser } from '../session';
import { COLOUR_NAMES, defaultColour } from './colours';

interface Props {
  user: LocalUser | null;
  onSave: (u: { name: string; color: string }) => void;
  onCancel?: () => void;
}

/** First visit: how others will see you. Also opened from your avatar. */
export function NameDialog({ user, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(user?.name ?? '');
  // Until the person picks one, the offer follows who is on the map: a colour nobody wears.
  // A user with no name yet got a colour by chance (userId()), not by choice.
  const [picked, setColor] = useState<string | null>(user?.name ? user.color : null);
  const worn = usePresence((s) => s.peers.map((p) => p.color).join(' '));
  const [seed] = useState(() => user?.id ?? userId());
  const color = picked ?? defaultColour(worn ? worn.split(' ') : [], seed);
  return (
    <div className="dialog-backdrop">
      <form
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="name-dialog-title"
        onSubmit={(e) => {
          e.preventDefault();
          onSave({ name: name.trim() || t('presence.anonymous'), color });
        }}
      >
        <h2 id="name-dialog-title">{t('presence.whoAreYou')}</h2>
        <label>
          {t('presence.name')}
          <input autoFocus value={name} maxLength={40} onChange={(e) => setName(e.target.value)} />
        </label>
        <fieldset className="colours">
          <legend>{t('presence.colour')}</legend>
          {USER_COLOURS.map((c) => (
            <button key={c} type="button" className="swatch" style={{ background: c }} aria-pressed={c === color}
              aria-label={t(`presence.colours.${COLOUR_NAMES[c] ?? 'other'}`)} data-colour={c} onClick={() => setColor(c)} />
          ))}
        </fieldset>
        <div className="dialog-actions">
          {onCancel && <button type="button" onClick={onCancel}>{t('presence.cancel')}</button>}
          <button type="submit" className="primary">{t('presence.ok')}</button>
        </div>
      </form>
    </div>
  );
}
