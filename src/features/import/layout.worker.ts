import { layoutMap, runTidy, type LayoutFactor, type LayoutLink, type TidyPlan } from '../../model/layout';
import { serveJobs, webWorkerScope } from '../../model/worker';

/**
 * The layout engine off the page's thread (issue 12): "Ranger" and imports send plain data
 * here, so a 1,000-factor map laid out for seconds never freezes the canvas. The jobs are
 * typed in layoutJobs.ts.
 */
export const layoutJobs = {
  tidy: (plan: TidyPlan) => runTidy(plan),
  layout: ({ factors, links }: { factors: readonly LayoutFactor[]; links: readonly LayoutLink[] }) => [...layoutMap(factors, links)],
};

serveJobs(webWorkerScope(self), layoutJobs);
