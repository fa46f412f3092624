export * from './schema';
export * from './doc';
export * from './ids';
export * from './ops';
export * from './reader';
export * from './undo';
export { readFactor, readLink, isPolarity, isStrength, type Warn } from './validate';
// Exported here so that importing the model registers the loop annotations' removal hook.
export * from './themes';
export * from './loops';
export * from './watch';
export * from './tokens';
