/** Loaded on demand (`await import('…/model/layout')`): it brings dagre with it. */
export {
  estimateFactorSize, layoutMap, type LayoutFactor, type LayoutLink, type LayoutOptions, type Position, type Size,
} from './layout';
export { CANVAS_BOX, factorBoxSize, PROJECTOR_BOX, type BoxStyle } from './label-size';
export { FULL_HD, measureLayout, type LayoutQuality, type PlacedBox, type Screen } from './quality';
export { tidyUp } from './tidy';
export { runTidy } from './tidy';
export { applyTidy, placedByHand, planTidy, type TidyMode, type TidyPlan } from './tidy-plan';
