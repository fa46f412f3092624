import { lazy, memo, Suspense } from 'react';
import type { Factor } from '../../../model';
import type { FactorDecoration } from '../../../session';

// The drawings load with the first factor that has a pictogram, not with the app.
const Pictogram = lazy(() => import('./Pictogram').then((m) => ({ default: m.Pictogram })));

function FactorPictogram({ factor }: { factor: Factor }) {
  if (!factor.icon) return null;
  return (
    <Suspense fallback={null}>
      <Pictogram name={factor.icon} className="factor-icon" />
    </Suspense>
  );
}

/** A factor's pictogram, before its label (issue: participants who do not read). */
export const pictogramDecoration: FactorDecoration = { id: 'pictogram', Icon: memo(FactorPictogram) };
