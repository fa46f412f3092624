import * as Y from 'yjs';
import { change, factorsOf } from './doc';
import { newId } from './ids';
import { silent } from './log';
import { ModelError } from './ops';
import { modelRegistry } from './registry';
import {
  isFactorOrLoop, isVoterId, MAX_DOTS_PER_PERSON, MAX_LABEL_CHARS, readEntry, ROOT, VOTES_SPEC, type FactorOrLoop,
  type RoundStatus,
} from './spec';
import type { Warn } from './validate';

/**
 * Dot voting (issue 6). Each participant has N dots per round to put on factors or loops.
 *
 * Concurrency: a dot is its own key `${voterId}:${slot}` (slot 0…N-1) in the round's `dots`
 * map, and a voter only writes their own keys, so votes from many clients never conflict and
 * nobody can hold more than N dots. Closing stores the counts in the round (`result`): a dot
 * that arrives later, from a client that was offline when the round closed, is kept in the
 * document but never changes a closed result.
 *
 * Votes are not undoable with Ctrl+Z (not in UNDOABLE_ROOTS): a dot is a participant's act,
 * and undoing a factor move must not take a vote back. removeDot and reopenRound are the ways back.
 */
export const VOTES_ROOT = ROOT.votes;
export { MAX_DOTS_PER_PERSON };

export type VoteTargetKind = FactorOrLoop['kind'];
export type VoteTarget = FactorOrLoop;
export type { RoundStatus };

export interface Round {
  readonly id: string;
  readonly title: string;
  readonly dotsPerPerson: number;
  readonly status: RoundStatus;
  /** Voter id (or name) of who opened it. */
  readonly openedBy: string;
  /** Milliseconds since 1970. */
  readonly createdAt: number;
}

export interface TargetCount {
  readonly target: VoteTarget;
  readonly count: number;
}

export interface RoundResult {
  readonly roundId: string;
  readonly closed: boolean;
  /** Most dots first. */
  readonly counts: readonly TargetCount[];
  /** People with at least one counted dot. */
  readonly voters: number;
  readonly dots: number;
  /** True when read from the snapshot stored at closing. */
  readonly fromSnapshot: boolean;
  readonly closedAt: number | null;
  readonly closedBy: string | null;
}

export interface Dot {
  readonly slot: number;
  readonly target: VoteTarget;
}

export { isVoterId };

/** A dot key `${voterId}:${slot}`, or null when it is not one. */
export function parseDotKey(key: string): { voter: string; slot: number } | null {
  const m = /^(.+):(\d{1,3})$/.exec(key);
  return m && isVoterId(m[1]) ? { voter: m[1], slot: Number(m[2]) } : null;
}

export function votesOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(VOTES_ROOT);
}

export const isVoteTarget: (v: unknown) => v is VoteTarget = isFactorOrLoop;

/**
 * A dot counts only on a factor the map still has, or on a loop whose factors it still has (a
 * loop id is its factor ids joined by '>', see docs/schema.md). Whether the loop's links are
 * all still there is for the analysis to say; the UI shows results against the loops it finds.
 */
export function targetLive(doc: Y.Doc, t: VoteTarget): boolean {
  const has = (id: string) => factorsOf(doc).get(id) instanceof Y.Map;
  if (t.kind === 'factor') return has(t.id);
  const parts = t.id.split('>');
  return parts.length >= 2 && parts.every(has);
}

/** The round's dots per person, 0 when malformed. */
export function limitOf(m: Y.Map<unknown>): number {
  const n = m.get('dotsPerPerson');
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_DOTS_PER_PERSON ? n : 0;
}

export interface Tally {
  counts: TargetCount[];
  voters: number;
  dots: number;
}

const byCount = (a: TargetCount, b: TargetCount) => b.count - a.count
  || (a.target.kind < b.target.kind ? -1 : a.target.kind > b.target.kind ? 1 : 0)
  || (a.target.id < b.target.id ? -1 : a.target.id > b.target.id ? 1 : 0);

/** Counts the dots present now: only slots below the round's limit, only on live targets. */
export function tally(doc: Y.Doc, roundId: string, m: Y.Map<unknown>, warn: Warn): Tally {
  const limit = limitOf(m);
  const counts = new Map<string, TargetCount>();
  const voters = new Set<string>();
  let dots = 0;
  const raw = m.get('dots');
  if (!(raw instanceof Y.Map)) return { counts: [], voters: 0, dots: 0 };
  raw.forEach((v, key) => {
    const parsed = parseDotKey(key);
    if (!parsed) {
      warn(`vote ${roundId}: bad dot key ${key.slice(0, 80)}, skipped`);
      return;
    }
    const { voter, slot } = parsed;
    if (slot >= limit) {
      warn(`vote ${roundId}: dot ${key} beyond ${limit} per person, skipped`);
    } else if (!isVoteTarget(v)) {
      warn(`vote ${roundId}: dot ${key} has a bad target, skipped`);
    } else if (targetLive(doc, v)) {
      const k = `${v.kind}:${v.id}`;
      counts.set(k, { target: { kind: v.kind, id: v.id }, count: (counts.get(k)?.count ?? 0) + 1 });
      voters.add(voter);
      dots++;
    }
  });
  return { counts: [...counts.values()].sort(byCount), voters: voters.size, dots };
}

function nonNegInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

export interface StoredResult extends Tally {
  closedAt: number | null;
  closedBy: string | null;
}

/** The result stored at closing, or null when it is missing or malformed. */
export function readStoredResult(v: unknown): StoredResult | null {
  if (typeof v !== 'object' || v === null) return null;
  const r = v as Record<string, unknown>;
  if (!Array.isArray(r.counts) || !nonNegInt(r.voters) || !nonNegInt(r.dots)) return null;
  const counts: TargetCount[] = [];
  for (const c of r.counts as unknown[]) {
    const e = (typeof c === 'object' && c !== null ? c : {}) as Record<string, unknown>;
    const target = { kind: e.kind, id: e.id };
    if (!isVoteTarget(target) || !nonNegInt(e.count) || e.count === 0) return null;
    counts.push({ target: { kind: target.kind, id: target.id }, count: e.count });
  }
  const closedAt = typeof r.closedAt === 'number' && Number.isFinite(r.closedAt) ? r.closedAt : null;
  const closedBy = typeof r.closedBy === 'string' ? r.closedBy.slice(0, MAX_LABEL_CHARS) : null;
  return { counts: counts.sort(byCount), voters: r.voters, dots: r.dots, closedAt, closedBy };
}

/** A round as its spec reads it (spec/votes.ts); its dots and result are read by tally and results. */
export function readRound(id: string, value: unknown, warn: Warn): Round | null {
  const e = readEntry(VOTES_SPEC, id, value, warn);
  return e ? { id, title: e.title, dotsPerPerson: e.dotsPerPerson, status: e.status, createdAt: e.createdAt, openedBy: e.openedBy } as Round : null;
}

/** Rounds, oldest first. */
export function readRounds(doc: Y.Doc, warn: Warn = modelRegistry.warn): Round[] {
  const out: Round[] = [];
  votesOf(doc).forEach((v, id) => {
    const r = readRound(id, v, warn);
    if (r) out.push(r);
  });
  return out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The counts of a round: for a closed one, those stored at closing (a closed round without a
 * valid stored result, written by a faulty peer, is counted live with a warning); for an open
 * one, the dots present now. Null when the round is missing or malformed.
 */
export function results(doc: Y.Doc, roundId: string, warn: Warn = modelRegistry.warn): RoundResult | null {
  const m = votesOf(doc).get(roundId);
  const round = readRound(roundId, m, warn);
  if (!round || !(m instanceof Y.Map)) return null;
  if (round.status === 'closed') {
    const stored = readStoredResult(m.get('result'));
    if (stored) return { roundId, closed: true, ...stored, fromSnapshot: true };
    warn(`vote ${roundId}: closed without a valid result, counted from its dots`);
  }
  return {
    roundId, closed: round.status === 'closed', ...tally(doc, roundId, m, warn),
    fromSnapshot: false, closedAt: null, closedBy: null,
  };
}

/** Every well-formed dot of a round below its limit, whatever its target (exports). */
export function allDots(doc: Y.Doc, roundId: string): { voter: string; slot: number; target: VoteTarget }[] {
  const m = votesOf(doc).get(roundId);
  const dots = m instanceof Y.Map ? m.get('dots') : undefined;
  if (!(m instanceof Y.Map) || !(dots instanceof Y.Map)) return [];
  const limit = limitOf(m);
  const out: { voter: string; slot: number; target: VoteTarget }[] = [];
  dots.forEach((v, key) => {
    const parsed = parseDotKey(key);
    if (!parsed || parsed.slot >= limit || !isVoteTarget(v)) return;
    out.push({ ...parsed, target: { kind: v.kind, id: v.id } });
  });
  return out.sort((a, b) => (a.voter < b.voter ? -1 : a.voter > b.voter ? 1 : a.slot - b.slot));
}

/** The voter's dots in a round, by slot (dots on removed factors included, so they can be taken back). */
export function dotsOf(doc: Y.Doc, roundId: string, voterId: string): Dot[] {
  const m = votesOf(doc).get(roundId);
  if (!(m instanceof Y.Map)) return [];
  const dots = m.get('dots');
  const out: Dot[] = [];
  if (!(dots instanceof Y.Map)) return out;
  for (let slot = 0; slot < limitOf(m); slot++) {
    const v = dots.get(`${voterId}:${slot}`);
    if (isVoteTarget(v)) out.push({ slot, target: { kind: v.kind, id: v.id } });
  }
  return out;
}

/** Dots the voter can still place (0 on a closed or missing round). */
export function dotsLeft(doc: Y.Doc, roundId: string, voterId: string): number {
  const m = votesOf(doc).get(roundId);
  if (!(m instanceof Y.Map) || m.get('status') !== 'open') return 0;
  const live = dotsOf(doc, roundId, voterId).filter((d) => targetLive(doc, d.target)).length;
  return Math.max(0, limitOf(m) - live);
}

function roundMap(doc: Y.Doc, roundId: string): Y.Map<unknown> {
  const m = votesOf(doc).get(roundId);
  if (!(m instanceof Y.Map)) throw new ModelError('missing-round', 'This vote no longer exists');
  return m;
}

function dotsMap(round: Y.Map<unknown>): Y.Map<unknown> {
  let dots = round.get('dots');
  if (!(dots instanceof Y.Map)) {
    dots = new Y.Map<unknown>();
    round.set('dots', dots);
  }
  return dots as Y.Map<unknown>;
}

export interface NewRound {
  title: string;
  dotsPerPerson: number;
  openedBy: string;
  now?: number;
  id?: string;
}

export function openRound(doc: Y.Doc, r: NewRound): string {
  const n = r.dotsPerPerson;
  if (!Number.isInteger(n) || n < 1 || n > MAX_DOTS_PER_PERSON) {
    throw new ModelError('bad-dots', `Dots per person: 1 to ${MAX_DOTS_PER_PERSON}`);
  }
  return change(doc, () => {
    const id = r.id ?? newId();
    if (votesOf(doc).has(id)) throw new ModelError('duplicate-id', `A vote with id ${id} exists`);
    const m = new Y.Map<unknown>();
    votesOf(doc).set(id, m);
    m.set('title', r.title.trim().slice(0, MAX_LABEL_CHARS));
    m.set('dotsPerPerson', n);
    m.set('status', 'open');
    m.set('openedBy', r.openedBy.slice(0, MAX_LABEL_CHARS));
    m.set('createdAt', r.now ?? Date.now());
    // Created with the round, so that the first dots of two voters do not race to create it.
    m.set('dots', new Y.Map<unknown>());
    return id;
  });
}

function checkVoter(voterId: string): void {
  if (!isVoterId(voterId)) throw new ModelError('bad-voter', `Bad voter id ${voterId}`);
}

function openRoundMap(doc: Y.Doc, roundId: string): Y.Map<unknown> {
  const m = roundMap(doc, roundId);
  if (m.get('status') !== 'open') throw new ModelError('round-closed', 'This vote is closed');
  return m;
}

/**
 * Puts one of the voter's dots on a target and returns its slot. A slot is free when empty or
 * when its dot sits on a factor that was removed since: that dot is given back. Throws
 * ModelError: missing-round, round-closed, no-dots-left, bad-target, bad-voter.
 */
export function placeDot(doc: Y.Doc, roundId: string, voterId: string, target: VoteTarget): number {
  checkVoter(voterId);
  if (!isVoteTarget(target)) throw new ModelError('bad-target', 'Dots go on a factor or a loop');
  return change(doc, () => {
    const m = openRoundMap(doc, roundId);
    if (!targetLive(doc, target)) throw new ModelError('bad-target', 'This factor or loop is not in the map');
    const dots = dotsMap(m);
    const limit = limitOf(m);
    for (let slot = 0; slot < limit; slot++) {
      const v = dots.get(`${voterId}:${slot}`);
      if (!isVoteTarget(v) || !targetLive(doc, v)) {
        dots.set(`${voterId}:${slot}`, { kind: target.kind, id: target.id });
        return slot;
      }
    }
    throw new ModelError('no-dots-left', `No dots left (${limit} per person)`);
  });
}

/** Takes back one of the voter's dots on the target; false when they had none there. */
export function removeDot(doc: Y.Doc, roundId: string, voterId: string, target: VoteTarget): boolean {
  checkVoter(voterId);
  return change(doc, () => {
    const m = openRoundMap(doc, roundId);
    const dots = dotsMap(m);
    for (let slot = limitOf(m) - 1; slot >= 0; slot--) {
      const v = dots.get(`${voterId}:${slot}`);
      if (isVoteTarget(v) && v.kind === target.kind && v.id === target.id) {
        dots.delete(`${voterId}:${slot}`);
        return true;
      }
    }
    return false;
  });
}

/**
 * Closes a round and stores its counts, so later dots never change them. Closing a closed round
 * returns its stored result. Null when the round is gone.
 */
export function closeRound(doc: Y.Doc, roundId: string, opts: { closedBy?: string; now?: number } = {}): RoundResult | null {
  return change(doc, () => {
    const m = votesOf(doc).get(roundId);
    if (!(m instanceof Y.Map)) return null;
    if (m.get('status') === 'closed' && readStoredResult(m.get('result'))) return results(doc, roundId, silent);
    const t = tally(doc, roundId, m, silent);
    const closedAt = opts.now ?? Date.now();
    const closedBy = (opts.closedBy ?? '').slice(0, MAX_LABEL_CHARS);
    m.set('result', {
      counts: t.counts.map((c) => ({ kind: c.target.kind, id: c.target.id, count: c.count })),
      voters: t.voters,
      dots: t.dots,
      closedAt,
      closedBy,
    });
    m.set('status', 'closed');
    return { roundId, closed: true, ...t, fromSnapshot: true, closedAt, closedBy };
  });
}

/** Reopens a closed round: its stored result is dropped and every dot present counts again. */
export function reopenRound(doc: Y.Doc, roundId: string): boolean {
  return change(doc, () => {
    const m = votesOf(doc).get(roundId);
    if (!(m instanceof Y.Map)) return false;
    if (m.get('status') !== 'open') m.set('status', 'open');
    if (m.has('result')) m.delete('result');
    return true;
  });
}

export function removeRound(doc: Y.Doc, roundId: string): boolean {
  return change(doc, () => {
    if (!votesOf(doc).has(roundId)) return false;
    votesOf(doc).delete(roundId);
    return true;
  });
}


/** A round as a file holds it: status, dots and closing result included. */
export interface RoundData {
  id: string;
  title: string;
  dotsPerPerson: number;
  status: RoundStatus;
  openedBy: string;
  createdAt: number;
  dots: readonly { voter: string; slot: number; target: VoteTarget }[];
  result?: { counts: readonly TargetCount[]; voters: number; dots: number; closedAt: number; closedBy: string };
}

/**
 * Writes a round inside an open transaction (importers), after the caller checked it: dots
 * beyond the limit or with a bad voter id are left out rather than refused.
 */
export function putRound(doc: Y.Doc, r: RoundData): void {
  const m = new Y.Map<unknown>();
  votesOf(doc).set(r.id, m);
  m.set('title', r.title.slice(0, MAX_LABEL_CHARS));
  m.set('dotsPerPerson', Math.max(1, Math.min(MAX_DOTS_PER_PERSON, Math.trunc(r.dotsPerPerson))));
  m.set('status', r.status);
  m.set('openedBy', r.openedBy.slice(0, MAX_LABEL_CHARS));
  m.set('createdAt', r.createdAt);
  const dots = new Y.Map<unknown>();
  m.set('dots', dots);
  for (const d of r.dots) {
    if (!isVoterId(d.voter) || !Number.isInteger(d.slot) || d.slot < 0 || d.slot >= r.dotsPerPerson) continue;
    dots.set(`${d.voter}:${d.slot}`, { kind: d.target.kind, id: d.target.id });
  }
  if (r.result) {
    m.set('result', {
      counts: r.result.counts.map((c) => ({ kind: c.target.kind, id: c.target.id, count: c.count })),
      voters: r.result.voters, dots: r.result.dots, closedAt: r.result.closedAt, closedBy: r.result.closedBy,
    });
  }
}
