import * as Y from 'yjs';
import { change } from '../doc';
import { MATCHES_SPEC, readEntry, ROOT } from '../spec';
import { MAX_LABEL_CHARS } from '../schema';
import type { Warn } from '../validate';
import { normaliseLabel } from './normalise';
import { sourceKey } from './provenance';

/**
 * What people answered to near matches (issue 18), kept in the document (the `matches` root)
 * so that merging the same mini-map again, on any device and in any later session, or
 * comparing with the same map again, does not ask again. One entry per (mini-map, label,
 * factor): its key is made of the three, so two people answering the same pair write the same
 * entry and converge, and a person who changes their mind replaces their answer.
 *
 * Labels are remembered normalised (in the key) and as written: "Pauvreté des ménages ruraux"
 * and "pauvrete des menages rurales" are the same question. Factors by id: an answer about a
 * factor the map no longer shows is ignored (and comes back with the factor on undo).
 */
export type MatchAnswer = 'same' | 'different';

export interface RememberedAnswer {
  /** sourceKey of the mini-map's (or the compared map's) title. */
  readonly source: string;
  readonly map: string;
  /** The label there, as written. */
  readonly label: string;
  readonly factor: string;
  readonly answer: MatchAnswer;
}

/** One source's answers, by the normalised label there. */
export interface SourceAnswers {
  /** → the factor a person said it is. */
  readonly same: ReadonlyMap<string, string>;
  /** → the factors a person said it is not. */
  readonly different: ReadonlyMap<string, ReadonlySet<string>>;
}

export const NO_ANSWERS: SourceAnswers = { same: new Map(), different: new Map() };

const SEP = '\u001f';

export function answerKey(source: string, normalised: string, factor: string): string {
  return `${source}${SEP}${normalised}${SEP}${factor}`;
}

export function matchesOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(ROOT.matches);
}

/** Every answer of the document, validated (a peer's malformed entry is skipped with a warning). */
export function readAnswers(doc: Y.Doc, warn: Warn): RememberedAnswer[] {
  const out: RememberedAnswer[] = [];
  matchesOf(doc).forEach((value, key) => {
    const e = readEntry(MATCHES_SPEC, key, value, warn);
    if (!e) return;
    out.push({
      source: e.source as string, map: e.map as string, label: e.label as string,
      factor: e.factor as string, answer: e.answer as MatchAnswer,
    });
  });
  return out;
}

/**
 * The answers about one source, for the factors the map shows. Two people confirming two
 * different factors for one label at the same moment leave two `same` entries: the first by
 * factor id stands, so every device takes the same one.
 */
export function answersFor(all: readonly RememberedAnswer[], source: string, shown: ReadonlySet<string>): SourceAnswers {
  const same = new Map<string, string>();
  const different = new Map<string, Set<string>>();
  for (const a of all) {
    if (a.source !== source || !shown.has(a.factor)) continue;
    const n = normaliseLabel(a.label);
    if (n === '') continue;
    if (a.answer === 'same') {
      const had = same.get(n);
      if (had === undefined || a.factor < had) same.set(n, a.factor);
    } else {
      const set = different.get(n) ?? new Set<string>();
      set.add(a.factor);
      different.set(n, set);
    }
  }
  // A refusal beside a confirmation of the same pair cannot happen (one key); of another pair, both stand.
  return { same, different };
}

export interface AnswerToRemember {
  /** The label there, as written. */
  readonly label: string;
  readonly factor: string;
  readonly answer: MatchAnswer;
}

function sameFields(m: Y.Map<unknown>, fields: Record<string, string>): boolean {
  return Object.entries(fields).every(([k, v]) => m.get(k) === v) && m.size === Object.keys(fields).length;
}

/**
 * Inside an open transaction: records answers about one source. A `same` answer replaces any
 * other `same` of that label (a label is one factor); a `different` one leaves the others.
 */
export function writeAnswers(doc: Y.Doc, title: string, answers: readonly AnswerToRemember[]): number {
  const source = sourceKey(title);
  if (source === '' || answers.length === 0) return 0;
  const map = title.trim().slice(0, MAX_LABEL_CHARS);
  const root = matchesOf(doc);
  // The source's `same` entries by label, read once: a merge may write thousands of answers.
  const sameOf = new Map<string, string[]>();
  const prefix = `${source}${SEP}`;
  root.forEach((value, key) => {
    if (!key.startsWith(prefix) || !(value instanceof Y.Map) || value.get('answer') !== 'same') return;
    const label = key.slice(prefix.length, key.lastIndexOf(SEP));
    const list = sameOf.get(label) ?? [];
    list.push(key);
    sameOf.set(label, list);
  });
  let written = 0;
  for (const a of answers) {
    const normalised = normaliseLabel(a.label);
    if (normalised === '' || a.factor === '') continue;
    const key = answerKey(source, normalised, a.factor);
    if (a.answer === 'same') {
      for (const other of sameOf.get(normalised) ?? []) if (other !== key) root.delete(other);
      sameOf.set(normalised, [key]);
    }
    const fields = { source, map, label: a.label.trim().slice(0, MAX_LABEL_CHARS), factor: a.factor, answer: a.answer };
    const had = root.get(key);
    if (had instanceof Y.Map && sameFields(had, fields)) continue;
    const entry = new Y.Map<unknown>();
    for (const [k, v] of Object.entries(fields)) entry.set(k, v);
    root.set(key, entry);
    written++;
  }
  return written;
}

/**
 * Named operation: remembers what a person answered about near matches with one source (the
 * "Comparer" dialog's confirm and refuse; a merge writes its answers in its own transaction).
 */
export function rememberAnswers(doc: Y.Doc, title: string, answers: readonly AnswerToRemember[]): number {
  return change(doc, () => writeAnswers(doc, title, answers));
}
