import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ShareOriginPicker, useShareOrigin } from '../features/offline/ShareOrigin';
import { viewTokenFor } from '../model';
import { mapLink } from '../sync';

interface Props {
  mapId: string;
  token: string | null;
  canEdit: boolean;
  onClose: () => void;
}

function LinkRow({ label, hint, url }: { label: string; hint: string; url: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    // The QR library loads only when someone shares.
    void import('qrcode').then((QR) => QR.toDataURL(url, { margin: 1, width: 360 })).then((d) => alive && setQr(d));
    return () => {
      alive = false;
    };
  }, [url]);
  return (
    <section>
      <h3>{label}</h3>
      <p className="muted">{hint}</p>
      <div className="share-link">
        <input readOnly value={url} aria-label={label} onFocus={(e) => e.target.select()} />
        <button
          type="button"
          onClick={() => {
            void navigator.clipboard?.writeText(url).then(() => setCopied(true));
          }}
        >
          {copied ? t('share.copied') : t('share.copy')}
        </button>
      </div>
      {qr && (
        <figure className="qr">
          <img src={qr} alt={`${t('share.qr')} — ${label}`} />
        </figure>
      )}
    </section>
  );
}

/** Edit and view links with a QR code each, for phones in the room. */
export default function ShareDialog({ mapId, token, canEdit, onClose }: Props) {
  const { t } = useTranslation();
  const share = useShareOrigin();
  const origin = share.origin;
  const viewToken = token && (canEdit ? viewTokenFor(token) : token);
  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="share-title" onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <h2 id="share-title">{t('share.title')}</h2>
        {!token || !viewToken ? (
          <p>{t('share.localOnly')}</p>
        ) : (
          <>
            <ShareOriginPicker share={share} />
            {canEdit && <LinkRow label={t('share.edit')} hint={t('share.editHint')} url={mapLink(origin, mapId, 'edit', token)} />}
            <LinkRow label={t('share.view')} hint={t('share.viewHint')} url={mapLink(origin, mapId, 'view', viewToken)} />
          </>
        )}
        <div className="dialog-actions">
          <button type="button" autoFocus onClick={onClose}>{t('share.close')}</button>
        </div>
      </div>
    </div>
  );
}
