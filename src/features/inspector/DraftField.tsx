import { useEffect, useState } from 'react';

interface Props {
  label: string;
  value: string;
  multiline?: boolean;
  readOnly: boolean;
  onSave: (v: string) => void;
}

/** A text field that writes once, when left or on Enter: one undo step per edit, not per key. */
export function DraftField({ label, value, multiline, readOnly, onSave }: Props) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const save = () => {
    if (draft !== value) onSave(draft);
  };
  const common = {
    value: draft,
    readOnly,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: save,
  };
  return (
    <label className="field">
      <span>{label}</span>
      {multiline ? (
        <textarea rows={4} {...common} />
      ) : (
        <input {...common} onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()} />
      )}
    </label>
  );
}
