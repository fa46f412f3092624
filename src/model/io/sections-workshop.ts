import { addAction, createGroup, groupsOf, readGroups, type ActionStatus, type GroupOrigin } from '../groups';
import { readSnapshot } from '../reader';
import { ACTION_FIELDS, GROUPS_SPEC, MAX_LABEL_CHARS, MAX_LOOP_ID_CHARS, VIEWS_SPEC, VOTES_SPEC } from '../spec';
import { addView, readViews, viewsOf, type Viewport } from '../views';
import {
  allDots, MAX_DOTS_PER_PERSON, putRound, readRounds, readStoredResult, targetLive, votesOf,
  type VoteTarget,
} from '../votes';
import { silent } from '../log';
import type { JsonSection } from './json-sections';
import { isObj, mapLoopId, mapTarget, ownId, SectionCheck, type Obj } from './sections-check';

/**
 * The workshop parts of a Trame JSON file beside `stories` (sections-stories.ts): `views`,
 * `votes` and `groups`; installModel registers them. The layout of each is in docs/schema.md. On import, references to factors or loops that did not come in are dropped
 * (a view's factors, a dot), except in a closed vote's result and a group's origin, which
 * record what was, and are kept as they are.
 */
const MAX_ENTRIES = 1_000;

/** Optional fields are always written by export; a hand-made file may leave them out. */
export interface ViewJson { id: string; title?: string; factors?: string[]; viewport?: Viewport; loop?: string }
export interface DotJson { voter: string; slot: number; kind: VoteTarget['kind']; id: string }
export interface CountJson { kind: VoteTarget['kind']; id: string; count: number }
export interface RoundJson {
  id: string; title?: string; dotsPerPerson: number; status: 'open' | 'closed'; openedBy?: string; createdAt: number;
  dots?: DotJson[];
  result?: { counts: CountJson[]; voters: number; dots: number; closedAt: number; closedBy?: string };
}
export interface ActionJson { id: string; text: string; owner?: string; status?: ActionStatus; due?: string; createdAt?: number }
export interface GroupJson {
  id: string; name: string; members?: string; origin?: GroupOrigin; createdAt?: number; actions?: ActionJson[];
}

const isKind = (v: unknown): v is VoteTarget['kind'] => v === 'factor' || v === 'loop';

export const viewsSection: JsonSection<ViewJson[]> = {
  export(doc) {
    const factorIds = new Set(readSnapshot(doc, silent).factorById.keys());
    const views = readViews(doc, silent);
    if (views.length === 0) return undefined;
    return views.map((v) => ({
      id: v.id, title: v.title,
      ...(v.factors ? { factors: v.factors.filter((f) => factorIds.has(f)) } : {}),
      ...(v.viewport ? { viewport: { ...v.viewport } } : {}),
      ...(v.loop ? { loop: v.loop } : {}),
    }));
  },
  validate(raw) {
    const c = new SectionCheck();
    const ids = new Set<string>();
    c.list(raw, 'views', MAX_ENTRIES, (o, at) => {
      c.id(o, at, ids);
      c.fields(o, at, VIEWS_SPEC.fields, ['title', 'viewport', 'loop']);
      c.strings(o, 'factors', at, 100_000, 128);
    });
    return c.issues;
  },
  import(doc, data, ctx) {
    for (const v of data) {
      const factors = v.factors?.flatMap((f) => ctx.idMap.get(f) ?? []) ?? null;
      addView(doc, {
        id: ownId(ctx, v.id, (id) => !viewsOf(doc).has(id)),
        title: v.title ?? '', factors, viewport: v.viewport ?? null,
        loop: v.loop ? mapLoopId(ctx, v.loop) : null,
      });
    }
  },
};

function checkTarget(c: SectionCheck, o: Obj, at: string): void {
  if (!isKind(o.kind)) c.fail(`${at}.kind`, "must be 'factor' or 'loop'");
  c.text(o, 'id', at, MAX_LOOP_ID_CHARS, true);
}

export const votesSection: JsonSection<RoundJson[]> = {
  export(doc) {
    const rounds = readRounds(doc, silent);
    if (rounds.length === 0) return undefined;
    return rounds.map((r) => {
      const stored = r.status === 'closed' ? readStoredResult(votesOf(doc).get(r.id)?.get('result')) : null;
      const dots = allDots(doc, r.id).filter((d) => targetLive(doc, d.target))
        .map((d) => ({ voter: d.voter, slot: d.slot, kind: d.target.kind, id: d.target.id }));
      const out: RoundJson = { ...r, dots };
      if (stored) {
        out.result = {
          counts: stored.counts.map((x) => ({ kind: x.target.kind, id: x.target.id, count: x.count })),
          voters: stored.voters, dots: stored.dots, closedAt: stored.closedAt ?? r.createdAt, closedBy: stored.closedBy ?? '',
        };
      }
      return out;
    });
  },
  validate(raw) {
    const c = new SectionCheck();
    const ids = new Set<string>();
    c.list(raw, 'votes', MAX_ENTRIES, (o, at) => {
      c.id(o, at, ids);
      c.fields(o, at, VOTES_SPEC.fields, ['title', 'openedBy', 'dotsPerPerson', 'createdAt', 'status'], ['dotsPerPerson', 'createdAt', 'status']);
      c.list(o.dots ?? [], `${at}.dots`, 100_000, (d, dat) => {
        c.text(d, 'voter', dat, 64, true);
        c.number(d, 'slot', dat, { integer: true, min: 0, max: MAX_DOTS_PER_PERSON - 1, required: true });
        checkTarget(c, d, dat);
      });
      if (o.result === undefined) return;
      if (!isObj(o.result)) {
        c.fail(`${at}.result`, 'must be an object');
        return;
      }
      const res = o.result;
      c.list(res.counts, `${at}.result.counts`, 100_000, (x, xat) => {
        checkTarget(c, x, xat);
        c.number(x, 'count', xat, { integer: true, min: 1, required: true });
      });
      for (const k of ['voters', 'dots'] as const) c.number(res, k, `${at}.result`, { integer: true, min: 0, required: true });
      c.number(res, 'closedAt', `${at}.result`, { required: true });
      c.text(res, 'closedBy', `${at}.result`, MAX_LABEL_CHARS);
    });
    return c.issues;
  },
  import(doc, data, ctx) {
    for (const r of data) {
      const dots = (r.dots ?? []).flatMap((d) => {
        const id = mapTarget(ctx, d.kind, d.id);
        return id === null ? [] : [{ voter: d.voter, slot: d.slot, target: { kind: d.kind, id } }];
      });
      const res = r.result;
      putRound(doc, {
        id: ownId(ctx, r.id, (id) => !votesOf(doc).has(id)),
        title: r.title ?? '', dotsPerPerson: r.dotsPerPerson, status: r.status, openedBy: r.openedBy ?? '',
        createdAt: r.createdAt, dots,
        ...(res ? {
          result: {
            voters: res.voters, dots: res.dots, closedAt: res.closedAt, closedBy: res.closedBy ?? '',
            counts: res.counts.map((x) => ({ target: { kind: x.kind, id: mapTarget(ctx, x.kind, x.id) ?? x.id }, count: x.count })),
          },
        } : {}),
      });
    }
  },
};

export const groupsSection: JsonSection<GroupJson[]> = {
  export(doc) {
    const groups = readGroups(doc, silent);
    if (groups.length === 0) return undefined;
    return groups.map(({ origin, actions, ...g }) => ({
      ...g, ...(origin ? { origin: { ...origin } } : {}), actions: actions.map((a) => ({ ...a })),
    }));
  },
  validate(raw) {
    const c = new SectionCheck();
    const ids = new Set<string>();
    c.list(raw, 'groups', MAX_ENTRIES, (o, at) => {
      c.id(o, at, ids);
      c.fields(o, at, GROUPS_SPEC.fields, ['name', 'members', 'createdAt', 'origin'], ['name']);
      const actionIds = new Set<string>();
      c.list(o.actions ?? [], `${at}.actions`, MAX_ENTRIES, (a, aat) => {
        c.id(a, aat, actionIds);
        c.fields(a, aat, ACTION_FIELDS, ['text', 'owner', 'createdAt', 'status', 'due'], ['text']);
      });
    });
    return c.issues;
  },
  import(doc, data, ctx) {
    for (const g of data) {
      const origin = g.origin && { kind: g.origin.kind, id: mapTarget(ctx, g.origin.kind, g.origin.id) ?? g.origin.id };
      const id = createGroup(doc, {
        id: ownId(ctx, g.id, (candidate) => !groupsOf(doc).has(candidate)),
        name: g.name, members: g.members ?? '', now: g.createdAt ?? 0, ...(origin ? { origin } : {}),
      });
      for (const a of g.actions ?? []) {
        addAction(doc, id, {
          id: a.id, text: a.text, owner: a.owner ?? '',
          status: a.status ?? 'todo', due: a.due ?? '', now: a.createdAt ?? 0,
        });
      }
    }
  },
};
