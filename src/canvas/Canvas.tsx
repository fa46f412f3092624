import {
  Background, ReactFlow, applyEdgeChanges, applyNodeChanges, useReactFlow, useStore, useStoreApi,
  type Connection, type EdgeChange, type NodeChange, type OnSelectionChangeParams, type ReactFlowState,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addLink, ModelError, moveFactors, removeElements, type Link } from '../model';
import {
  useCanvasContributions, useDetail, useMapSession, useOverlay, usePresence, useSession, useSharedViewport, useSnapshot,
} from '../session';
import { ariaLabelConfig, linkNamer } from './ariaLabels';
import { EmptyState } from './EmptyState';
import { ConnectingContext } from './FactorHandle';
import { FactorNode } from './FactorNode';
import { FactorNameContext } from './factorLabel';
import { LinkEdge } from './LinkEdge';
import { DEFAULT_FACTOR_FONT_PX, factorFontPx, labelsReadable, LOD_MIN_FACTORS } from './lod';
import { OverviewLinks } from './OverviewLinks';
import { pickLink, PICK_PX } from './pickLink';
import { addFactorAt } from './newFactor';
import { CanvasMarkers } from './CanvasMarkers';
import { overlayEdges, overlayNodes, reconcileEdges, reconcileNodes, withRemoteDrags, type LinkA11y } from './reconcile';
import { MapControls } from './MapControls';
import { useAfterFactorsShown } from './useAfterFactorsShown';
import { useFitOnFirstContent } from './useFitOnFirstContent';
import { useFullDetailDrawn } from './useFullDetailDrawn';
import { ZoomScale } from './ZoomScale';
import './canvas.css';
import type { FactorNodeType, LinkEdgeType } from './types';

// Module level so React Flow never sees new type maps and re-mounts every node.
const nodeTypes = { factor: FactorNode };
const edgeTypes = { link: LinkEdge };
const DELETE_KEYS = ['Delete', 'Backspace'];
const MULTI_SELECT_KEYS = ['Meta', 'Control'];
const PRO_OPTIONS = { hideAttribution: true };
// A map of two factors should not open at 400 %.
const FIT_VIEW = { maxZoom: 1, padding: 0.15 };
const NO_LINKS: LinkEdgeType[] = [];
const NAME_SLOT = '\u0001';
const NO_DRAGS: ReadonlyMap<string, { x: number; y: number }> = new Map();
const connectionInProgress = (s: ReactFlowState) => s.connection.inProgress;

export function Canvas() {
  const { t } = useTranslation();
  const { doc, canEdit, undo } = useMapSession();
  const { layers } = useCanvasContributions();
  const snap = useSnapshot();
  const flow = useReactFlow();
  const setSelection = useSession((s) => s.setSelection);
  const setEditing = useSession((s) => s.setEditing);
  const showError = useSession((s) => s.showError);
  const [nodes, setNodes] = useState<FactorNodeType[]>([]);
  const [edges, setEdges] = useState<LinkEdgeType[]>([]);
  // A view shared with other canvases (a side-by-side comparison) is framed by its owner, over
  // every canvas's factors: this one's own first fit would frame only its half.
  const shared = useSharedViewport();
  const fitted = useFitOnFirstContent(shared ? 0 : snap.factors.length, undo, FIT_VIEW) || shared !== null;
  const wrapper = useRef<HTMLDivElement>(null);
  // Projector mode sets a larger font: read again after each move.
  const fontPx = useRef(DEFAULT_FACTOR_FONT_PX);
  const readable = useStore(useCallback((s: ReactFlowState) => labelsReadable(s.transform[2], fontPx.current), []));
  // One subscription for every box (FactorHandle.tsx): is a link being drawn?
  const connecting = useStore(connectionInProgress);
  const full = useDetail((s) => s.holds > 0);
  const large = snap.factors.length >= LOD_MIN_FACTORS;
  // Until the first view is set, the zoom is about to change: the overview costs less.
  const overview = large && !full && (!readable || !fitted);
  // Culling once zoomed in: on the overview every box is cheap, and mounting boxes as they
  // enter the view would cost more than it saves.
  const cull = large && !full && fitted && !overview;
  useFullDetailDrawn(full, wrapper);

  // What a screen reader calls a box ("facteur", not React Flow's "node"), in the map's language.
  const factorAttrs = useMemo(() => ({ 'aria-roledescription': t('canvas.a11y.factorRole') }), [t]);
  useEffect(() => setNodes((prev) => reconcileNodes(prev, snap.factors, factorAttrs)), [snap.factors, factorAttrs]);
  // Links are announced by their factors' names, in the map's language.
  const linkAttrs = useMemo(() => ({ 'aria-roledescription': t('canvas.a11y.linkRole') }), [t]);
  const linkName = useMemo(() => linkNamer(t), [t]);
  const linkA11y = useMemo((): LinkA11y => {
    const names = snap.factorById;
    return { label: (l: Link) => linkName(names.get(l.source)?.label, names.get(l.target)?.label), domAttributes: linkAttrs };
  }, [snap.factorById, linkName, linkAttrs]);
  // A large map's links wait until its factors are on screen; an export holding full detail
  // has them at once.
  const factorsShown = useAfterFactorsShown(nodes.length > 0);
  const withLinks = factorsShown || !large || full;
  useEffect(() => {
    if (withLinks) setEdges((prev) => reconcileEdges(prev, snap.links, linkA11y));
  }, [withLinks, snap.links, linkA11y]);
  const ariaLabels = useMemo(() => ariaLabelConfig(t), [t]);
  const emphasis = useOverlay((s) => s.emphasis);
  const hidden = useOverlay((s) => s.hidden);
  const factorClasses = useOverlay((s) => s.factorClasses);
  const linkClasses = useOverlay((s) => s.linkClasses);
  // The presence slice makes a new map on every awareness change (pointers move all the
  // time): an empty one is one value, so a pan with no peer dragging renders no canvas.
  const remoteDrag = usePresence((s) => (s.remoteDrag.size === 0 ? NO_DRAGS : s.remoteDrag));
  const shownNodes = useMemo(
    () => withRemoteDrags(overlayNodes(nodes, { emphasis, hidden, classes: factorClasses }), remoteDrag),
    [nodes, emphasis, hidden, factorClasses, remoteDrag],
  );
  const shownEdges = useMemo(
    () => overlayEdges(edges, { emphasis, hidden, classes: linkClasses }),
    [edges, emphasis, hidden, linkClasses],
  );
  // The overview hands React Flow only the selected links (they show their selection and take
  // clicks); the rest are on its canvas. React Flow keeps a wrapper and store subscriptions for
  // every link it is given, hidden or not, and runs them on every frame of a pan.
  const flowEdges = useMemo(
    () => (overview ? shownEdges.filter((e) => e.selected && !e.hidden) : shownEdges),
    [overview, shownEdges],
  );
  const overviewLinks = useMemo(
    () => (overview ? shownEdges.filter((e) => !e.hidden && !e.selected) : NO_LINKS),
    [overview, shownEdges],
  );

  // While the view is dragged, the viewport is a layer of its own: each frame moves pixels
  // already drawn instead of painting every box again. Not while zooming, where the browser
  // would scale those pixels and blur the labels.
  const onMoveStart = useCallback((e: globalThis.MouseEvent | TouchEvent | null) => {
    if (e && e.type !== 'wheel') wrapper.current?.classList.add('panning');
  }, []);
  const onMoveEnd = useCallback(() => {
    wrapper.current?.classList.remove('panning');
    fontPx.current = factorFontPx(wrapper.current);
  }, []);

  const onNodesChange = useCallback(
    (changes: NodeChange<FactorNodeType>[]) =>
      // Removals go through onDelete (one document transaction); the snapshot then drops them.
      setNodes((nds) => applyNodeChanges(changes.filter((c) => c.type !== 'remove'), nds)),
    [],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange<LinkEdgeType>[]) =>
      setEdges((eds) => applyEdgeChanges(changes.filter((c) => c.type !== 'remove'), eds)),
    [],
  );

  const onSelectionChange = useCallback(
    ({ nodes: n, edges: e }: OnSelectionChangeParams) => setSelection(n.map((x) => x.id), e.map((x) => x.id)),
    [setSelection],
  );

  // Every prop handed to <ReactFlow> must keep its identity: React Flow copies changed props
  // into its store, and each store update re-runs the selectors of every node and link.
  const onNodeDragStop = useCallback(
    (_e: unknown, _n: unknown, dragged: FactorNodeType[]) =>
      moveFactors(doc, dragged.map((n) => ({ id: n.id, x: Math.round(n.position.x), y: Math.round(n.position.y) }))),
    [doc],
  );

  const onConnect = useCallback(
    ({ source, target }: Connection) => {
      if (source === target) return;
      try {
        addLink(doc, { source, target });
      } catch (err) {
        if (err instanceof ModelError && err.code === 'duplicate-link') showError(t('errors.duplicateLink'));
        else if (err instanceof ModelError && err.code === 'self-link') showError(t('errors.selfLink'));
        else throw err;
      }
    },
    [doc, showError, t],
  );

  const onDelete = useCallback(
    ({ nodes: n, edges: e }: { nodes: FactorNodeType[]; edges: LinkEdgeType[] }) =>
      removeElements(doc, n.map((x) => x.id), e.map((x) => x.id)),
    [doc],
  );

  // The overview's links are pixels: a click on the pane near one selects it, as a click on
  // an SVG link would.
  const store = useStoreApi<FactorNodeType, LinkEdgeType>();
  const onPaneClick = useCallback(
    (e: MouseEvent) => {
      if (!overview) return;
      const s = store.getState();
      const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const id = pickLink(overviewLinks, s.nodeLookup, p, PICK_PX / s.transform[2]);
      if (!id) return;
      setEdges((eds) => eds.map((x) => (x.id === id ? { ...x, selected: true } : x.selected ? { ...x, selected: false } : x)));
    },
    [overview, overviewLinks, store, flow],
  );

  // One translation per language, not one per box: i18next's t costs about 0.1 ms a call.
  const factorName = useMemo(() => {
    const [before = '', after = ''] = t('canvas.factor', { label: NAME_SLOT }).split(NAME_SLOT);
    return (label: string) => `${before}${label}${after}`;
  }, [t]);

  const onDoubleClick = useCallback(
    (e: MouseEvent) => {
      if (!canEdit || !(e.target as Element).classList.contains('react-flow__pane')) return;
      setEditing(addFactorAt(doc, flow, { x: e.clientX, y: e.clientY }, t('canvas.newFactor')));
    },
    [canEdit, doc, flow, setEditing, t],
  );

  return (
    <div
      ref={wrapper}
      className={`canvas${large ? ' large' : ''}`}
      onDoubleClick={onDoubleClick}
      data-testid="canvas"
      data-lod={overview ? 'overview' : 'detail'}
      data-links={withLinks ? 'shown' : 'pending'}
    >
      <FactorNameContext.Provider value={factorName}>
        <ConnectingContext.Provider value={connecting}>
        <ReactFlow
          nodes={shownNodes}
          edges={flowEdges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onSelectionChange={onSelectionChange}
          onNodeDragStop={onNodeDragStop}
          onConnect={onConnect}
          onDelete={onDelete}
          onMoveStart={onMoveStart}
          onPaneClick={onPaneClick}
          onMoveEnd={onMoveEnd}
          onlyRenderVisibleElements={cull}
          viewport={shared?.viewport}
          onViewportChange={shared?.onViewportChange}
          nodesDraggable={canEdit}
          nodesConnectable={canEdit}
          deleteKeyCode={canEdit ? DELETE_KEYS : null}
          zoomOnDoubleClick={false}
          selectionOnDrag={false}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          minZoom={0.1}
          maxZoom={4}
          proOptions={PRO_OPTIONS}
          ariaLabelConfig={ariaLabels}
        >
          {/* Dots 24 map units apart are a screen-wide pattern of specks 3 px apart at overview
              zoom, painted again on every frame of a pan: the overview goes without. */}
          {!overview && <Background gap={24} />}
          <MapControls large={large} />
          {overview && <OverviewLinks links={overviewLinks} />}
          <CanvasMarkers />
          <ZoomScale />
          {layers.map(({ id, component: Layer }) => <Layer key={id} />)}
        </ReactFlow>
        </ConnectingContext.Provider>
      </FactorNameContext.Provider>
      {snap.factors.length === 0 && <EmptyState canEdit={canEdit} />}
    </div>
  );
}
