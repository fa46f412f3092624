import '@xyflow/react/dist/style.css';
import { ReactFlowProvider } from '@xyflow/react';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Canvas } from '../canvas/Canvas';
import { SideBySide, useSideBySide, useViewedSession } from '../features/cycles';
import { useWorkshop, workshopSlice } from '../features/workshop/store';
import { bindPresence } from '../presence/bindPresence';
import { NameDialog } from '../presence/NameDialog';
import { PresenceList } from '../presence/PresenceList';
import {
  CanvasContributionsContext, loadUser, MapContext, saveUser, ShortcutsContext, useMapSession, useOpenMap, useSession,
  useShortcutListener, useSliceGetter, useSnapshot, type LocalUser, type MountDef, type Shortcut,
} from '../session';
import { rememberMap } from '../sync';
import { ErrorToast } from './ErrorToast';
import { PanelButtons, SidePanel } from './SidePanel';
import { SyncStatus } from './SyncStatus';
import { Toolbar } from './Toolbar';
import { CANVAS, MOUNTS, SHORTCUTS, SLICES } from './wiring';

// Opened on a click, so loaded on the first one.
const ShareDialog = lazy(() => import('./ShareDialog'));
const ShortcutsHelp = lazy(() => import('./ShortcutsHelp'));

interface Props {
  mapId: string;
  token: string | null;
  canEdit: boolean;
}

/** Each mount loads on its own: one slow chunk holds back nothing else. */
function Mounts({ place }: { place: MountDef['place'] }) {
  return MOUNTS.filter((m) => m.place === place).map(({ id, component: C }) => (
    <Suspense key={id} fallback={null}>
      <C />
    </Suspense>
  ));
}

/**
 * The canvas and its panels, for the live map or for a snapshot shown in its place; `canvas`
 * draws something else where the canvas goes (a comparison side by side).
 */
function MapArea({ canvas }: { canvas?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      {canvas ?? <Canvas />}
      <SidePanel />
      <nav className="panel-rail" aria-label={t('toolbar.panels')}>
        <PanelButtons />
      </nav>
    </>
  );
}

const NO_SHORTCUTS: readonly Shortcut[] = [];

function MapScreen({ token }: { token: string | null }) {
  const { t } = useTranslation();
  const live = useMapSession();
  const { mapId, awareness, canEdit, store } = live;
  // A snapshot or a comparison being looked at (features/cycles): shown read-only in place of the live map.
  const viewed = useViewedSession(live, SLICES);
  const side = useSideBySide();
  const title = useSnapshot().meta.title;
  const [user, setUser] = useState<LocalUser | null>(() => loadUser());
  const [editingMe, setEditingMe] = useState(false);
  const [sharing, setSharing] = useState(false);
  const helpOpen = useSession((s) => s.helpOpen);
  const setHelp = useSession((s) => s.setHelp);
  const following = useWorkshop((s) => s.following);
  const getWorkshop = useSliceGetter(workshopSlice);
  useShortcutListener(viewed ? NO_SHORTCUTS : SHORTCUTS);

  useEffect(() => bindPresence(awareness, store), [awareness, store]);
  useEffect(() => {
    // The id is the one votes record as their opener (votes already hold it): others name the opener by it.
    if (user?.name) awareness.setLocalStateField('user', { id: user.id, name: user.name, color: user.color });
  }, [awareness, user]);
  useEffect(() => {
    rememberMap({ id: mapId, title, access: canEdit ? 'edit' : 'view', token: token ?? '' });
  }, [mapId, title, canEdit, token]);

  const askName = !user?.name || editingMe;
  return (
    <div className="map-page">
      <Toolbar>
        <Mounts place="toolbar" />
        <button type="button" onClick={() => setSharing(true)} data-testid="share">{t('share.button')}</button>
        <button type="button" onClick={() => setHelp(true)} aria-label={t('help.button')} title={t('help.button')}
          data-testid="shortcuts">?</button>
        <SyncStatus />
        {user?.name && (
          <PresenceList me={user} onEditMe={() => setEditingMe(true)} following={following}
            onPeer={(id) => (following === id ? getWorkshop().stopFollowing() : getWorkshop().follow(id))} />
        )}
      </Toolbar>
      <main className="map-main">
        {viewed ? (
          <MapContext.Provider value={viewed}>
            <ReactFlowProvider>
              <MapArea canvas={side ? <Suspense fallback={null}><SideBySide canvas={Canvas} slices={SLICES} /></Suspense> : undefined} />
              {/* What the canvas mounts do for a map (the analysis behind the loops panel…), for the one shown. */}
              <Mounts place="canvas" />
            </ReactFlowProvider>
          </MapContext.Provider>
        ) : <MapArea />}
        <Mounts place="canvas" />
      </main>
      <ErrorToast />
      <Suspense fallback={null}>
        {sharing && <ShareDialog mapId={mapId} token={token} canEdit={canEdit} onClose={() => setSharing(false)} />}
        {helpOpen && <ShortcutsHelp />}
      </Suspense>
      {askName && (
        <NameDialog
          user={user}
          onSave={(u) => {
            setUser(saveUser(u));
            setEditingMe(false);
          }}
          onCancel={user?.name ? () => setEditingMe(false) : undefined}
        />
      )}
    </div>
  );
}

/**
 * One open map: its document, connection, presence and store are made when the page opens
 * it and destroyed when it leaves (App keys this component by map), so no state carries over.
 */
export function MapPage({ mapId, token, canEdit }: Props) {
  const { t } = useTranslation();
  const session = useOpenMap({ mapId, token, canEdit, slices: SLICES });
  if (!session) return <div className="loading" role="status">{t('app.loading')}</div>;
  return (
    <MapContext.Provider value={session}>
      <ShortcutsContext.Provider value={SHORTCUTS}>
        <CanvasContributionsContext.Provider value={CANVAS}>
          <ReactFlowProvider>
            <MapScreen token={token} />
          </ReactFlowProvider>
        </CanvasContributionsContext.Provider>
      </ShortcutsContext.Provider>
    </MapContext.Provider>
  );
}
