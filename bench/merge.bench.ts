/**
 * Merging a mini-map into a meta-map (issue 18): the review step's plan, one decision in the
 * review (the links worked out again), and the whole merge, on generated maps whose labels
 * are spelt the way groups spell them (accents dropped, plurals, elision, reworded). The
 * reference, timed in the same run alternating with ours, is the import's exact-label merge
 * of the same file (importIntoDoc, mode 'merge'): what Trame did before, with no matching.
 * Run alone with `npx tsx bench/merge.bench.ts`.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createMapDoc, installModel, type Polarity } from '../src/model';
import { importIntoDoc, parseImportFile, type ParsedMap } from '../src/model/io';
import {
  decideConflicts, NO_DECISIONS, planMerge, prepareMerge, previewMerge, withFactor, writeMerge, type MergePlan,
  type PreparedMerge,
} from '../src/model/merge';
import { readMetaState } from '../src/model/merge/meta-state';
import { ratio, sectionMarkdown, type Figure, type Section } from './lib/report';
import { seeded, summarize } from './lib/stats';

const QUICK = process.env.BENCH_QUICK === '1';
const WORDS = ['accès', 'terre', 'eau', 'pâturage', 'conflit', 'éleveur', 'agriculteur', 'jeune', 'école', 'marché',
  'sécurité', 'milice', 'bétail', 'récolte', 'pluie', 'femme', 'santé', 'route', 'prix', 'dette', 'migration',
  'orpaillage', 'justice', 'chef', 'village', 'semence', 'engrais', 'crédit', 'forêt', 'puits'];

function label(random: () => number, i: number): string {
  const pick = () => WORDS[Math.floor(random() * WORDS.length)]!;
  return `${pick()[0]!.toUpperCase()}${pick().slice(1)} des ${pick()}s de la zone ${i}`;
}

/** How a group writes a label the meta-map has. */
function variant(random: () => number, l: string): string {
  const r = random();
  if (r < 0.4) return l.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  if (r < 0.7) return `L'${l.toLowerCase()}`;
  return `${l} (selon le groupe)`;
}

function csv(rows: readonly [string, string, Polarity][]): ParsedMap {
  const text = `cause,effect,polarity\n${rows.map(([a, b, p]) => `"${a}","${b}",${p}`).join('\n')}\n`;
  const r = parseImportFile('mini.csv', text);
  if (!r.ok) throw new Error(r.errors[0]!.message);
  return r.map;
}

/** A meta-map of n factors and 2n links, and a mini-map of n factors: 30% spelt differently, 20% reworded, half new. */
function maps(n: number, seed: number) {
  const random = seeded(seed);
  const labels = Array.from({ length: n }, (_, i) => label(random, i));
  const metaRows: [string, string, Polarity][] = [];
  for (let i = 0; i < 2 * n; i++) {
    const s = Math.floor(random() * n);
    const t = (s + 1 + Math.floor(random() * 6)) % n;
    metaRows.push([labels[s]!, labels[t]!, random() < 0.8 ? '+' : '-']);
  }
  const mini = labels.map((l, i) => (i % 10 < 3 ? variant(random, l) : i % 10 < 5 ? `${l} rurale` : `Nouveau facteur ${i} du groupe`));
  const miniRows: [string, string, Polarity][] = [];
  for (let i = 0; i < 2 * n; i++) {
    const s = Math.floor(random() * n);
    const t = (s + 1 + Math.floor(random() * 6)) % n;
    miniRows.push([mini[s]!, mini[t]!, random() < 0.7 ? '+' : '-']);
  }
  const dedupe = (rows: [string, string, Polarity][]) => {
    const seen = new Set<string>();
    return rows.filter(([a, b]) => a !== b && !seen.has(`${a}>${b}`) && seen.add(`${a}>${b}`));
  };
  return { meta: csv(dedupe(metaRows)), mini: csv(dedupe(miniRows)) };
}

function metaDoc(meta: ParsedMap) {
  const doc = createMapDoc({ title: 'Méta' });
  if (!importIntoDoc(doc, meta, { mode: 'new' }).ok) throw new Error('meta import');
  return doc;
}

function planOf(doc: ReturnType<typeof createMapDoc>, mini: ParsedMap): MergePlan {
  const r = planMerge(doc, mini, { title: 'Groupe' });
  if (!r.ok) throw new Error(r.errors[0]!.message);
  return r.plan;
}

const spread = (xs: number[]) => {
  const s = summarize(xs);
  return { low: s.p25, high: s.p75, kind: 'p25–p75' as const };
};

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

export async function run(): Promise<Section> {
  // The importers write the map's sections: the model must be wired as the app and relay wire it.
  installModel();
  const n = QUICK ? 200 : 1_000;
  const runs = QUICK ? 3 : 7;
  const { meta, mini } = maps(n, 18);
  const ours: number[] = [];
  const reference: number[] = [];
  const plans: number[] = [];
  const clicks: number[] = [];
  const prepares: number[] = [];
  const writes: number[] = [];
  let counts = { matched: 0, added: 0, near: 0, conflicts: 0 };
  for (let i = 0; i <= runs; i++) {
    // Alternate which side goes first, so neither always runs on a warmer heap.
    const order = i % 2 === 0 ? ['ours', 'reference'] : ['reference', 'ours'];
    for (const side of order) {
      const doc = metaDoc(meta);
      if (side === 'reference') {
        const t = time(() => importIntoDoc(doc, mini, { mode: 'merge' }));
        if (i > 0) reference.push(t);
        continue;
      }
      let plan!: MergePlan;
      const tPlan = time(() => {
        plan = planOf(doc, mini);
      });
      const state = readMetaState(doc);
      const first = previewMerge(doc, plan, NO_DECISIONS, state);
      const near = plan.factors.find((p) => p.kind === 'near')!;
      const tClick = time(() => {
        previewMerge(doc, plan, withFactor(NO_DECISIONS, near.id, { to: near.candidates[0]!.id, label: near.label }), state);
      });
      // What the merge worker does once the person confirms (against the map read afresh),
      // then the page's part: the one transaction.
      let prepared!: PreparedMerge;
      const tPrepare = time(() => {
        const fresh = readMetaState(doc);
        const p = previewMerge(doc, plan, NO_DECISIONS, fresh);
        const r = prepareMerge(fresh, plan, decideConflicts(NO_DECISIONS, p.conflicts, 'map'));
        if (!r.ok) throw new Error(r.errors[0]!.message);
        prepared = r.prepared;
      });
      const tWrite = time(() => {
        const r = writeMerge(doc, plan, prepared);
        if (!r.ok) throw new Error(r.errors[0]!.message);
      });
      const t = tPlan + tPrepare + tWrite;
      counts = {
        matched: first.counts.matched, added: first.counts.added,
        near: plan.factors.filter((p) => p.kind === 'near').length, conflicts: first.counts.conflicts,
      };
      if (i > 0) {
        ours.push(t);
        plans.push(tPlan);
        clicks.push(tClick);
        prepares.push(tPrepare);
        writes.push(tWrite);
      }
    }
  }
  // A huge mini-map (issue 18: 5,000 factors): what runs in the merge worker, and what is
  // left to the page (the one transaction), against the same meta-map.
  const hugeN = QUICK ? 1_000 : 5_000;
  const hugeRows = Array.from({ length: hugeN - 1 }, (_, i) => [`Facteur ${i} du village`, `Facteur ${i + 1} du village`, '+'] as [string, string, Polarity]);
  const huge = csv(hugeRows);
  const hugePlans: number[] = [];
  const hugePrepares: number[] = [];
  const hugeWrites: number[] = [];
  for (let i = 0; i < (QUICK ? 2 : 3); i++) {
    const doc = metaDoc(meta);
    let plan!: MergePlan;
    let prepared!: PreparedMerge;
    const state = readMetaState(doc);
    hugePlans.push(time(() => {
      const r = planMerge(state, huge, { title: 'Grand atelier' });
      if (!r.ok) throw new Error(r.errors[0]!.message);
      plan = r.plan;
    }));
    hugePrepares.push(time(() => {
      const r = prepareMerge(readMetaState(doc), plan, NO_DECISIONS);
      if (!r.ok) throw new Error(r.errors[0]!.message);
      prepared = r.prepared;
    }));
    hugeWrites.push(time(() => {
      if (!writeMerge(doc, plan, prepared).ok) throw new Error('write');
    }));
  }
  const med = (xs: number[]) => summarize(xs).median;
  const figures: Figure[] = [
    {
      name: `merge a ${n}-factor mini-map into a ${n}-factor map (plan + apply)`, unit: 'ms', median: med(ours), spread: spread(ours),
      n: ours.length, reference: { median: med(reference), spread: spread(reference) }, ratio: ratio(med(ours), med(reference)),
      target: '≤ 2,000 ms', pass: med(ours) <= 2_000,
      note: `${counts.matched} matched after normalisation, ${counts.near} near proposed, ${counts.added} added, ${counts.conflicts} conflicts; reference: exact-label import merge`,
    },
    { name: 'review plan alone', unit: 'ms', median: med(plans), spread: spread(plans), n: plans.length, target: '≤ 1,000 ms', pass: med(plans) <= 1_000 },
    {
      name: 'merge worked out once confirmed (the worker\'s part: read, links, places, provenance)', unit: 'ms',
      median: med(prepares), spread: spread(prepares), n: prepares.length,
    },
    {
      name: 'merge written (the page\'s part: one transaction, one undo step)', unit: 'ms',
      median: med(writes), spread: spread(writes), n: writes.length,
    },
    {
      name: `${hugeN}-factor mini-map into the ${n}-factor map: plan (in the merge worker)`, unit: 'ms',
      median: med(hugePlans), spread: spread(hugePlans), n: hugePlans.length,
    },
    {
      name: `${hugeN}-factor mini-map: merge worked out (in the merge worker)`, unit: 'ms',
      median: med(hugePrepares), spread: spread(hugePrepares), n: hugePrepares.length,
    },
    {
      name: `${hugeN}-factor mini-map: merge written (on the page, one transaction)`, unit: 'ms',
      median: med(hugeWrites), spread: spread(hugeWrites), n: hugeWrites.length,
      note: 'the only part of a merge the page does itself: the review and the progress indicator stay live while the worker plans and prepares',
    },
    {
      name: 'one decision in the review (links worked out again)', unit: 'ms', median: med(clicks), spread: spread(clicks), n: clicks.length,
      target: '≤ 100 ms', pass: med(clicks) <= 100,
    },
  ];
  return {
    title: 'merge',
    figures,
    notes: [
      `Generated maps: a meta-map of ${n} factors and about ${2 * n} links; a mini-map of ${n} factors, 30% of them labels of the meta-map spelt another way (accents dropped, elided article, a note in brackets), 20% extended ("… rurale"), half new.`,
      'The reference does far less (labels compared as they are, no near matches, no provenance, no conflicts): the ratio is the price of matching, not a race.',
    ],
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void run().then((s) => console.log(sectionMarkdown(s)));
}
