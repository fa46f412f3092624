import * as Y from 'yjs';
import { change, factorsOf, linksOf } from '../doc';
import { newId } from '../ids';
import type { SectionImportContext } from '../io/json-sections';
import type { ParsedFactor, ParsedMap } from '../io/parsed';
import { putFactor, removeFactors, removeLinks, renameFactor, setFactorField, setPolarity } from '../ops';
import { modelRegistry } from '../registry';
import { MAX_NOTES_CHARS, type Polarity } from '../schema';
import { ensureTheme } from '../themes';
import { writeAnswers, type AnswerToRemember } from './answers';
import type { MergeDecisions } from './decisions';
import { mergeIssue, type MergeIssue } from './messages';
import { placeAdded } from './place';
import type { MergePlan } from './plan';
import { readMetaState, type MetaState } from './meta-state';
import { NEW_PREFIX, previewFromState, type MergeCounts, type MergePreview } from './preview';
import { dropSource, writeSource, type FactorSource, type LinkSource } from './provenance';

/**
 * Writes a decided merge as ONE transaction: one undo step takes the whole merge back, and
 * peers receive it whole. Everything is worked out first (prepareMerge, against the map as it
 * is now: for a large mini-map in a worker) and nothing is written while a polarity conflict
 * is undecided; writeMerge then only creates the entries.
 *
 * The near matches a person answered are remembered in the same transaction (answers.ts):
 * undoing the merge forgets them too.
 *
 * Of the mini-map's JSON sections, its themes (the factors' colours) and stories (with their
 * citations, on the factors and links they merged into) come along; its views, votes, groups
 * and loop notes are the group's own workshop and stay with it.
 */
export type ApplyResult =
  | {
    ok: true;
    counts: MergeCounts;
    /** Factors and links the merge created. */
    factorIds: string[];
    linkIds: string[];
    /** Mini-map keys (factors, links, themes) → ids in the map. */
    idMap: Map<string, string>;
    notices: MergeIssue[];
  }
  | { ok: false; errors: MergeIssue[] };

/** Sections of a mini-map's JSON that a merge brings in, in this order (themes before the stories). */
const MERGED_SECTIONS = ['themes', 'stories'] as const;

function factorSource(plan: MergePlan, keys: readonly string[], label: string, added: boolean | undefined): FactorSource {
  const key = plan.mini.keepIds ? keys[0] : undefined;
  return {
    map: plan.source.title, label,
    ...(key !== undefined && key !== label ? { key } : {}),
    ...(added ? { added: true } : {}),
  };
}

/** The near matches a person answered in this review, as the document remembers them. */
function answersToRemember(plan: MergePlan, preview: MergePreview, decisions: MergeDecisions): AnswerToRemember[] {
  const out: AnswerToRemember[] = [];
  for (const p of plan.factors) {
    const answer = decisions.answers.get(p.id);
    if (answer === undefined || p.candidates.length === 0) continue;
    const to = preview.decisions.get(p.id)?.to ?? null;
    if (answer === 'yes' && to !== null) out.push({ label: p.label, factor: to, answer: 'same' });
    if (answer === 'no') for (const c of p.candidates) out.push({ label: p.label, factor: c.id, answer: 'different' });
  }
  return out;
}

function themeValue(doc: Y.Doc, mini: ParsedMap, theme: string): string {
  return mini.themeIsName ? ensureTheme(doc, theme) : theme;
}

function neighboursOfNew(preview: MergePreview): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const l of preview.links) {
    if (l.kind !== 'added') continue;
    const s = preview.ends.get(l.link.source)!;
    const t = preview.ends.get(l.link.target)!;
    for (const [a, b] of [[s, t], [t, s]] as const) {
      if (!a.startsWith(NEW_PREFIX)) continue;
      const set = out.get(a) ?? new Set<string>();
      set.add(b);
      out.set(a, set);
    }
  }
  return new Map([...out].map(([k, v]) => [k, [...v]]));
}

const KIND_RANK = { again: 0, same: 1, near: 2, new: 3 } as const;

/**
 * A factor keeps one entry per mini-map. When a person merges two of its factors into one,
 * the entry is the one that matched without help (again, then same), else the first.
 */
function sourceOwners(plan: MergePlan, preview: MergePreview): Map<string, string> {
  const owner = new Map<string, { id: string; rank: number }>();
  for (const p of plan.factors) {
    const to = preview.decisions.get(p.id)!.to;
    if (to === null) continue;
    const rank = KIND_RANK[p.kind];
    const seen = owner.get(to);
    if (!seen || rank < seen.rank) owner.set(to, { id: p.id, rank });
  }
  return new Map([...owner].map(([to, o]) => [to, o.id]));
}

/**
 * A decided merge worked out against the map as read (MetaState), as plain data: what to
 * write, with the new ids and places. Made off the page's thread for a large mini-map (the
 * merge worker), then written by writeMerge in one transaction. Valid for the map as it was
 * read: the caller checks the map did not change meanwhile, or prepares again.
 */
export interface PreparedMerge {
  readonly counts: MergeCounts;
  readonly notices: readonly MergeIssue[];
  readonly newFactors: readonly {
    readonly id: string; readonly label: string; readonly x: number; readonly y: number;
    /** As in the mini-map: a theme name (themeIsName) or a theme key of its file. */
    readonly theme?: string; readonly notes?: string; readonly icon?: string; readonly source: FactorSource;
  }[];
  readonly matchedFactors: readonly {
    readonly id: string; readonly rename?: string; readonly theme?: string; readonly notes?: string;
    readonly source?: FactorSource;
  }[];
  readonly matchedLinks: readonly { readonly id: string; readonly polarity?: Polarity; readonly source: LinkSource }[];
  readonly newLinks: readonly {
    readonly id: string; readonly source: string; readonly target: string; readonly polarity: Polarity;
    readonly strength?: number; readonly delay?: boolean; readonly notes?: string; readonly key?: string;
  }[];
  /** Elements that keep their place but no longer carry this mini-map's entry. */
  readonly dropSources: readonly { readonly kind: 'factor' | 'link'; readonly id: string }[];
  readonly removeFactors: readonly string[];
  readonly removeLinks: readonly string[];
  readonly answers: readonly AnswerToRemember[];
  /** Mini-map factor keys → ids in the map, before the sections add theirs. */
  readonly idMap: readonly (readonly [string, string])[];
}

export type PrepareResult = { ok: true; prepared: PreparedMerge } | { ok: false; errors: MergeIssue[] };

export function prepareMerge(state: MetaState, plan: MergePlan, decisions: MergeDecisions): PrepareResult {
  const preview = previewFromState(state, plan, decisions);
  if (preview.undecided > 0) return { ok: false, errors: [mergeIssue('merge.undecided', { count: preview.undecided })] };
  const key = plan.source.key;
  const miniFactor = new Map<string, ParsedFactor>(plan.mini.factors.map((f) => [f.key, f]));

  const newIds = new Map<string, string>();
  for (const p of plan.factors) if (preview.decisions.get(p.id)!.to === null) newIds.set(`${NEW_PREFIX}${p.id}`, newId());
  const resolve = (end: string) => newIds.get(end) ?? end;
  const neighbours = neighboursOfNew(preview);
  const positions = placeAdded(
    [...newIds].map(([end, id]) => ({ id, neighbours: (neighbours.get(end) ?? []).map(resolve) })),
    state.snap.factors,
  );

  const idMap: [string, string][] = [];
  const newFactors: PreparedMerge['newFactors'][number][] = [];
  const matchedFactors: PreparedMerge['matchedFactors'][number][] = [];
  const owner = sourceOwners(plan, preview);
  for (const p of plan.factors) {
    const d = preview.decisions.get(p.id)!;
    const first = miniFactor.get(p.keys[0]!)!;
    const id = d.to ?? newIds.get(`${NEW_PREFIX}${p.id}`)!;
    for (const k of p.keys) idMap.push([k, id]);
    if (d.to === null) {
      const pos = positions.get(id)!;
      newFactors.push({
        id, label: d.label.trim() || p.label, x: pos.x, y: pos.y,
        ...(first.theme ? { theme: first.theme } : {}), ...(first.notes ? { notes: first.notes } : {}),
        ...(first.icon ? { icon: first.icon } : {}),
        source: factorSource(plan, p.keys, p.label, true),
      });
      continue;
    }
    const current = state.snap.factorById.get(id)!;
    const rename = d.label.trim() !== '' && d.label.trim() !== current.label ? d.label : undefined;
    const before = state.factorSources.get(id)?.get(key);
    matchedFactors.push({
      id,
      ...(rename !== undefined ? { rename } : {}),
      ...(first.theme && !current.theme ? { theme: first.theme } : {}),
      ...(first.notes && !current.notes ? { notes: first.notes } : {}),
      ...(owner.get(id) === p.id ? { source: factorSource(plan, p.keys, p.label, before?.added) } : {}),
    });
  }

  const matchedLinks: PreparedMerge['matchedLinks'][number][] = [];
  const newLinks: PreparedMerge['newLinks'][number][] = [];
  for (const o of preview.links) {
    if (o.kind === 'self' || o.kind === 'duplicate') continue;
    const { link } = o;
    if (o.kind === 'matched') {
      const id = o.metaId!;
      if (link.key !== undefined) idMap.push([link.key, id]);
      const chosen = o.conflict ? decisions.polarities.get(id) : o.follows ? link.polarity : undefined;
      const before = state.linkSources.get(id)?.get(key);
      matchedLinks.push({
        id, ...(chosen !== undefined && chosen !== o.metaPolarity ? { polarity: chosen } : {}),
        source: { map: plan.source.title, polarity: link.polarity, ...(before?.added ? { added: true } : {}) },
      });
      continue;
    }
    const id = newId();
    if (link.key !== undefined) idMap.push([link.key, id]);
    newLinks.push({
      id, source: resolve(preview.ends.get(link.source)!), target: resolve(preview.ends.get(link.target)!), polarity: link.polarity,
      ...(link.strength !== undefined ? { strength: link.strength } : {}), ...(link.delay ? { delay: true } : {}),
      ...(link.notes ? { notes: link.notes.slice(0, MAX_NOTES_CHARS) } : {}),
    });
  }

  const remove = preview.withdrawn.filter((w) => w.action === 'remove');
  return {
    ok: true,
    prepared: {
      counts: preview.counts,
      notices: [...preview.notices],
      newFactors, matchedFactors, matchedLinks, newLinks,
      dropSources: preview.withdrawn.filter((w) => w.action !== 'remove').map((w) => ({ kind: w.kind, id: w.id })),
      removeFactors: remove.filter((w) => w.kind === 'factor').map((w) => w.id),
      removeLinks: remove.filter((w) => w.kind === 'link').map((w) => w.id),
      answers: answersToRemember(plan, preview, decisions),
      idMap,
    },
  };
}

/**
 * Writes a prepared merge as ONE transaction (one undo step, one update to peers). Nothing
 * here searches or scores: for 5,000 factors it is the creation of the Yjs entries only.
 */
export function writeMerge(doc: Y.Doc, plan: MergePlan, prepared: PreparedMerge): ApplyResult {
  const key = plan.source.key;
  const idMap = new Map<string, string>(prepared.idMap);
  const factorIds: string[] = [];
  const linkIds: string[] = [];
  const themeFillIns: { id: string; theme: string }[] = [];
  change(doc, () => {
    const factors = factorsOf(doc);
    for (const f of prepared.newFactors) {
      const theme = f.theme ? themeValue(doc, plan.mini, f.theme) : undefined;
      putFactor(doc, { id: f.id, label: f.label, x: f.x, y: f.y, theme, notes: f.notes, icon: f.icon });
      factorIds.push(f.id);
      writeSource(factors.get(f.id)!, key, f.source);
    }
    for (const f of prepared.matchedFactors) {
      if (!(factors.get(f.id) instanceof Y.Map)) continue;
      if (f.rename !== undefined) renameFactor(doc, f.id, f.rename);
      if (f.theme) {
        if (plan.mini.themeIsName) setFactorField(doc, f.id, 'theme', themeValue(doc, plan.mini, f.theme));
        else themeFillIns.push({ id: f.id, theme: f.theme });
      }
      if (f.notes) setFactorField(doc, f.id, 'notes', f.notes);
      if (f.source) writeSource(factors.get(f.id)!, key, f.source);
    }

    const links = linksOf(doc);
    for (const l of prepared.matchedLinks) {
      const m = links.get(l.id);
      if (!(m instanceof Y.Map)) continue;
      if (l.polarity !== undefined) setPolarity(doc, l.id, l.polarity);
      writeSource(m, key, l.source);
    }
    for (const l of prepared.newLinks) {
      const m = new Y.Map<unknown>();
      m.set('source', l.source);
      m.set('target', l.target);
      m.set('polarity', l.polarity);
      if (l.strength !== undefined) m.set('strength', l.strength);
      if (l.delay) m.set('delay', true);
      if (l.notes) m.set('notes', l.notes);
      links.set(l.id, m);
      writeSource(m, key, { map: plan.source.title, polarity: l.polarity, added: true });
      linkIds.push(l.id);
    }

    for (const w of prepared.dropSources) {
      const m = (w.kind === 'factor' ? factors : links).get(w.id);
      if (m instanceof Y.Map) dropSource(m, key);
    }
    removeLinks(doc, [...prepared.removeLinks]);
    removeFactors(doc, [...prepared.removeFactors]);
    writeAnswers(doc, plan.source.title, prepared.answers);

    const ctx: SectionImportContext = { mode: 'merge', idMap, newFactorIds: factorIds, freshId: () => newId() };
    const registered = modelRegistry.jsonSections();
    for (const name of MERGED_SECTIONS) {
      const section = registered.get(name);
      if (section && name in plan.mini.sections) section.import(doc, plan.mini.sections[name], ctx);
    }
    // A JSON theme id is known in the map only once the themes section has brought it in.
    for (const f of themeFillIns) {
      const theme = idMap.get(f.theme);
      if (theme !== undefined) setFactorField(doc, f.id, 'theme', theme);
    }
  });
  return { ok: true, counts: prepared.counts, factorIds, linkIds, idMap, notices: [...prepared.notices] };
}

/** Works the merge out against the map as it is now, and writes it: one transaction. */
export function applyMerge(doc: Y.Doc, plan: MergePlan, decisions: MergeDecisions): ApplyResult {
  const prepared = prepareMerge(readMetaState(doc), plan, decisions);
  return prepared.ok ? writeMerge(doc, plan, prepared.prepared) : prepared;
}
