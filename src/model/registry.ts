import type * as Y from 'yjs';
import type { JsonSection } from './io/json-sections';
import { silent, type Warn } from './log';

/**
 * What the model is wired with: the parts that go with a removed factor, link or story, the
 * sections of the JSON file, and the logger. Filled by one call, installModel (install.ts), in
 * an order that can be read there and checked by a test; nothing registers itself on import.
 */
export type FactorsRemovedHook = (doc: Y.Doc, factorIds: ReadonlySet<string>) => void;
export type LinksRemovedHook = (doc: Y.Doc, linkIds: ReadonlySet<string>) => void;
export type StoryRemovedHook = (doc: Y.Doc, storyId: string) => void;

/** Keys of the JSON file that belong to the core format, never a section's. */
export const CORE_JSON_KEYS: ReadonlySet<string> = new Set(['format', 'schemaVersion', 'meta', 'factors', 'links']);

export interface RemovalCascade {
  readonly factors: readonly FactorsRemovedHook[];
  readonly links: readonly LinksRemovedHook[];
  readonly story: readonly StoryRemovedHook[];
}

export class ModelRegistry {
  /** The logger readers use when their caller gives none. */
  warn: Warn = silent;
  private installed = false;
  private readonly factorHooks: FactorsRemovedHook[] = [];
  private readonly linkHooks: LinksRemovedHook[] = [];
  private readonly storyHooks: StoryRemovedHook[] = [];
  private readonly sections = new Map<string, JsonSection>();

  get isInstalled(): boolean {
    return this.installed;
  }

  /** Called by installModel once everything is registered. */
  markInstalled(): void {
    this.installed = true;
  }

  onFactorsRemoved(hook: FactorsRemovedHook): void {
    this.factorHooks.push(hook);
  }

  onLinksRemoved(hook: LinksRemovedHook): void {
    this.linkHooks.push(hook);
  }

  onStoryRemoved(hook: StoryRemovedHook): void {
    this.storyHooks.push(hook);
  }

  /**
   * The hooks a removal runs in its own transaction. Asked for before anything is written:
   * removing without them would leave citations and view entries pointing at nothing.
   */
  cascade(): RemovalCascade {
    this.requireInstalled();
    return { factors: this.factorHooks, links: this.linkHooks, story: this.storyHooks };
  }

  /** A section is written under its name; sections import in registration order. */
  registerJsonSection<T>(name: string, section: JsonSection<T>): void {
    if (CORE_JSON_KEYS.has(name)) throw new Error(`'${name}' is part of the core JSON format`);
    this.sections.set(name, section as JsonSection);
  }

  unregisterJsonSection(name: string): void {
    this.sections.delete(name);
  }

  /**
   * In registration order. Refused before installModel: a file written or read without its
   * sections would quietly lose the map's stories, votes and the rest.
   */
  jsonSections(): ReadonlyMap<string, JsonSection> {
    this.requireInstalled();
    return this.sections;
  }

  private requireInstalled(): void {
    if (!this.installed) {
      throw new Error('The Trame model is not installed: call installModel() first (src/model/install.ts)');
    }
  }
}

/** The registry the operations and the file formats use. */
export const modelRegistry = new ModelRegistry();
