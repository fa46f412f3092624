import type { ReactNode } from 'react';

/**
 * A file input dressed as a button. The label wraps the input so the picker opens from the
 * keyboard (Enter, Space) as from a click; the input is emptied after each choice so picking
 * the same file again fires again.
 */
export function FilePicker({ children, accept, busy = false, primary = false, testId, onFiles }: {
  children: ReactNode;
  accept: string;
  busy?: boolean;
  primary?: boolean;
  testId?: string;
  onFiles: (files: File[]) => void;
}) {
  return (
    <label className={`file-button${primary ? ' primary' : ''}${busy ? ' disabled' : ''}`} tabIndex={0}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          e.currentTarget.querySelector('input')?.click();
        }
      }}>
      {children}
      <input type="file" accept={accept} multiple disabled={busy} data-testid={testId}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length > 0) onFiles(files);
        }} />
    </label>
  );
}
