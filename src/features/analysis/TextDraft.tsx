import { useEffect, useState } from 'react';

interface Props {
  value: string;
  onCommit: (value: string) => void;
  label: string;
  placeholder?: string;
  multiline?: boolean;
  maxLength?: number;
  testId?: string;
}

/**
 * A text field on a document value: typing stays local, leaving the field (or Enter on one
 * line) writes it, Escape goes back. A peer's change shows as soon as the field is not being
 * edited.
 */
export function TextDraft({ value, onCommit, label, placeholder, multiline = false, maxLength, testId }: Props) {
  const [draft, setDraft] = useState(value);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (!editing) setDraft(value);
  }, [value, editing]);
  const common = {
    'aria-label': label,
    'data-testid': testId,
    placeholder,
    maxLength,
    value: draft,
    onFocus: () => setEditing(true),
    onBlur: () => {
      setEditing(false);
      if (draft !== value) onCommit(draft);
    },
  };
  if (multiline) {
    return (
      <textarea {...common} rows={3} onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setDraft(value);
        }} />
    );
  }
  return (
    <input {...common} onChange={(e) => setDraft(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
        if (e.key === 'Escape') setDraft(value);
      }} />
  );
}
