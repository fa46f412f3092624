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
// Workshop parts; exported here so that importing the model registers the hooks that drop
// citations and view factors with a removed story, factor or link.
export * from './icons';
export * from './stories';
export * from './citations';
export * from './views';
export * from './votes';
export * from './groups';
