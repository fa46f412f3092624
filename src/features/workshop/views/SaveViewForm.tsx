import { useReactFlow } from '@xyflow/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapSession, useSession } from '../../../session';
import { addView } from '../../../model';
import { LoopPicker } from '../loops/LoopPicker';

/** Saves what is on screen as the next step: all factors or the selection, framing, a loop. */
export function SaveViewForm({ count }: { count: number }) {
  const { t } = useTranslation();
  const { doc } = useMapSession();
  const flow = useReactFlow();
  const selected = useSession((s) => s.selectedFactorIds);
  const [title, setTitle] = useState('');
  const [onlySelection, setOnlySelection] = useState(true);
  const [keepViewport, setKeepViewport] = useState(true);
  const [loop, setLoop] = useState<string | null>(null);
  const useSelection = onlySelection && selected.length > 0;

  const save = () => {
    const { x, y, zoom } = flow.getViewport();
    addView(doc, {
      title: title.trim() || t('workshop.views.defaultName', { n: count + 1 }),
      factors: useSelection ? [...selected] : null,
      viewport: keepViewport ? { x: Math.round(x), y: Math.round(y), zoom } : null,
      loop,
    });
    setTitle('');
    setLoop(null);
  };

  return (
    <form className="ws-form" onSubmit={(e) => { e.preventDefault(); save(); }} data-testid="save-view-form">
      <label className="ws-field">
        {t('workshop.views.name')}
        <input value={title} maxLength={200} placeholder={t('workshop.views.defaultName', { n: count + 1 })}
          onChange={(e) => setTitle(e.target.value)} data-testid="view-title" />
      </label>
      <fieldset className="ws-fieldset">
        <legend>{t('workshop.views.shown')}</legend>
        <label className="ws-choice">
          <input type="radio" name="view-factors" checked={!useSelection} onChange={() => setOnlySelection(false)} />
          {t('workshop.views.all')}
        </label>
        <label className="ws-choice">
          <input type="radio" name="view-factors" checked={useSelection} disabled={selected.length === 0}
            onChange={() => setOnlySelection(true)} data-testid="view-only-selection" />
          {t('workshop.views.selection', { count: selected.length })}
        </label>
      </fieldset>
      <label className="ws-choice">
        <input type="checkbox" checked={keepViewport} onChange={(e) => setKeepViewport(e.target.checked)} />
        {t('workshop.views.keepViewport')}
      </label>
      <LoopPicker value={loop} onChange={setLoop} label={t('workshop.views.loop')} />
      <button type="submit" className="primary" data-testid="save-view">{t('workshop.views.save')}</button>
    </form>
  );
}
