import { ReactFlowProvider } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { Canvas } from '../canvas/Canvas';
import { ErrorToast } from './ErrorToast';
import { MapContext } from './MapContext';
import { PanelButtons, SidePanel } from './SidePanel';
import { Toolbar } from './Toolbar';
import { useOpenMap } from './useOpenMap';
import { useShortcuts } from './useShortcuts';

function MapScreen() {
  useShortcuts();
  return (
    <div className="map-page">
      <Toolbar>
        <PanelButtons />
      </Toolbar>
      <main className="map-main">
        <Canvas />
        <SidePanel />
      </main>
      <ErrorToast />
    </div>
  );
}

export function MapPage({ mapId, canEdit }: { mapId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const session = useOpenMap(mapId, canEdit);
  if (!session) return <div className="loading" role="status">{t('app.name')}…</div>;
  return (
    <MapContext.Provider value={session}>
      <ReactFlowProvider>
        <MapScreen />
      </ReactFlowProvider>
    </MapContext.Provider>
  );
}
