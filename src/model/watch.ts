import type * as Y from 'yjs';

/**
 * One subscription to the whole document that tells, per transaction, which root maps it
 * touched. Readers of the smaller maps (themes, stories, votes…) re-read only when their root
 * changed, instead of each observing the document on its own.
 */
export class RootWatcher {
  private versions = new Map<string, number>();
  private listeners = new Map<string, Set<() => void>>();
  private readonly onTransaction: (tr: Y.Transaction) => void;

  constructor(private readonly doc: Y.Doc) {
    this.onTransaction = (tr) => {
      const touched = new Set<string>();
      for (const type of tr.changed.keys()) {
        const name = this.rootName(type as Y.AbstractType<unknown>);
        if (name) touched.add(name);
      }
      for (const name of touched) {
        this.versions.set(name, (this.versions.get(name) ?? 0) + 1);
        this.listeners.get(name)?.forEach((fn) => fn());
      }
    };
    doc.on('afterTransaction', this.onTransaction);
  }

  /** Bumped on every transaction that touched the root: a cheap cache key. */
  version(root: string): number {
    return this.versions.get(root) ?? 0;
  }

  subscribe(root: string, fn: () => void): () => void {
    let set = this.listeners.get(root);
    if (!set) this.listeners.set(root, (set = new Set()));
    set.add(fn);
    return () => set.delete(fn);
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.onTransaction);
    this.listeners.clear();
  }

  private rootName(type: Y.AbstractType<unknown>): string | null {
    let t: Y.AbstractType<unknown> = type;
    while (t._item && t._item.parent) t = t._item.parent as Y.AbstractType<unknown>;
    for (const [name, root] of this.doc.share) if (root === t) return name;
    return null;
  }
}
