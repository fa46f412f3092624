import * as Y from 'yjs';
import { factorsOf } from './doc';
import { modelRegistry } from './registry';
import { MAX_LABEL_CHARS } from './schema';
import type { Warn } from './validate';
import { MAX_LOOP_ID_CHARS } from './views';

/**
 * The reading side of dot voting: validated rounds and counts. The layout and why it is so
 * are described in votes.ts, which re-exports all of this.
 */
export const VOTES_ROOT = 'votes';
export const MAX_DOTS_PER_PERSON = 20;

export type VoteTargetKind = 'factor' | 'loop';
export interface VoteTarget {
  readonly kind: VoteTargetKind;
  readonly id: string;
}
export type RoundStatus = 'open' | 'closed';

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

const VOTER_ID = /^[A-Za-z0-9_.-]{1,64}$/;

/** Voter ids are given by the app (one per browser); they come before ':' in dot keys. */
export function isVoterId(id: unknown): id is string {
  return typeof id === 'string' && VOTER_ID.test(id);
}

/** A dot key `${voterId}:${slot}`, or null when it is not one. */
export function parseDotKey(key: string): { voter: string; slot: number } | null {
  const m = /^(.+):(\d{1,3})$/.exec(key);
  return m && isVoterId(m[1]) ? { voter: m[1], slot: Number(m[2]) } : null;
}

export function votesOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(VOTES_ROOT);
}

export function isVoteTarget(v: unknown): v is VoteTarget {
  if (typeof v !== 'object' || v === null) return false;
  const { kind, id } = v as Record<string, unknown>;
  return (kind === 'factor' || kind === 'loop')
    && typeof id === 'string' && id !== '' && id.length <= MAX_LOOP_ID_CHARS;
}

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

export function readRound(id: string, value: unknown, warn: Warn): Round | null {
  if (!(value instanceof Y.Map)) {
    warn(`vote ${id}: not a map, skipped`);
    return null;
  }
  const title = value.get('title');
  const status = value.get('status');
  const openedBy = value.get('openedBy');
  const createdAt = value.get('createdAt');
  const dotsPerPerson = limitOf(value);
  if (typeof title !== 'string' || title.length > MAX_LABEL_CHARS || dotsPerPerson === 0
    || (status !== 'open' && status !== 'closed')
    || typeof createdAt !== 'number' || !Number.isFinite(createdAt)) {
    warn(`vote ${id}: malformed round, skipped`);
    return null;
  }
  return {
    id, title, dotsPerPerson, status, createdAt,
    openedBy: typeof openedBy === 'string' ? openedBy.slice(0, MAX_LABEL_CHARS) : '',
  };
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
