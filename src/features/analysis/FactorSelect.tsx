import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSnapshot } from '../../session';

interface Props {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  testId?: string;
}

/** A factor chosen by name, for when pointing at it on the canvas is not handy. */
export function FactorSelect({ label, value, onChange, testId }: Props) {
  const { t } = useTranslation();
  const { factors } = useSnapshot();
  const sorted = useMemo(() => [...factors].sort((a, b) => a.label.localeCompare(b.label)), [factors]);
  return (
    <label className="field">
      {label}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || null)} data-testid={testId}>
        <option value="">{t('analysis.focus.choose')}</option>
        {sorted.map((f) => <option key={f.id} value={f.id}>{f.label}</option>)}
      </select>
    </label>
  );
}
