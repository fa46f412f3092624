import * as Y from 'yjs';
import { factorsOf, linksOf, metaOf } from '../doc';
import { themesOf } from '../themes';
import { plainValue, type HistoryEntry, type HistoryKind } from './entry';
import { creatorOf, soleWriterOf, writerOfKey } from './writers';

/** Entries kept; older ones drop off (the panel shows recent changes, not an archive). */
export const MAX_HISTORY_ENTRIES = 500;

/** Fields that are layout, not content: moving factors is not listed. */
const UNLISTED_FIELDS: ReadonlySet<string> = new Set(['x', 'y']);

export interface HistoryOptions {
  /** The client ids this person wrote with (this session's and earlier ones, offline edits). */
  readonly isMine: (client: number) => boolean;
  /** The name presence shows for a client now, if any. */
  readonly nameOf: (client: number) => string | undefined;
  readonly now?: () => number;
  readonly max?: number;
}

interface Pending {
  kind: HistoryKind;
  id: string;
  action: HistoryEntry['action'];
  label: string;
  field?: string;
  before?: HistoryEntry['before'];
  after?: HistoryEntry['after'];
  client: number | null;
  along?: number;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * Recent changes to a map and who made them, as this device saw them arrive: factors and
 * links added, removed and edited, themes, the title. Starts quiet (call start() once the map
 * is loaded and synced, or the whole map would show as just added) and keeps its label index
 * up to date meanwhile, so a removal can still name what it removed.
 */
export class HistoryTracker {
  private readonly entries: HistoryEntry[] = [];
  private readonly listeners = new Set<(entries: readonly HistoryEntry[]) => void>();
  private readonly labels = new Map<string, string>();
  private readonly ends = new Map<string, { source: string; target: string }>();
  private readonly themeNames = new Map<string, string>();
  private readonly names = new Map<number, string>();
  private pending: Pending[] = [];
  private seq = 0;
  private tracking = false;
  private readonly off: (() => void)[] = [];

  constructor(private readonly doc: Y.Doc, private readonly opts: HistoryOptions) {
    factorsOf(doc).forEach((m, id) => this.labels.set(id, m instanceof Y.Map ? str(m.get('label')) : ''));
    linksOf(doc).forEach((m, id) => this.rememberEnds(id, m));
    themesOf(doc).forEach((m, id) => this.themeNames.set(id, m instanceof Y.Map ? str(m.get('name')) : ''));
    this.observe(factorsOf(doc), (events, tr) => this.onFactors(events, tr));
    this.observe(linksOf(doc), (events, tr) => this.onLinks(events, tr));
    this.observe(themesOf(doc), (events, tr) => this.onThemes(events, tr));
    const onMeta = (e: Y.YMapEvent<unknown>, tr: Y.Transaction) => this.onMeta(e, tr);
    metaOf(doc).observe(onMeta);
    this.off.push(() => metaOf(doc).unobserve(onMeta));
    const onAfter = (tr: Y.Transaction) => this.flush(tr);
    doc.on('afterTransaction', onAfter);
    this.off.push(() => doc.off('afterTransaction', onAfter));
  }

  /** From now on changes are listed. */
  start(): void {
    this.tracking = true;
  }

  get list(): readonly HistoryEntry[] {
    return this.entries;
  }

  /** The people who appear in the list, by name, for the filter. */
  people(): string[] {
    return [...new Set(this.entries.map((e) => e.person).filter((p): p is string => p !== null))].sort();
  }

  /** Entries by one person (by name: one person may have used several clients), newest first. */
  byPerson(name: string | null): HistoryEntry[] {
    return this.entries.filter((e) => name === null || e.person === name).reverse();
  }

  /**
   * Tells the tracker a client's name (from presence). Entries of that client that had no name
   * yet get it: someone who edited offline shows up in presence only after their edits.
   */
  learnName(client: number, name: string): void {
    if (name === '' || this.names.get(client) === name) return;
    this.names.set(client, name);
    let changed = false;
    this.entries.forEach((e, i) => {
      if (e.client === client && e.person === null) {
        this.entries[i] = { ...e, person: name };
        changed = true;
      }
    });
    if (changed) this.emit();
  }

  subscribe(fn: (entries: readonly HistoryEntry[]) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  destroy(): void {
    this.off.forEach((f) => f());
    this.listeners.clear();
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the roots' value types differ
  private observe(root: Y.Map<any>, fn: (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => void): void {
    root.observeDeep(fn);
    this.off.push(() => root.unobserveDeep(fn));
  }

  private rememberEnds(id: string, m: unknown): void {
    if (!(m instanceof Y.Map)) return;
    this.ends.set(id, { source: str(m.get('source')), target: str(m.get('target')) });
  }

  private linkLabel(id: string): string {
    const e = this.ends.get(id);
    return e ? `${this.labels.get(e.source) ?? ''} → ${this.labels.get(e.target) ?? ''}` : '';
  }

  /** The author of a value written now, or of a deletion (see writers.ts). */
  private author(tr: Y.Transaction, written: number | null): number | null {
    if (tr.local) return this.doc.clientID;
    return written ?? soleWriterOf(tr);
  }

  private fieldEvents(
    kind: HistoryKind, e: Y.YEvent<Y.AbstractType<unknown>>, tr: Y.Transaction, label: (id: string) => string,
  ): void {
    const target = e.target as Y.Map<unknown>;
    const id = target._item?.parentSub;
    if (typeof id !== 'string') return;
    for (const [field, ch] of (e as Y.YMapEvent<unknown>).changes.keys) {
      if (UNLISTED_FIELDS.has(field)) continue;
      const after = ch.action === 'delete' ? undefined : plainValue(target.get(field));
      this.pending.push({
        kind, id, action: 'edited', label: label(id), field, before: plainValue(ch.oldValue), after,
        client: this.author(tr, ch.action === 'delete' ? null : writerOfKey(target, field)),
      });
    }
  }

  private onFactors(events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction): void {
    const root = factorsOf(this.doc);
    for (const e of events) {
      if (e.target !== root) {
        // Named before the label is updated, so a rename reads "Corruption" → "Racket".
        this.fieldEvents('factor', e, tr, (id) => this.labels.get(id) ?? '');
        continue;
      }
      for (const [id, ch] of (e as Y.YMapEvent<unknown>).changes.keys) {
        const m = root.get(id);
        if (ch.action === 'delete') {
          this.pending.push({ kind: 'factor', id, action: 'removed', label: this.labels.get(id) ?? '', client: this.author(tr, null) });
        } else {
          const label = m instanceof Y.Map ? str(m.get('label')) : '';
          this.pending.push({ kind: 'factor', id, action: 'added', label, client: this.author(tr, m instanceof Y.Map ? creatorOf(m) : null) });
        }
      }
    }
  }

  private onLinks(events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction): void {
    const root = linksOf(this.doc);
    for (const e of events) {
      if (e.target !== root) {
        this.fieldEvents('link', e, tr, (id) => this.linkLabel(id));
        continue;
      }
      for (const [id, ch] of (e as Y.YMapEvent<unknown>).changes.keys) {
        const m = root.get(id);
        if (ch.action !== 'delete') this.rememberEnds(id, m);
        this.pending.push({
          kind: 'link', id, action: ch.action === 'delete' ? 'removed' : 'added', label: this.linkLabel(id),
          client: this.author(tr, ch.action === 'delete' || !(m instanceof Y.Map) ? null : creatorOf(m)),
        });
      }
    }
  }

  private onThemes(events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction): void {
    const root = themesOf(this.doc);
    for (const e of events) {
      if (e.target !== root) {
        this.fieldEvents('theme', e, tr, (id) => this.themeNames.get(id) ?? '');
        continue;
      }
      for (const [id, ch] of (e as Y.YMapEvent<unknown>).changes.keys) {
        const m = root.get(id);
        const name = m instanceof Y.Map ? str(m.get('name')) : (this.themeNames.get(id) ?? '');
        this.pending.push({
          kind: 'theme', id, action: ch.action === 'delete' ? 'removed' : 'added', label: name,
          client: this.author(tr, ch.action === 'delete' || !(m instanceof Y.Map) ? null : creatorOf(m)),
        });
      }
    }
  }

  private onMeta(e: Y.YMapEvent<unknown>, tr: Y.Transaction): void {
    const ch = e.changes.keys.get('title');
    if (!ch) return;
    const title = plainValue(metaOf(this.doc).get('title'));
    this.pending.push({
      kind: 'map', id: 'title', action: 'edited', label: typeof title === 'string' ? title : '', field: 'title',
      before: plainValue(ch.oldValue), after: title,
      client: this.author(tr, writerOfKey(metaOf(this.doc), 'title')),
    });
  }

  /** Folds the links a removed factor took along into its line, then lists the transaction. */
  private fold(pending: Pending[]): Pending[] {
    const removedFactors = new Set(pending.filter((p) => p.kind === 'factor' && p.action === 'removed').map((p) => p.id));
    const along = new Map<string, number>();
    const kept = pending.filter((p) => {
      if (p.kind !== 'link' || p.action !== 'removed') return true;
      const e = this.ends.get(p.id);
      const owner = e && (removedFactors.has(e.source) ? e.source : removedFactors.has(e.target) ? e.target : null);
      if (!owner) return true;
      along.set(owner, (along.get(owner) ?? 0) + 1);
      return false;
    });
    // A factor added with its label in one transaction is one line, not "added" then "label set".
    const addedHere = new Set(kept.filter((p) => p.action === 'added').map((p) => `${p.kind}:${p.id}`));
    return kept
      .filter((p) => p.action !== 'edited' || !addedHere.has(`${p.kind}:${p.id}`))
      .map((p) => (along.has(p.id) && p.kind === 'factor' ? { ...p, along: along.get(p.id) } : p));
  }

  private flush(tr: Y.Transaction): void {
    const pending = this.pending;
    this.pending = [];
    if (pending.length === 0) return;
    const listed = this.tracking ? this.fold(pending) : [];
    this.updateIndex(pending);
    if (listed.length === 0) return;
    const at = (this.opts.now ?? Date.now)();
    for (const p of listed) {
      const person = p.client === null ? null : (this.opts.nameOf(p.client) ?? this.names.get(p.client) ?? null);
      if (p.client !== null && person !== null) this.names.set(p.client, person);
      const mine = tr.local || (p.client !== null && this.opts.isMine(p.client));
      this.entries.push({ ...p, seq: ++this.seq, at, mine, person });
    }
    const max = this.opts.max ?? MAX_HISTORY_ENTRIES;
    if (this.entries.length > max) this.entries.splice(0, this.entries.length - max);
    this.emit();
  }

  private updateIndex(pending: readonly Pending[]): void {
    for (const p of pending) {
      if (p.kind === 'factor') {
        if (p.action === 'removed') this.labels.delete(p.id);
        else {
          const m = factorsOf(this.doc).get(p.id);
          this.labels.set(p.id, m instanceof Y.Map ? str(m.get('label')) : '');
        }
      } else if (p.kind === 'link' && p.action === 'removed') {
        this.ends.delete(p.id);
      } else if (p.kind === 'theme') {
        const m = themesOf(this.doc).get(p.id);
        if (m instanceof Y.Map) this.themeNames.set(p.id, str(m.get('name')));
        else this.themeNames.delete(p.id);
      }
    }
  }

  private emit(): void {
    const snapshot = [...this.entries];
    this.listeners.forEach((fn) => fn(snapshot));
  }
}
