import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import './i18n';
import { App } from './app/App';
import { installModel } from './model';

// The model's wiring (removal cascade, JSON sections), once, before any map is opened or imported.
installModel({ warn: (m) => console.warn(`[trame] ${m}`) });

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// Offline app (service worker, update prompt): after the first render, in a chunk of its own.
void import('./features/offline/register').then((m) => m.registerOffline());
