import { useEffect } from 'react';
import { useSession } from '../session';

const TOAST_MS = 5000;

export function ErrorToast() {
  const error = useSession((s) => s.error);
  const showError = useSession((s) => s.showError);
  useEffect(() => {
    if (!error) return undefined;
    const timer = setTimeout(() => showError(null), TOAST_MS);
    return () => clearTimeout(timer);
  }, [error, showError]);
  if (!error) return null;
  return (
    <div className="toast" role="alert" onClick={() => showError(null)}>
      {error}
    </div>
  );
}
