import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocationKey } from '../session/navigation';
import { Home } from './Home';
import { loadModel } from './loadModel';
import { parseRoute } from './route';

/**
 * The map page (React Flow, Yjs, the canvas and the features' manifests) is a chunk of its
 * own: the home page shows without it, and a map link starts loading it at once (main.tsx).
 */
export const loadMapPage = () => Promise.all([import('./MapPage'), loadModel()]).then(([m]) => ({ default: m.MapPage }));
const MapPage = lazy(loadMapPage);

function Loading() {
  const { t } = useTranslation();
  return <div className="page-loading" role="status">{t('app.loading')}</div>;
}

export function App() {
  useLocationKey();
  const route = parseRoute(location);
  if (route.name === 'map') {
    return (
      <Suspense fallback={<Loading />}>
        <MapPage key={`${route.mapId}:${route.access}`} mapId={route.mapId} token={route.token} canEdit={route.access === 'edit'} />
      </Suspense>
    );
  }
  return <Home />;
}
