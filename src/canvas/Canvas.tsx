import { Background, Controls, MiniMap, ReactFlow, applyEdgeChanges, applyNodeChanges, useReactFlow, type Connection, type EdgeChange, type NodeChange, type OnSelectionChangeParams, type Viewport } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapSession, useOverlay, usePresence, useSession, useSnapshot } from '../session';
import { addFactor, addLink, ModelError, moveFactors, removeElements } from '../model';
import { EmptyState } from './EmptyState';
import { FactorNode } from './FactorNode';
import { LinkEdge } from './LinkEdge';
// eslint-disable-next-line trame/layers -- goes with the canvas and shortcut registries (#15, next landing)
import { PresenceCursors } from '../presence/PresenceCursors';
// eslint-disable-next-line trame/layers -- goes with the canvas and shortcut registries (#15, next landing)
import { usePublishPresence } from '../presence/usePublishPresence';
import { CanvasMarkers } from './CanvasMarkers';
import { overlayEdges, overlayNodes, reconcileEdges, reconcileNodes, withRemoteDrags } from './reconcile';
import { useFitOnFirstContent } from './useFitOnFirstContent';
import { ZoomScale } from './ZoomScale';
import type { FactorNodeType, LinkEdgeType } from './types';

// Module level so React Flow never sees new type maps and re-mounts every node.
const nodeTypes = { factor: FactorNode };
const edgeTypes = { link: LinkEdge };
const DELETE_KEYS = ['Delete', 'Backspace'];
const MULTI_SELECT_KEYS = ['Meta', 'Control'];
const PRO_OPTIONS = { hideAttribution: true };
const NEW_FACTOR_HALF = { x: 80, y: 20 };
// A map of two factors should not open at 400 %.
const FIT_VIEW = { maxZoom: 1, padding: 0.15 };

export function Canvas() {
  const { t } = useTranslation();
  const { doc, canEdit, awareness, undo } = useMapSession();
  // Destructured: the object is new on every render, the callbacks in it are stable.
  const { onDrag, onDragEnd, onViewport, onPointerMove, onPointerLeave } = usePublishPresence(awareness);
  const snap = useSnapshot();
  const flow = useReactFlow();
  const setSelection = useSession((s) => s.setSelection);
  const setEditing = useSession((s) => s.setEditing);
  const showError = useSession((s) => s.showError);
  const [nodes, setNodes] = useState<FactorNodeType[]>([]);
  const [edges, setEdges] = useState<LinkEdgeType[]>([]);
  useFitOnFirstContent(snap.factors.length, undo, FIT_VIEW);

  useEffect(() => setNodes((prev) => reconcileNodes(prev, snap.factors)), [snap.factors]);
  useEffect(() => setEdges((prev) => reconcileEdges(prev, snap.links)), [snap.links]);
  const emphasis = useOverlay((s) => s.emphasis);
  const hidden = useOverlay((s) => s.hidden);
  const remoteDrag = usePresence((s) => s.remoteDrag);
  const shownNodes = useMemo(
    () => withRemoteDrags(overlayNodes(nodes, { emphasis, hidden }), remoteDrag),
    [nodes, emphasis, hidden, remoteDrag],
  );
  const shownEdges = useMemo(() => overlayEdges(edges, { emphasis, hidden }), [edges, emphasis, hidden]);

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

  const onNodeDragStop = useCallback(
    (_e: unknown, _n: unknown, dragged: FactorNodeType[]) => {
      moveFactors(doc, dragged.map((n) => ({ id: n.id, x: Math.round(n.position.x), y: Math.round(n.position.y) })));
      onDragEnd();
    },
    [doc, onDragEnd],
  );
  const onNodeDrag = useCallback(
    (_e: unknown, _n: unknown, dragged: FactorNodeType[]) => onDrag(dragged),
    [onDrag],
  );

  // Every prop handed to <ReactFlow> must keep its identity: React Flow copies changed props
  // into its store, and each store update re-runs the selectors of every node and link.
  const onMoveEnd = useCallback((_e: unknown, vp: Viewport) => onViewport(vp), [onViewport]);

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

  const onDoubleClick = useCallback(
    (e: MouseEvent) => {
      if (!canEdit || !(e.target as Element).classList.contains('react-flow__pane')) return;
      const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const id = addFactor(doc, {
        label: t('canvas.newFactor'),
        x: Math.round(p.x - NEW_FACTOR_HALF.x),
        y: Math.round(p.y - NEW_FACTOR_HALF.y),
      });
      setEditing(id);
    },
    [canEdit, doc, flow, setEditing, t],
  );

  return (
    <div
      className="canvas"
      onDoubleClick={onDoubleClick}
      onPointerMove={onPointerMove}
      onPointerLeave={onPointerLeave}
      data-testid="canvas"
    >
      <ReactFlow
        nodes={shownNodes}
        edges={shownEdges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onSelectionChange={onSelectionChange}
        onNodeDrag={onNodeDrag}
        onNodeDragStop={onNodeDragStop}
        onMoveEnd={onMoveEnd}
        onConnect={onConnect}
        onDelete={onDelete}
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
      >
        <Background gap={24} />
        <Controls showInteractive={false} />
        <MiniMap pannable zoomable ariaLabel={t('canvas.minimap')} nodeColor="#90a4ae" maskColor="rgba(240,242,245,0.6)" />
        <CanvasMarkers />
        <ZoomScale />
        <PresenceCursors />
      </ReactFlow>
      {snap.factors.length === 0 && <EmptyState canEdit={canEdit} />}
    </div>
  );
}
