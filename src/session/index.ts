/**
 * The open map's React binding: what canvas, presence and features read the map through.
 * Below it only the model and sync; nothing here imports a feature, the canvas or the app.
 */
export * from './context';
export * from './useSnapshot';
export * from './useRoot';
export * from './useOpenMap';
export * from './useConnectionStatus';
export * from './useUndoState';
export * from './navigation';
export * from './identity';
export * from './slices/session';
export * from './slices/overlay';
export * from './slices/presence';
export * from './slices/detail';
export * from './store';
export * from './useSlice';
export * from './slices';
export * from './shortcuts';
export * from './registry';
