import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { HistoryTracker, reapplyReplaced, watchReplaced, type HistoryValue, type ReplacedChange } from '../../model/history';
import { useMapSession, useSliceGetter } from '../../session';
import { rememberClient } from './clients';
import { historySlice, useCycles, useHistory } from './store';
import './cycles.css';
import './i18n';

/** Presence names by client id; a peer may publish anything, so only short strings are kept. */
function presenceNames(states: Map<number, Record<string, unknown>>): Map<number, string> {
  const out = new Map<number, string>();
  states.forEach((s, client) => {
    const name = (s.user as { name?: unknown } | undefined)?.name;
    if (typeof name === 'string' && name.trim() !== '') out.set(client, name.slice(0, 40));
  });
  return out;
}

const shown = (v: HistoryValue): string => (v === null ? '' : String(v));

/** "celui d’Aminata" / "celui de Moussa": French elides before a vowel. */
export function ofWhom(t: (k: string, o?: Record<string, unknown>) => string, who: string, lang: string): string {
  return lang.startsWith('fr') && /^[aeiouyhàâäéèêëîïôöûüù]/i.test(who) ? t('history.ofVowel', { who }) : t('history.of', { who });
}

/**
 * Always mounted with a live map: keeps the history of recent changes and who made them
 * (model/history's tracker, named through presence), and watches for values of yours that a
 * concurrent change replaced, typically on coming back online, to say so with "Rétablir".
 */
export default function HistoryMount() {
  const { t, i18n } = useTranslation();
  const { doc, awareness, connection, mapId, canEdit } = useMapSession();
  const history = useSliceGetter(historySlice);
  const replaced = useHistory((s) => s.replaced);
  const names = useHistory((s) => s.names);
  // Inside a snapshot being looked at there is nothing to track: the live map's mount does it.
  const inView = useCycles((s) => s.live) !== null;

  useEffect(() => {
    if (inView) return;
    const mine = rememberClient(mapId, doc.clientID);
    const isMine = (c: number) => c === doc.clientID || mine.has(c);
    const nameOf = (c: number) => history().names.get(c);
    const tracker = new HistoryTracker(doc, { isMine, nameOf });
    const offTracker = tracker.subscribe((entries) => history().setEntries(entries));
    const onAwareness = () => {
      const known = new Map(history().names);
      presenceNames(awareness.getStates() as Map<number, Record<string, unknown>>).forEach((name, client) => {
        known.set(client, name);
        tracker.learnName(client, name);
      });
      history().learnNames(known);
    };
    awareness.on('change', onAwareness);
    onAwareness();
    // Listed from the first sync on: before it, the whole map would show as just added.
    const provider = connection?.provider;
    if (!provider || provider.synced) tracker.start();
    const onSync = (synced: boolean) => {
      if (synced) tracker.start();
    };
    provider?.on('sync', onSync);
    const offReplaced = canEdit ? watchReplaced(doc, { isMine, onReplaced: (c) => history().addReplaced(c) }) : () => undefined;
    return () => {
      provider?.off('sync', onSync);
      awareness.off('change', onAwareness);
      offReplaced();
      offTracker();
      tracker.destroy();
    };
  }, [doc, awareness, connection, mapId, canEdit, history, inView]);

  if (inView || replaced.length === 0) return null;
  const fieldName = (c: ReplacedChange) => (c.field === 'label' ? t('cycles.field.label') : t(`cycles.field.${c.field}`, { defaultValue: c.field }));
  return (
    <div className="replaced-notices" aria-live="polite">
      {replaced.map((c) => {
        const who = names.get(c.by) ?? t('history.someone');
        return (
          <p key={`${c.kind}:${c.id}:${c.field}`} className="replaced-notice" role="status" data-testid="replaced-notice">
            {t('history.replaced', { field: fieldName(c), yours: shown(c.yours), of: ofWhom(t, who, i18n.language) })}
            <button type="button" onClick={() => {
              reapplyReplaced(doc, c);
              history().dismissReplaced(c);
            }} data-testid="replaced-reapply">{t('history.reapply')}</button>
            <button type="button" onClick={() => history().dismissReplaced(c)} aria-label={t('history.dismiss')}>×</button>
          </p>
        );
      })}
    </div>
  );
}
