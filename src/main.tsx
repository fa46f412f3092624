import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';
import './i18n';
import { App, loadMapPage } from './app/App';
import { parseRoute } from './app/route';

// A map link: fetch the map page's chunks while React starts, not after the first render.
if (parseRoute(location).name === 'map') void loadMapPage();

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// Offline app (service worker, update prompt): after the first render, in a chunk of its own.
void import('./features/offline/register').then((m) => m.registerOffline());
