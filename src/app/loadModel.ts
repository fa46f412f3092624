let loading: Promise<void> | null = null;

/**
 * The model's wiring (removal cascade, JSON sections), loaded and installed once, by the first
 * page that needs it: the map page, or the home page's "open a map file". The home page alone
 * never loads it, so a first visit downloads neither Yjs nor React Flow before it can show the
 * list of maps. Only install.ts is imported here: a namespace import of the model's index would
 * keep every export of it in the bundle.
 */
export function loadModel(): Promise<void> {
  loading ??= import('../model/install').then(({ installModel }) => {
    installModel({ warn: (m) => console.warn(`[trame] ${m}`) });
  });
  return loading;
}
