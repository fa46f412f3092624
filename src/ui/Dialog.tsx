import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  testId?: string;
}

/** A modal dialog: Esc or a click outside closes it, focus goes in and comes back after. */
export function Dialog({ title, onClose, children, className, testId }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    // The chosen element if any, else the dialog itself, so a long dialog opens at its top.
    const chosen = ref.current?.querySelector<HTMLElement>('[autofocus], [data-autofocus]');
    (chosen ?? ref.current)?.focus();
    return () => before?.focus?.();
  }, []);
  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div
        ref={ref}
        tabIndex={-1}
        className={`dialog ${className ?? ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <h2>{title}</h2>
        {children}
      </div>
    </div>
  );
}
