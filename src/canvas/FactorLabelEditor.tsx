import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  initial: string;
  onCommit: (label: string) => void;
  onCancel: () => void;
}

/** Inline editor: Enter or leaving the field saves, Escape cancels, an empty name is refused. */
export function FactorLabelEditor({ initial, onCommit, onCancel }: Props) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial);
  const ref = useRef<HTMLTextAreaElement>(null);
  const done = useRef(false);

  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);

  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    const label = value.trim();
    if (commit && label !== '') onCommit(label);
    else onCancel();
  };

  return (
    <textarea
      ref={ref}
      className="factor-editor nodrag nopan nowheel"
      aria-label={t('canvas.editLabel')}
      value={value}
      rows={Math.min(4, Math.max(1, Math.ceil(value.length / 22)))}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter' && !e.shiftKey) {
          e.preventDefault();
          finish(true);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          finish(false);
        }
      }}
      onBlur={() => finish(true)}
    />
  );
}
