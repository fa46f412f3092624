import {
  Background, Controls, MiniMap, ReactFlow, applyEdgeChanges, applyNodeChanges, useReactFlow,
  type Connection, type EdgeChange, type NodeChange, type OnSelectionChangeParams,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addLink, ModelError, moveFactors, removeElements } from '../model';
import { useCanvasContributions, useMapSession, useOverlay, usePresence, useSession, useSnapshot } from '../session';
import { EmptyState } from './EmptyState';
import { FactorNode } from './FactorNode';
import { LinkEdge } from './LinkEdge';
import { addFactorAt } from './newFactor';
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
// A map of two factors should not open at 400 %.
const FIT_VIEW = { maxZoom: 1, padding: 0.15 };

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

  const onDoubleClick = useCallback(
    (e: MouseEvent) => {
      if (!canEdit || !(e.target as Element).classList.contains('react-flow__pane')) return;
      setEditing(addFactorAt(doc, flow, { x: e.clientX, y: e.clientY }, t('canvas.newFactor')));
    },
    [canEdit, doc, flow, setEditing, t],
  );

  return (
    <div
      className="canvas"
      onDoubleClick={onDoubleClick}
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
        onNodeDragStop={onNodeDragStop}
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
        {layers.map(({ id, component: Layer }) => <Layer key={id} />)}
      </ReactFlow>
      {snap.factors.length === 0 && <EmptyState canEdit={canEdit} />}
    </div>
  );
}
