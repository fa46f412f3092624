import * as Y from 'yjs';
import { citationKey, citationsRoot, readCitations } from '../citations';
import { factorsOf, linksOf } from '../doc';
import { silent } from '../log';
import { readSnapshot } from '../reader';
import { STORIES_SPEC } from '../spec';
import {
  isStoryId, MAX_TAG_CHARS, MAX_TAGS, normalizeCode, putStory, readStories, storiesOf, STORY_TEXT_FIELDS,
} from '../stories';
import type { JsonSection, SectionImportContext, SectionIssue } from './json-sections';
import { isObj, ownId, SectionCheck, type Obj } from './sections-check';

/**
 * The `stories` section of a Trame JSON file: the stories, each with the factors and links it
 * is cited on (citations live with their story, so the section checks itself whole):
 *
 *   "stories": [{ "id", "code", "summary"?, "place"?, "date"?, "group"?, "language"?,
 *                 "tags"?: [..], "citedOn"?: { "factors"?: [ids], "links"?: [ids] } }]
 */
export interface StoryJson {
  id: string;
  code: string;
  summary?: string;
  place?: string;
  date?: string;
  group?: string;
  language?: string;
  tags?: string[];
  citedOn?: { factors?: string[]; links?: string[] };
}

export const MAX_JSON_STORIES = 10_000;
const MAX_CITED = 10_000;


function exportStories(doc: Y.Doc): StoryJson[] | undefined {
  const stories = readStories(doc, silent);
  if (stories.length === 0) return undefined;
  const index = readCitations(doc, readSnapshot(doc, silent), stories, silent);
  return stories.map((s) => {
    const out: StoryJson = { id: s.id, code: s.code };
    for (const f of STORY_TEXT_FIELDS) if (s[f] !== '') out[f] = s[f];
    if (s.tags.length > 0) out.tags = [...s.tags];
    const cited = index.byStory.get(s.id);
    if (cited && (cited.factors.length > 0 || cited.links.length > 0)) {
      out.citedOn = {};
      if (cited.factors.length > 0) out.citedOn.factors = [...cited.factors];
      if (cited.links.length > 0) out.citedOn.links = [...cited.links];
    }
    return out;
  });
}

function validateStories(raw: unknown, ctx: { factorIds: ReadonlySet<string>; linkIds: ReadonlySet<string> }): SectionIssue[] {
  const c = new SectionCheck();
  const ids = new Set<string>();
  const codes = new Map<string, string>();
  c.list(raw, 'stories', MAX_JSON_STORIES, (o, at) => {
    c.id(o, at, ids);
    if (c.field(o, 'code', at, STORIES_SPEC.fields.code!, true)) {
      const key = normalizeCode(o.code as string);
      const first = codes.get(key);
      if (first) c.fail(`${at}.code`, `the code '${String(o.code)}' is already used by ${first}`);
      else codes.set(key, at);
    }
    c.fields(o, at, STORIES_SPEC.fields, STORY_TEXT_FIELDS);
    c.strings(o, 'tags', at, MAX_TAGS, MAX_TAG_CHARS);
    if (o.citedOn === undefined) return;
    if (!isObj(o.citedOn)) {
      c.fail(`${at}.citedOn`, 'must be an object');
      return;
    }
    checkCited(c, o.citedOn, 'factors', `${at}.citedOn`, ctx.factorIds);
    checkCited(c, o.citedOn, 'links', `${at}.citedOn`, ctx.linkIds);
  });
  return c.issues;
}

function checkCited(c: SectionCheck, o: Obj, key: 'factors' | 'links', at: string, known: ReadonlySet<string>): void {
  if (!c.strings(o, key, at, MAX_CITED, 128)) return;
  const list = (o[key] ?? []) as string[];
  const unknown = list.find((id) => !known.has(id));
  if (unknown !== undefined) c.fail(`${at}.${key}`, `no ${key === 'factors' ? 'factor' : 'link'} has the id '${unknown}'`);
}

/**
 * A story whose code the map already has is not added again: its citations go to the story
 * already there (merging a colleague's map with the same interviews).
 */
function importStories(doc: Y.Doc, data: StoryJson[], ctx: SectionImportContext): void {
  const byCode = new Map<string, string>();
  storiesOf(doc).forEach((m, id) => {
    const code = m instanceof Y.Map ? m.get('code') : undefined;
    if (typeof code === 'string') byCode.set(normalizeCode(code), id);
  });
  const citations = citationsRoot(doc);
  for (const s of data) {
    let id = byCode.get(normalizeCode(s.code));
    if (id === undefined) {
      id = ownId(ctx, s.id, (candidate) => isStoryId(candidate) && !storiesOf(doc).has(candidate));
      putStory(doc, { ...s, id }, { codeChecked: true });
      byCode.set(normalizeCode(s.code), id);
    }
    for (const [kind, list, exists] of [
      ['factor', s.citedOn?.factors, (x: string) => factorsOf(doc).has(x)],
      ['link', s.citedOn?.links, (x: string) => linksOf(doc).has(x)],
    ] as const) {
      for (const fileId of list ?? []) {
        const elementId = ctx.idMap.get(fileId);
        if (elementId !== undefined && exists(elementId)) citations.set(citationKey({ kind, id: elementId }, id), true);
      }
    }
  }
}

export const storiesSection: JsonSection<StoryJson[]> = {
  export: exportStories,
  validate: validateStories,
  import: importStories,
};
