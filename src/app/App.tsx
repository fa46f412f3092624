import { Home } from './Home';
import { MapPage } from './MapPage';
import { useLocationKey } from '../session';
import { parseRoute } from './route';

export function App() {
  useLocationKey();
  const route = parseRoute(location);
  if (route.name === 'map') {
    return <MapPage key={`${route.mapId}:${route.access}`} mapId={route.mapId} token={route.token} canEdit={route.access === 'edit'} />;
  }
  return <Home />;
}
