import { Position, useNodeId, useStoreApi, type Connection } from '@xyflow/react';
import { XYHandle } from '@xyflow/system';
import { createContext, memo, useContext, type MouseEvent, type TouchEvent } from 'react';
import type { FactorNodeType, LinkEdgeType } from './types';

/**
 * Whether a link is being drawn, from one subscription in the canvas for every box. Each box
 * subscribing to React Flow's store itself re-ran a thousand selectors on every frame of a pan.
 */
export const ConnectingContext = createContext(false);
export const useConnecting = () => useContext(ConnectingContext);

type OnPointerDownParams = Parameters<typeof XYHandle.onPointerDown>[1];

interface Props {
  type: 'source' | 'target';
  /** The user may edit: a viewer's handles take no pointer events (React Flow's isConnectable). */
  connectable: boolean;
  /** A press here starts a link (React Flow's isConnectableStart). */
  connectableStart: boolean;
}

/**
 * A factor's link handle: the element React Flow's <Handle> renders (its classes and data
 * attributes, from which React Flow measures a node's handles and finds the one under the
 * pointer while a link is drawn), and a press that starts a link through the same XYHandle
 * call, without <Handle>'s store subscription. Every <Handle> re-checks the store on each store
 * update, so on each frame of a pan two per box ran; this one reads the store only when
 * pressed. The one thing left out is <Handle>'s click-to-connect (a click on a rim, then on
 * another box), which nothing here offers: a link is drawn by pressing and dragging.
 */
function FactorHandleView({ type, connectable, connectableStart }: Props) {
  const store = useStoreApi<FactorNodeType, LinkEdgeType>();
  const nodeId = useNodeId();
  const connecting = useConnecting();
  // Fixed for the life of the flow (React Flow's HandleConfigProvider reads them once too).
  const { rfId, noPanClassName } = store.getState();
  const isTarget = type === 'target';
  const position = isTarget ? Position.Left : Position.Right;
  // As <Handle> computes it: while a link is drawn any handle can end it (strict mode, from a
  // source to a target), otherwise only one that starts links takes a press.
  const indicator = connectable && (connecting ? isTarget : connectableStart);

  const onPointerDown = (event: MouseEvent | TouchEvent) => {
    const native = event.nativeEvent;
    if (!nodeId || !connectable || !connectableStart) return;
    if ('button' in native && native.button !== 0) return;
    const s = store.getState();
    const params: OnPointerDownParams = {
      handleDomNode: event.currentTarget,
      autoPanOnConnect: s.autoPanOnConnect,
      connectionMode: s.connectionMode,
      connectionRadius: s.connectionRadius,
      domNode: s.domNode,
      nodeLookup: s.nodeLookup as unknown as OnPointerDownParams['nodeLookup'],
      lib: s.lib,
      isTarget,
      handleId: null,
      nodeId,
      flowId: s.rfId,
      panBy: s.panBy,
      cancelConnection: s.cancelConnection,
      onConnectStart: s.onConnectStart,
      onConnectEnd: (...args) => store.getState().onConnectEnd?.(...(args as Parameters<NonNullable<typeof s.onConnectEnd>>)),
      updateConnection: s.updateConnection as unknown as OnPointerDownParams['updateConnection'],
      // What <Handle>'s onConnectExtended does when the flow's links are controlled.
      onConnect: (c: Connection) => {
        const now = store.getState();
        now.onConnect?.({ ...now.defaultEdgeOptions, ...c });
      },
      isValidConnection: (c) => store.getState().isValidConnection?.(c as Connection) ?? true,
      getTransform: () => store.getState().transform,
      getFromHandle: () => store.getState().connection.fromHandle,
      autoPanSpeed: s.autoPanSpeed,
      dragThreshold: s.connectionDragThreshold,
    };
    XYHandle.onPointerDown(native, params);
  };

  return (
    <div
      data-nodeid={nodeId ?? undefined}
      data-handlepos={position}
      data-id={`${rfId}-${nodeId}-null-${type}`}
      className={[
        'react-flow__handle', `react-flow__handle-${position}`, 'nodrag', noPanClassName, 'factor-handle', type,
        connectable ? 'connectable' : '', connectableStart ? 'connectablestart' : '', 'connectableend',
        indicator ? 'connectionindicator' : '',
      ].filter(Boolean).join(' ')}
      onMouseDown={onPointerDown}
      onTouchStart={onPointerDown}
    />
  );
}

export const FactorHandle = memo(FactorHandleView);
