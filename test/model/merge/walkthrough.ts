/**
 * Issue 18's "Done when": three mini-maps written in French with the spellings groups use
 * (test/fixtures/mini-maps/agricultrices-kangaba.csv, commercants-mopti.csv,
 * eleveurs-djenne.csv) merged one by one into the Mali fixture through the model's own path
 * (planMerge → previewMerge → applyMerge, what the review dialog calls), with a facilitator's
 * answers written down below; then the first one merged again, and the result compared with
 * the original fixture (compareWithMap, what "Comparer" calls).
 *
 * walkthrough.test.ts checks what it shows; `npx tsx test/model/merge/walkthrough.ts` prints
 * it as Markdown (the figures of /work/team/walkthrough-18.md).
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { createMapDoc, createUndoManager, installModel, readSnapshot, silent } from '../../../src/model';
import { mapStateOf } from '../../../src/model/compare';
import { importIntoDoc, parseImportFile, type ParsedMap } from '../../../src/model/io';
import {
  applyMerge, compareWithMap, comparisonOverlay, decideConflicts, NO_DECISIONS, planMerge, previewMerge, readAnswers,
  rememberAnswers, rememberedPairs, withAnswer, withFactor, type ConflictChoice, type MergeDecisions, type MergePlan,
} from '../../../src/model/merge';

const FIXTURES = new URL('../../fixtures/', import.meta.url);

function parsed(path: string): ParsedMap {
  const r = parseImportFile(path.split('/').pop()!, readFileSync(new URL(path, FIXTURES)));
  if (!r.ok) throw new Error(`${path}: ${r.errors.map((e) => e.message).join('; ')}`);
  return r.map;
}

/** What the facilitator decides for one group's mini-map. */
export interface GroupScript {
  readonly file: string;
  readonly title: string;
  /** Near matches, by the mini-map's label: yes (with the best candidate) or no. Left out: not answered. */
  readonly answers: Readonly<Record<string, 'yes' | 'no'>>;
  /** A confirmed match whose name the meta-map changes, by the mini-map's label. */
  readonly keep?: Readonly<Record<string, string>>;
  /** A new factor renamed in the review, by the mini-map's label. */
  readonly rename?: Readonly<Record<string, string>>;
  /** How the polarity conflicts are decided. */
  readonly conflicts: ConflictChoice;
}

export const GROUPS: readonly GroupScript[] = [
  {
    file: 'mini-maps/agricultrices-kangaba.csv',
    title: 'Agricultrices de Kangaba',
    answers: {
      'Pauvreté des ménages ruraux': 'yes',
      'Marchés et foires': 'yes',
      // Young people leaving is not their unemployment: refused, added as a factor of its own.
      'Exode des jeunes': 'no',
    },
    rename: { 'Exode des jeunes': 'Exode des jeunes vers les villes' },
    conflicts: 'map',
  },
  {
    file: 'mini-maps/commercants-mopti.csv',
    title: 'Commerçants de Mopti',
    answers: {
      'Activités économiques': 'yes',
      'Corruption des agents': 'yes',
      "Absence de l'Etat": 'yes',
      'Pauvrete des familles': 'yes',
    },
    keep: { 'Corruption des agents': 'Corruption des agents publics' },
    conflicts: 'undecided',
  },
  {
    file: 'mini-maps/eleveurs-djenne.csv',
    title: 'Éleveurs peuls de Djenné',
    answers: {
      'Conflits agriculteurs-éleveurs': 'yes',
      'Représailles': 'yes',
      'Médiation des chefs traditionnels': 'yes',
      'Pauvreté des ménages ruraux': 'yes',
    },
    conflicts: 'map',
  },
];

export interface Counts {
  readonly factors: number;
  readonly links: number;
}

export interface NearRecord {
  readonly label: string;
  readonly candidate: string;
  readonly score: number;
  /** The other candidates shown, with their scores. */
  readonly others: readonly { label: string; score: number }[];
  readonly answer: 'yes' | 'no' | 'none';
}

export interface StepRecord {
  readonly title: string;
  readonly file: string;
  readonly miniFactors: number;
  readonly miniLinks: number;
  readonly before: Counts;
  readonly after: Counts;
  readonly same: readonly { label: string; as: string }[];
  readonly near: readonly NearRecord[];
  readonly added: readonly string[];
  readonly conflicts: readonly { cause: string; effect: string; map: string; mini: string; kept: string }[];
  readonly counts: { matched: number; added: number; renamed: number; linksMatched: number; linksAdded: number; selfLinks: number };
  readonly undoSteps: number;
}

export interface WalkthroughRecord {
  readonly original: Counts;
  readonly steps: readonly StepRecord[];
  /** The first mini-map merged again, unchanged. */
  readonly again: { title: string; kinds: Record<string, number>; asked: number; before: Counts; after: Counts };
  /** What the meta-map remembers of the answers given in the three reviews. */
  readonly remembered: { same: number; different: number };
  readonly comparison: {
    readonly counts: Record<'both' | 'here' | 'there', Counts>;
    readonly onlyHere: readonly string[];
    readonly renamed: readonly { here: string; there: string }[];
    readonly polarityDiffers: readonly string[];
    readonly loopsOnlyHere: readonly string[];
    readonly loopsOnlyThere: readonly string[];
    readonly loopsBoth: number;
    /** Near pairs "Comparer" offers (the fixture's label, the meta-map's), before any answer. */
    readonly near: readonly { there: string; here: string; score: number }[];
    /** The counts once a person confirmed those pairs (remembered in the meta-map). */
    readonly afterConfirm: Record<'both' | 'here' | 'there', Counts>;
    /** And a comparison made afterwards, from what the document remembers. */
    readonly rememberedLater: Record<'both' | 'here' | 'there', Counts>;
  };
}

function counts(doc: Y.Doc): Counts {
  const snap = readSnapshot(doc, silent);
  return { factors: snap.factors.length, links: snap.links.length };
}

function maliDoc(): Y.Doc {
  const doc = createMapDoc({ title: 'Mali centre', language: 'fr' });
  if (!importIntoDoc(doc, parsed('mali-centre-links.csv'), { mode: 'new' }).ok) throw new Error('the Mali fixture did not import');
  return doc;
}

function decide(plan: MergePlan, script: GroupScript): MergeDecisions {
  let d = NO_DECISIONS;
  for (const p of plan.factors) {
    const answer = script.answers[p.label];
    const best = p.candidates[0];
    if (p.kind === 'near' && answer === 'yes' && best) {
      d = withAnswer(d, p.id, 'yes', { to: best.id, label: script.keep?.[p.label] ?? best.label });
    } else if (p.kind === 'near' && answer === 'no') {
      d = withAnswer(d, p.id, 'no', { to: null, label: script.rename?.[p.label] ?? p.label });
    } else if ((p.kind === 'new' || p.kind === 'near') && script.rename?.[p.label]) {
      d = withFactor(d, p.id, { to: null, label: script.rename[p.label]! });
    } else if ((p.kind === 'same' || p.kind === 'again') && script.keep?.[p.label] && best) {
      d = withFactor(d, p.id, { to: best.id, label: script.keep[p.label]! });
    }
  }
  return d;
}

function mergeOne(doc: Y.Doc, script: GroupScript): StepRecord {
  const mini = parsed(script.file);
  const before = counts(doc);
  const planned = planMerge(doc, mini, { title: script.title });
  if (!planned.ok) throw new Error(`${script.title}: ${planned.errors.map((e) => e.message).join('; ')}`);
  const { plan } = planned;
  let decisions = decide(plan, script);
  const preview = previewMerge(doc, plan, decisions);
  decisions = decideConflicts(decisions, preview.conflicts, script.conflicts);
  const miniLabel = new Map(mini.factors.map((f) => [f.key, f.label]));
  const snap = readSnapshot(doc, silent);
  const conflicts = preview.conflicts.map((c) => ({
    cause: miniLabel.get(c.link.source)!, effect: miniLabel.get(c.link.target)!,
    map: c.metaPolarity!, mini: c.link.polarity, kept: decisions.polarities.get(c.metaId!)!,
  }));
  const decided = previewMerge(doc, plan, decisions);
  const undo = createUndoManager(doc);
  const r = applyMerge(doc, plan, decisions);
  if (!r.ok) throw new Error(`${script.title}: ${r.errors.map((e) => e.message).join('; ')}`);
  const undoSteps = undo.undoStack.length;
  undo.destroy();
  return {
    title: script.title,
    file: script.file,
    miniFactors: mini.factors.length,
    miniLinks: mini.links.length,
    before,
    after: counts(doc),
    same: plan.factors.filter((p) => p.kind === 'same' || p.kind === 'again')
      .map((p) => ({ label: [p.label, ...p.variants].join(' / '), as: snap.factorById.get(p.candidates[0]!.id)!.label })),
    near: plan.factors.filter((p) => p.kind === 'near').map((p) => ({
      label: p.label,
      candidate: p.candidates[0]!.label,
      score: p.candidates[0]!.score,
      others: p.candidates.slice(1).map((c) => ({ label: c.label, score: c.score })),
      answer: script.answers[p.label] ?? 'none',
    })),
    added: plan.factors.filter((p) => decided.decisions.get(p.id)!.to === null).map((p) => {
      const label = decided.decisions.get(p.id)!.label;
      return label === p.label ? p.label : `${p.label} → ${label}`;
    }),
    conflicts,
    counts: {
      matched: r.counts.matched, added: r.counts.added, renamed: r.counts.renamed,
      linksMatched: r.counts.linksMatched, linksAdded: r.counts.linksAdded, selfLinks: r.counts.selfLinks,
    },
    undoSteps,
  };
}

function loopText(labels: ReadonlyMap<string, string>, factors: readonly string[]): string {
  return [...factors, factors[0]!].map((id) => labels.get(id) ?? id).join(' → ');
}

export function runWalkthrough(): WalkthroughRecord {
  installModel();
  const original = maliDoc();
  const meta = maliDoc();
  const steps = GROUPS.map((g) => mergeOne(meta, g));

  const first = GROUPS[0]!;
  const beforeAgain = counts(meta);
  const planned = planMerge(meta, parsed(first.file), { title: first.title });
  if (!planned.ok) throw new Error('re-merge refused');
  const kinds: Record<string, number> = {};
  for (const p of planned.plan.factors) kinds[p.kind] = (kinds[p.kind] ?? 0) + 1;
  // Asked again: a near match without an answer remembered from the first merge.
  const asked = planned.plan.factors.filter((p) => p.kind === 'near' && p.remembered !== 'same').length;
  const re = applyMerge(meta, planned.plan, decideConflicts(NO_DECISIONS, previewMerge(meta, planned.plan, NO_DECISIONS).conflicts, 'map'));
  if (!re.ok) throw new Error('re-merge failed');

  const answers = readAnswers(meta, silent);
  const remembered = { same: answers.filter((a) => a.answer === 'same').length, different: answers.filter((a) => a.answer === 'different').length };
  const here = mapStateOf(meta);
  const there = mapStateOf(original);
  const c = compareWithMap(here, there);
  const otherTitle = 'Mali centre (fixture)';
  const overlay = comparisonOverlay(c);
  const hereLabel = new Map(here.factors.map((f) => [f.id, f.label]));
  const thereLabel = new Map(there.factors.map((f) => [f.id, f.label]));
  const loops = c.diff.loops!;
  const near = c.matching.near.map((n) => ({ there: thereLabel.get(n.left)!, here: hereLabel.get(n.right)!, score: n.score }));
  // The facilitator confirms each pair in "Comparer": kept in the meta-map, under the other map's title.
  rememberAnswers(meta, otherTitle, c.matching.near.map((n) => ({ label: thereLabel.get(n.left)!, factor: n.right, answer: 'same' })));
  const afterConfirm = comparisonOverlay(compareWithMap(here, there, rememberedPairs(readAnswers(meta, silent), otherTitle, here.factors)));
  // Later, another device: the map's document is all it has.
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(meta));
  const later = mapStateOf(copy);
  const rememberedLater = comparisonOverlay(compareWithMap(later, there, rememberedPairs(readAnswers(copy, silent), otherTitle, later.factors)));
  const arrow = (l: { source: string; target: string }) => `${hereLabel.get(l.source)} → ${hereLabel.get(l.target)}`;
  return {
    original: counts(original),
    steps,
    again: { title: first.title, kinds, asked, before: beforeAgain, after: counts(meta) },
    remembered,
    comparison: {
      counts: overlay.counts,
      onlyHere: c.diff.factors.added.map((f) => f.label),
      renamed: c.diff.factors.changed.filter((ch) => ch.fields.includes('label')).map((ch) => ({ here: ch.to.label, there: ch.from.label })),
      polarityDiffers: c.diff.links.changed.filter((ch) => ch.fields.includes('polarity'))
        .map((ch) => `${arrow(ch.to)} (${ch.from.polarity} → ${ch.to.polarity})`),
      loopsOnlyHere: loops.appeared.map((l) => loopText(hereLabel, l.factors)),
      loopsOnlyThere: loops.disappeared.map((l) => loopText(thereLabel, l.factors)),
      loopsBoth: loops.unchanged + loops.changedKind.length,
      near,
      afterConfirm: afterConfirm.counts,
      rememberedLater: rememberedLater.counts,
    },
  };
}

function markdown(r: WalkthroughRecord): string {
  const out: string[] = [];
  const c = (x: Counts) => `${x.factors} factors, ${x.links} links`;
  out.push(`Original Mali fixture: ${c(r.original)}.`, '');
  for (const s of r.steps) {
    out.push(`### ${s.title} (${s.file}: ${s.miniFactors} factors, ${s.miniLinks} links)`, '');
    out.push(`- before: ${c(s.before)}; after: ${c(s.after)}; undo steps: ${s.undoSteps}`);
    out.push(`- counts: ${JSON.stringify(s.counts)}`);
    out.push(`- same after normalisation: ${s.same.map((x) => `${x.label} = ${x.as}`).join('; ') || 'none'}`);
    out.push(`- near proposed: ${s.near.map((n) => `${n.label} ≈ ${n.candidate} (${n.score}${n.others.length ? `; also ${n.others.map((o) => `${o.label} ${o.score}`).join(', ')}` : ''}) → ${n.answer}`).join('; ') || 'none'}`);
    out.push(`- added: ${s.added.join('; ') || 'none'}`);
    out.push(`- conflicts: ${s.conflicts.map((x) => `${x.cause} → ${x.effect}: map ${x.map}, mini ${x.mini}, kept ${x.kept}`).join('; ') || 'none'}`, '');
  }
  out.push(`### ${r.again.title} merged again, unchanged`, '');
  out.push(`- proposals: ${JSON.stringify(r.again.kinds)}; near matches asked again: ${r.again.asked}; ${c(r.again.before)} → ${c(r.again.after)}`, '');
  out.push(`Answers the meta-map remembers: ${r.remembered.same} yes, ${r.remembered.different} no.`, '');
  const k = r.comparison;
  out.push('### Meta-map compared with the original fixture', '');
  out.push(`- both: ${c(k.counts.both)}; only in the meta-map: ${c(k.counts.here)}; only in the fixture: ${c(k.counts.there)}`);
  out.push(`- factors only in the meta-map: ${k.onlyHere.join('; ')}`);
  out.push(`- renamed: ${k.renamed.map((x) => `${x.there} → ${x.here}`).join('; ') || 'none'}`);
  out.push(`- polarity differs: ${k.polarityDiffers.join('; ') || 'none'}`);
  out.push(`- loops in both: ${k.loopsBoth}; only in the meta-map: ${k.loopsOnlyHere.length}; only in the fixture: ${k.loopsOnlyThere.length}`);
  for (const l of k.loopsOnlyHere.slice(0, 5)) out.push(`  - new loop: ${l}`);
  if (k.loopsOnlyHere.length > 5) out.push(`  - … and ${k.loopsOnlyHere.length - 5} more`);
  for (const l of k.loopsOnlyThere) out.push(`  - lost loop: ${l}`);
  out.push(`- near pairs offered: ${k.near.map((n) => `${n.there} ≈ ${n.here} (${n.score})`).join('; ') || 'none'}`);
  out.push(`- after confirming them: both ${c(k.afterConfirm.both)}; only here ${c(k.afterConfirm.here)}; only there ${c(k.afterConfirm.there)}`);
  out.push(`- compared again from a copy of the document: both ${c(k.rememberedLater.both)}; only here ${c(k.rememberedLater.here)}; only there ${c(k.rememberedLater.there)}`);
  return out.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(markdown(runWalkthrough()));
}
