import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './i18n';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const KEY = 'trame.shareOrigin';

export interface ShareOrigin {
  /** The origin to put in shared links and QR codes. */
  readonly origin: string;
  /** LAN origins the relay reported, when this page is on the relay's own computer. */
  readonly choices: readonly string[];
  readonly onLocalhost: boolean;
  choose(origin: string): void;
}

function saved(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/**
 * On the facilitator's computer the app runs at localhost, which no phone can open: links and
 * QR codes then use an address of this computer on the local network, asked of the relay.
 * Anywhere else the page's own origin is the right one.
 */
export function useShareOrigin(): ShareOrigin {
  const onLocalhost = LOCAL_HOSTS.has(location.hostname);
  const [choices, setChoices] = useState<readonly string[]>([]);
  const [chosen, setChosen] = useState<string | null>(saved);

  useEffect(() => {
    if (!onLocalhost) return undefined;
    let alive = true;
    fetch('/api/lan')
      .then((r) => (r.ok ? r.json() : null))
      .then((body: unknown) => {
        const origins = (body as { origins?: unknown } | null)?.origins;
        if (alive && Array.isArray(origins)) setChoices(origins.filter((o): o is string => typeof o === 'string'));
      })
      // Offline or an older relay: keep the page's origin.
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [onLocalhost]);

  const origin = (chosen && choices.includes(chosen) ? chosen : choices[0]) ?? location.origin;
  return {
    origin, choices, onLocalhost,
    choose(o) {
      setChosen(o);
      try {
        localStorage.setItem(KEY, o);
      } catch {
        // The choice only lasts this session.
      }
    },
  };
}

/** Which local-network address the links use, or why phones will not open them. */
export function ShareOriginPicker({ share }: { share: ShareOrigin }) {
  const { t } = useTranslation();
  if (!share.onLocalhost) return null;
  if (share.choices.length === 0) return <p className="muted" role="note">{t('offline.lanNone')}</p>;
  if (share.choices.length === 1) return <p className="muted">{t('offline.lanOne', { origin: share.origin })}</p>;
  return (
    <label>
      {t('offline.lanLabel')}
      <select value={share.origin} onChange={(e) => share.choose(e.target.value)} data-testid="share-origin">
        {share.choices.map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
    </label>
  );
}
