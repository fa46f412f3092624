import * as Y from 'yjs';
import { change } from './doc';
import { newId } from './ids';
import { silent } from './log';
import { ModelError } from './ops';
import { MAX_LABEL_CHARS } from './schema';
import {
  isVoteTarget, isVoterId, limitOf, MAX_DOTS_PER_PERSON, readStoredResult, results, tally, targetLive,
  votesOf, type RoundResult, type RoundStatus, type TargetCount, type VoteTarget,
} from './votes-read';

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
export * from './votes-read';

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
