import * as Y from 'yjs';
import { change } from './doc';
import { newId } from './ids';
import { ModelError } from './ops';
import { modelRegistry } from './registry';
import {
  isStoryId, MAX_CODE_CHARS, MAX_DATE_CHARS, MAX_LANGUAGE_CHARS, MAX_STORY_FIELD_CHARS, MAX_SUMMARY_CHARS,
  MAX_TAG_CHARS, MAX_TAGS, maxChars, readEntry, ROOT, STORIES_SPEC,
} from './spec';
import type { Warn } from './validate';

/**
 * Stories (issue 7): short excerpts of what people told the research team, kept as evidence
 * for factors and links. A story is known by a code, never by the teller's name:
 * there is deliberately no field for one.
 */
export const STORIES_ROOT = ROOT.stories;

export {
  isStoryId, MAX_CODE_CHARS, MAX_DATE_CHARS, MAX_LANGUAGE_CHARS, MAX_STORY_FIELD_CHARS, MAX_SUMMARY_CHARS,
  MAX_TAG_CHARS, MAX_TAGS,
};

/** What the story form shows next to the code field. */
export const STORY_PRIVACY_REMINDER = {
  fr: 'Utilisez des codes, jamais de vrais noms : ni la personne qui raconte, ni les personnes '
    + 'dont elle parle, ni un détail qui permettrait de les reconnaître.',
  en: 'Use codes, never real names: not the storyteller, not the people they talk about, nor any '
    + 'detail that would let someone recognise them.',
} as const;

/** Optional text fields; absent in the document when empty. */
export const STORY_TEXT_FIELDS = ['summary', 'place', 'date', 'group', 'language'] as const;
export type StoryTextField = (typeof STORY_TEXT_FIELDS)[number];

const FIELD_MAX = Object.fromEntries(
  STORY_TEXT_FIELDS.map((field) => [field, maxChars(STORIES_SPEC.fields, field)]),
) as Record<StoryTextField, number>;

/** A story as the app sees it: validated; absent text fields are ''. */
export interface Story {
  readonly id: string;
  readonly code: string;
  readonly summary: string;
  readonly place: string;
  /** ISO yyyy-mm-dd when known; free text ("saison des pluies 2023") is allowed. */
  readonly date: string;
  /** Who collected it (team or person code). */
  readonly group: string;
  readonly language: string;
  /** Sorted, without duplicates. */
  readonly tags: readonly string[];
}

export type StoryPatch = Partial<Omit<Story, 'id' | 'tags'>> & { tags?: readonly string[] };
export type NewStory = StoryPatch & { code: string; id?: string };

export function storiesOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(STORIES_ROOT);
}

/** Codes compare trimmed and case-insensitively: 'r-012' is 'R-012'. */
export function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}

export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const t of tags) {
    const clean = t.trim().slice(0, MAX_TAG_CHARS);
    if (clean && seen.size < MAX_TAGS) seen.add(clean);
  }
  return [...seen];
}

function cleanCode(code: string): string {
  const clean = code.trim();
  if (!clean) throw new ModelError('missing-code', 'A story needs a code');
  if (clean.length > MAX_CODE_CHARS) {
    throw new ModelError('long-code', `A story code has at most ${MAX_CODE_CHARS} characters`);
  }
  return clean;
}

function codeTaken(doc: Y.Doc, code: string, exceptId?: string): boolean {
  const wanted = normalizeCode(code);
  for (const [id, m] of storiesOf(doc).entries()) {
    if (id === exceptId || !(m instanceof Y.Map)) continue;
    const c = m.get('code');
    if (typeof c === 'string' && normalizeCode(c) === wanted) return true;
  }
  return false;
}

/** Tags are a Y.Map used as a set (tag → true): two people tagging at once both keep theirs. */
function writeTags(m: Y.Map<unknown>, tags: readonly string[]): void {
  let set = m.get('tags');
  if (!(set instanceof Y.Map)) {
    set = new Y.Map<unknown>();
    m.set('tags', set);
  }
  const tagSet = set as Y.Map<unknown>;
  const wanted = new Set(cleanTags(tags));
  for (const t of [...tagSet.keys()]) if (!wanted.has(t)) tagSet.delete(t);
  for (const t of wanted) if (tagSet.get(t) !== true) tagSet.set(t, true);
}

function writeFields(m: Y.Map<unknown>, patch: StoryPatch): void {
  for (const field of STORY_TEXT_FIELDS) {
    const v = patch[field];
    if (v === undefined) continue;
    const clean = v.trim().slice(0, FIELD_MAX[field]);
    if (clean === '') {
      if (m.has(field)) m.delete(field);
    } else if (m.get(field) !== clean) {
      m.set(field, clean);
    }
  }
  if (patch.tags !== undefined) writeTags(m, patch.tags);
}

/**
 * Writes a story inside an open transaction (importers batch many). An importer that has
 * already checked its codes against the map passes codeChecked, sparing a scan per story.
 */
export function putStory(doc: Y.Doc, s: NewStory, opts: { codeChecked?: boolean } = {}): string {
  const code = cleanCode(s.code);
  if (!opts.codeChecked && codeTaken(doc, code)) throw new ModelError('duplicate-code', `The code ${code} is already used`);
  const id = s.id ?? newId();
  if (!isStoryId(id)) throw new ModelError('bad-id', `Bad story id ${id}`);
  if (storiesOf(doc).has(id)) throw new ModelError('duplicate-id', `A story with id ${id} exists`);
  const m = new Y.Map<unknown>();
  storiesOf(doc).set(id, m);
  m.set('code', code);
  // Created with the story, so two peers adding the first tag at once do not race to create it.
  m.set('tags', new Y.Map<unknown>());
  writeFields(m, s);
  return id;
}

/** Adds a story; throws ModelError for a missing, too long or already used code. */
export function addStory(doc: Y.Doc, s: NewStory): string {
  return change(doc, () => putStory(doc, s));
}

/** Edits only the given fields; false when a peer deleted the story meanwhile. */
export function updateStory(doc: Y.Doc, id: string, patch: StoryPatch): boolean {
  return change(doc, () => {
    const m = storiesOf(doc).get(id);
    if (!(m instanceof Y.Map)) return false;
    if (patch.code !== undefined) {
      const code = cleanCode(patch.code);
      if (codeTaken(doc, code, id)) throw new ModelError('duplicate-code', `The code ${code} is already used`);
      if (m.get('code') !== code) m.set('code', code);
    }
    writeFields(m, patch);
    return true;
  });
}

/**
 * Removes a story and, in the same transaction, every citation of it (install.ts), so that
 * one undo brings the story and its citations back.
 */
export function removeStory(doc: Y.Doc, id: string): boolean {
  const cascade = modelRegistry.cascade();
  return change(doc, () => {
    const stories = storiesOf(doc);
    if (!stories.has(id)) return false;
    stories.delete(id);
    cascade.story.forEach((hook) => hook(doc, id));
    return true;
  });
}

function readTags(id: string, v: unknown, warn: Warn): string[] {
  if (v === undefined) return [];
  if (!(v instanceof Y.Map)) {
    warn(`story ${id}: tags are not a map, dropped`);
    return [];
  }
  const tags: string[] = [];
  v.forEach((flag, tag) => {
    if (flag === true && tag.trim() !== '' && tag.length <= MAX_TAG_CHARS) tags.push(tag);
  });
  return tags.sort((a, b) => a.localeCompare(b, 'fr')).slice(0, MAX_TAGS);
}

/** A story as its spec reads it (spec/stories.ts); its tags are a set read here. */
export function readStory(id: string, value: unknown, warn: Warn): Story | null {
  const e = readEntry(STORIES_SPEC, id, value, warn);
  if (!e || !(value instanceof Y.Map)) return null;
  return { ...(e as Omit<Story, 'tags'>), tags: readTags(id, value.get('tags'), warn) };
}

const byCode = (a: Story, b: Story) =>
  a.code.localeCompare(b.code, 'fr', { numeric: true }) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Every valid story, sorted by code (R-2 before R-10). */
export function readStories(doc: Y.Doc, warn: Warn = modelRegistry.warn): Story[] {
  const out: Story[] = [];
  storiesOf(doc).forEach((v, id) => {
    const s = readStory(id, v, warn);
    if (s) out.push(s);
  });
  return out.sort(byCode);
}

/** Codes used by more than one story (two peers chose the same code while apart). */
export function duplicateCodes(stories: readonly Story[]): Set<string> {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const s of stories) {
    const c = normalizeCode(s.code);
    if (seen.has(c)) dup.add(c);
    seen.add(c);
  }
  return dup;
}

/** Lower case, accents and ligatures folded: 'securite' finds 'Sécurité', 'coeur' finds 'cœur'. */
export function foldText(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
    .replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/ß/g, 'ss');
}

/**
 * Stories whose code, summary, place, date, group or tags contain every word of the query,
 * ignoring case and accents; an empty query returns them all, in the given order.
 */
export function searchStories(stories: readonly Story[], query: string): Story[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...stories];
  return stories.filter((s) => {
    const hay = foldText([s.code, s.summary, s.place, s.date, s.group, ...s.tags].join('\n'));
    return words.every((w) => hay.includes(w));
  });
}
