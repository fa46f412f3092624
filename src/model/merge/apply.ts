import * as Y from 'yjs';
import { change, factorsOf, linksOf } from '../doc';
import { newId } from '../ids';
import type { SectionImportContext } from '../io/json-sections';
import type { ParsedFactor, ParsedMap } from '../io/parsed';
import { putFactor, removeFactors, removeLinks, renameFactor, setFactorField, setPolarity } from '../ops';
import { modelRegistry } from '../registry';
import { MAX_NOTES_CHARS } from '../schema';
import { ensureTheme } from '../themes';
import type { MergeDecisions } from './decisions';
import { mergeIssue, type MergeIssue } from './messages';
import { placeAdded } from './place';
import type { MergePlan } from './plan';
import { NEW_PREFIX, previewMerge, type MergeCounts, type MergePreview } from './preview';
import { dropSource, writeSource, type FactorSource } from './provenance';

/**
 * Writes a decided merge as ONE transaction: one undo step takes the whole merge back, and
 * peers receive it whole. Everything is worked out first (previewMerge, against the map as it
 * is now) and nothing is written while a polarity conflict is undecided.
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

export function applyMerge(doc: Y.Doc, plan: MergePlan, decisions: MergeDecisions): ApplyResult {
  const preview = previewMerge(doc, plan, decisions);
  if (preview.undecided > 0) return { ok: false, errors: [mergeIssue('merge.undecided', { count: preview.undecided })] };
  const { state } = preview;
  const key = plan.source.key;
  const miniFactor = new Map<string, ParsedFactor>(plan.mini.factors.map((f) => [f.key, f]));

  // Ids and places of the new factors, decided before the transaction.
  const newIds = new Map<string, string>();
  for (const p of plan.factors) if (preview.decisions.get(p.id)!.to === null) newIds.set(`${NEW_PREFIX}${p.id}`, newId());
  const resolve = (end: string) => newIds.get(end) ?? end;
  const neighbours = neighboursOfNew(preview);
  const positions = placeAdded(
    [...newIds].map(([end, id]) => ({ id, neighbours: (neighbours.get(end) ?? []).map(resolve) })),
    state.snap.factors,
  );

  const idMap = new Map<string, string>();
  const factorIds: string[] = [];
  const linkIds: string[] = [];
  const themeFillIns: { id: string; theme: string }[] = [];
  const owner = sourceOwners(plan, preview);
  change(doc, () => {
    for (const p of plan.factors) {
      const d = preview.decisions.get(p.id)!;
      const first = miniFactor.get(p.keys[0]!)!;
      const id = d.to ?? newIds.get(`${NEW_PREFIX}${p.id}`)!;
      for (const k of p.keys) idMap.set(k, id);
      if (d.to === null) {
        const pos = positions.get(id)!;
        const theme = first.theme ? themeValue(doc, plan.mini, first.theme) : undefined;
        putFactor(doc, { id, label: d.label.trim() || p.label, x: pos.x, y: pos.y, theme, notes: first.notes, icon: first.icon });
        factorIds.push(id);
        writeSource(factorsOf(doc).get(id)!, key, factorSource(plan, p.keys, p.label, true));
        continue;
      }
      const current = state.snap.factorById.get(id)!;
      if (d.label.trim() !== '' && d.label.trim() !== current.label) renameFactor(doc, id, d.label);
      if (first.theme && !current.theme) {
        if (plan.mini.themeIsName) setFactorField(doc, id, 'theme', themeValue(doc, plan.mini, first.theme));
        else themeFillIns.push({ id, theme: first.theme });
      }
      if (first.notes && !current.notes) setFactorField(doc, id, 'notes', first.notes);
      if (owner.get(id) !== p.id) continue;
      const before = state.factorSources.get(id)?.get(key);
      writeSource(factorsOf(doc).get(id)!, key, factorSource(plan, p.keys, p.label, before?.added));
    }

    const links = linksOf(doc);
    for (const o of preview.links) {
      if (o.kind === 'self' || o.kind === 'duplicate') continue;
      const { link } = o;
      if (o.kind === 'matched') {
        const id = o.metaId!;
        if (link.key !== undefined) idMap.set(link.key, id);
        const chosen = o.conflict ? decisions.polarities.get(id) : o.follows ? link.polarity : undefined;
        if (chosen !== undefined && chosen !== o.metaPolarity) setPolarity(doc, id, chosen);
        const before = state.linkSources.get(id)?.get(key);
        writeSource(links.get(id)!, key, { map: plan.source.title, polarity: link.polarity, ...(before?.added ? { added: true } : {}) });
        continue;
      }
      const id = newId();
      if (link.key !== undefined) idMap.set(link.key, id);
      const m = new Y.Map<unknown>();
      m.set('source', resolve(preview.ends.get(link.source)!));
      m.set('target', resolve(preview.ends.get(link.target)!));
      m.set('polarity', link.polarity);
      if (link.strength !== undefined) m.set('strength', link.strength);
      if (link.delay) m.set('delay', true);
      if (link.notes) m.set('notes', link.notes.slice(0, MAX_NOTES_CHARS));
      links.set(id, m);
      writeSource(m, key, { map: plan.source.title, polarity: link.polarity, added: true });
      linkIds.push(id);
    }

    const remove = preview.withdrawn.filter((w) => w.action === 'remove');
    for (const w of preview.withdrawn) {
      if (w.action === 'remove') continue;
      const m = (w.kind === 'factor' ? factorsOf(doc) : linksOf(doc)).get(w.id);
      if (m instanceof Y.Map) dropSource(m, key);
    }
    removeLinks(doc, remove.filter((w) => w.kind === 'link').map((w) => w.id));
    removeFactors(doc, remove.filter((w) => w.kind === 'factor').map((w) => w.id));

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
  return { ok: true, counts: preview.counts, factorIds, linkIds, idMap, notices: [...preview.notices] };
}
