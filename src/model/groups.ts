import * as Y from 'yjs';
import { change } from './doc';
import { newId } from './ids';
import { ModelError } from './ops';
import { modelRegistry } from './registry';
import { MAX_LABEL_CHARS, MAX_NOTES_CHARS } from './schema';
import {
  ACTION_FIELDS, ACTION_STATUSES, entryName, GROUPS_SPEC, isFactorOrLoop, isIsoDate, MAX_ACTION_CHARS, readEntry,
  readFields, ROOT, type ActionStatus, type FactorOrLoop,
} from './spec';
import type { Warn } from './validate';

/**
 * Action groups (GRA, issue 6): people who take on a loop or a factor of the map and the
 * actions they commit to. A group outlives its origin: when the factor is removed the group's
 * work goes on, so groups are not cleaned up with factors; the UI says the origin is gone.
 */
export const GROUPS_ROOT = ROOT.groups;
export { ACTION_STATUSES, isIsoDate, MAX_ACTION_CHARS, type ActionStatus };

export type GroupOrigin = FactorOrLoop;

export interface Action {
  readonly id: string;
  readonly text: string;
  readonly owner: string;
  readonly status: ActionStatus;
  /** yyyy-mm-dd, or '' when there is no due date. */
  readonly due: string;
  readonly createdAt: number;
}

export interface Group {
  readonly id: string;
  readonly name: string;
  /** Free text: names or roles, as the group wishes to be known. */
  readonly members: string;
  readonly origin: GroupOrigin | null;
  readonly createdAt: number;
  /** Oldest first. */
  readonly actions: readonly Action[];
}

export interface NewGroup {
  name: string;
  members?: string;
  origin?: GroupOrigin;
  now?: number;
  id?: string;
}

export interface ActionPatch {
  text?: string;
  owner?: string;
  status?: ActionStatus;
  due?: string;
}
export type NewAction = ActionPatch & { text: string; now?: number; id?: string };

export function groupsOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(GROUPS_ROOT);
}

export const isOrigin: (v: unknown) => v is GroupOrigin = isFactorOrLoop;

function isStatus(v: unknown): v is ActionStatus {
  return typeof v === 'string' && (ACTION_STATUSES as readonly string[]).includes(v);
}

function required(text: string, what: string, max: number): string {
  const clean = text.trim();
  if (!clean) throw new ModelError(`missing-${what}`, `The ${what} is empty`);
  return clean.slice(0, max);
}

function checkPatch(p: ActionPatch): void {
  if (p.status !== undefined && !isStatus(p.status)) throw new ModelError('bad-status', `Unknown status ${String(p.status)}`);
  if (p.due !== undefined && p.due !== '' && !isIsoDate(p.due)) throw new ModelError('bad-due', 'A due date is yyyy-mm-dd');
  if (p.text !== undefined) required(p.text, 'text', MAX_ACTION_CHARS);
}

function setText(m: Y.Map<unknown>, key: string, value: string): void {
  if (m.get(key) !== value) m.set(key, value);
}

export function createGroup(doc: Y.Doc, g: NewGroup): string {
  const name = required(g.name, 'name', MAX_LABEL_CHARS);
  if (g.origin !== undefined && !isOrigin(g.origin)) throw new ModelError('bad-origin', 'A group starts from a loop or a factor');
  return change(doc, () => {
    const id = g.id ?? newId();
    if (groupsOf(doc).has(id)) throw new ModelError('duplicate-id', `A group with id ${id} exists`);
    const m = new Y.Map<unknown>();
    groupsOf(doc).set(id, m);
    m.set('name', name);
    m.set('members', (g.members ?? '').slice(0, MAX_NOTES_CHARS));
    if (g.origin) m.set('origin', { kind: g.origin.kind, id: g.origin.id });
    m.set('createdAt', g.now ?? Date.now());
    // Created with the group, so the first actions of two people do not race to create it.
    m.set('actions', new Y.Map<unknown>());
    return id;
  });
}

function editGroup(doc: Y.Doc, id: string, edit: (m: Y.Map<unknown>) => void): boolean {
  return change(doc, () => {
    const m = groupsOf(doc).get(id);
    if (!(m instanceof Y.Map)) return false;
    edit(m);
    return true;
  });
}

/** False when a peer removed the group meanwhile. */
export function renameGroup(doc: Y.Doc, id: string, name: string): boolean {
  const clean = required(name, 'name', MAX_LABEL_CHARS);
  return editGroup(doc, id, (m) => setText(m, 'name', clean));
}

export function setGroupMembers(doc: Y.Doc, id: string, members: string): boolean {
  return editGroup(doc, id, (m) => setText(m, 'members', members.slice(0, MAX_NOTES_CHARS)));
}

export function removeGroup(doc: Y.Doc, id: string): boolean {
  return change(doc, () => {
    if (!groupsOf(doc).has(id)) return false;
    groupsOf(doc).delete(id);
    return true;
  });
}

function actionsOf(group: Y.Map<unknown>): Y.Map<Y.Map<unknown>> {
  let actions = group.get('actions');
  if (!(actions instanceof Y.Map)) {
    actions = new Y.Map<unknown>();
    group.set('actions', actions);
  }
  return actions as Y.Map<Y.Map<unknown>>;
}

function writeAction(m: Y.Map<unknown>, p: ActionPatch): void {
  if (p.text !== undefined) setText(m, 'text', required(p.text, 'text', MAX_ACTION_CHARS));
  if (p.owner !== undefined) setText(m, 'owner', p.owner.trim().slice(0, MAX_LABEL_CHARS));
  if (p.status !== undefined) setText(m, 'status', p.status);
  if (p.due !== undefined) setText(m, 'due', p.due);
}

/** Adds an action to a group; null when a peer removed the group meanwhile. */
export function addAction(doc: Y.Doc, groupId: string, a: NewAction): string | null {
  checkPatch(a);
  return change(doc, () => {
    const group = groupsOf(doc).get(groupId);
    if (!(group instanceof Y.Map)) return null;
    const id = a.id ?? newId();
    const actions = actionsOf(group);
    if (actions.has(id)) throw new ModelError('duplicate-id', `An action with id ${id} exists`);
    const m = new Y.Map<unknown>();
    actions.set(id, m);
    writeAction(m, { text: a.text, owner: a.owner ?? '', status: a.status ?? 'todo', due: a.due ?? '' });
    m.set('createdAt', a.now ?? Date.now());
    return id;
  });
}

/** Edits only the given fields; false when the group or the action is gone. */
export function updateAction(doc: Y.Doc, groupId: string, actionId: string, patch: ActionPatch): boolean {
  checkPatch(patch);
  return change(doc, () => {
    const group = groupsOf(doc).get(groupId);
    const m = group instanceof Y.Map ? actionsOf(group).get(actionId) : undefined;
    if (!(m instanceof Y.Map)) return false;
    writeAction(m, patch);
    return true;
  });
}

export function removeAction(doc: Y.Doc, groupId: string, actionId: string): boolean {
  return change(doc, () => {
    const group = groupsOf(doc).get(groupId);
    if (!(group instanceof Y.Map)) return false;
    const actions = actionsOf(group);
    if (!actions.has(actionId)) return false;
    actions.delete(actionId);
    return true;
  });
}

const byAge = <T extends { createdAt: number; id: string }>(a: T, b: T) =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A group as its spec reads it (spec/groups.ts), with its actions read by their own fields. */
export function readGroup(id: string, v: unknown, warn: Warn): Group | null {
  const e = readEntry(GROUPS_SPEC, id, v, warn);
  if (!e || !(v instanceof Y.Map)) return null;
  const rawActions = v.get('actions');
  const actions: Action[] = [];
  if (rawActions instanceof Y.Map) {
    rawActions.forEach((a, aid) => {
      const what = `${entryName(GROUPS_SPEC, id)} action ${aid.slice(0, 80)}`;
      if (!(a instanceof Y.Map)) {
        warn(`${what}: not a map, skipped`);
        return;
      }
      const action = readFields(ACTION_FIELDS, what, a, warn);
      if (action) actions.push({ id: aid, ...action } as unknown as Action);
    });
  } else if (rawActions !== undefined) {
    warn(`group ${id}: actions are not a map, dropped`);
  }
  const origin = e.origin as GroupOrigin | undefined;
  return {
    id, name: e.name as string, members: e.members as string,
    origin: origin ? { kind: origin.kind, id: origin.id } : null,
    createdAt: e.createdAt as number,
    actions: actions.sort(byAge),
  };
}

/** Groups, oldest first. */
export function readGroups(doc: Y.Doc, warn: Warn = modelRegistry.warn): Group[] {
  const out: Group[] = [];
  groupsOf(doc).forEach((v, id) => {
    const g = readGroup(id, v, warn);
    if (g) out.push(g);
  });
  return out.sort(byAge);
}
