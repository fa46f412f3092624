/** Loaded on demand (`await import('…/model/layout')`): it brings dagre with it. */
export {
  DAGRE_MAX_FACTORS, DAGRE_MAX_LINKS, estimateFactorSize, layoutMap, type LayoutFactor, type LayoutLink, type LayoutOptions, type Position, type Size,
} from './layout';
export { tidyUp } from './tidy';
