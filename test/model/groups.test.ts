import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addFactor, createMapDoc, createUndoManager, ModelError, removeFactors } from '../../src/model';
import {
  addAction, createGroup, groupsOf, isIsoDate, readGroups, removeAction, removeGroup, renameGroup,
  setGroupMembers, updateAction,
} from '../../src/model/groups';

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('action groups', () => {
  it('creates a group from a loop with actions, oldest first', () => {
    const doc = createMapDoc();
    const g = createGroup(doc, {
      name: ' Eau et bétail ', members: 'Awa, Moussa', origin: { kind: 'loop', id: 'l1' }, now: 10,
    });
    const later = addAction(doc, g, { text: 'Réunir les éleveurs', owner: 'Awa', due: '2025-04-01', now: 30 });
    const first = addAction(doc, g, { text: 'Cartographier les puits', status: 'doing', now: 20 });
    expect(readGroups(doc)).toEqual([{
      id: g, name: 'Eau et bétail', members: 'Awa, Moussa', origin: { kind: 'loop', id: 'l1' }, createdAt: 10,
      actions: [
        { id: first, text: 'Cartographier les puits', owner: '', status: 'doing', due: '', createdAt: 20 },
        { id: later, text: 'Réunir les éleveurs', owner: 'Awa', status: 'todo', due: '2025-04-01', createdAt: 30 },
      ],
    }]);
  });

  it('renames, sets members and updates an action field by field, in place', () => {
    const doc = createMapDoc();
    const g = createGroup(doc, { name: 'A' });
    const a = addAction(doc, g, { text: 'Faire', owner: 'Awa' })!;
    const actionMap = (groupsOf(doc).get(g)!.get('actions') as Y.Map<Y.Map<unknown>>).get(a);
    renameGroup(doc, g, 'B');
    setGroupMembers(doc, g, 'Awa');
    updateAction(doc, g, a, { status: 'done' });
    const [group] = readGroups(doc);
    expect(group).toMatchObject({ name: 'B', members: 'Awa' });
    expect(group?.actions[0]).toMatchObject({ text: 'Faire', owner: 'Awa', status: 'done' });
    expect((groupsOf(doc).get(g)!.get('actions') as Y.Map<Y.Map<unknown>>).get(a)).toBe(actionMap);
  });

  it('refuses an empty name, a bad status or a bad due date without writing', () => {
    const doc = createMapDoc();
    expect(() => createGroup(doc, { name: ' ' })).toThrow(ModelError);
    const g = createGroup(doc, { name: 'A' });
    const a = addAction(doc, g, { text: 'Faire' })!;
    expect(() => addAction(doc, g, { text: '' })).toThrow(/empty/);
    expect(() => updateAction(doc, g, a, { status: 'maybe' as never, owner: 'x' })).toThrow(/status/);
    expect(() => updateAction(doc, g, a, { due: '2025-02-30' })).toThrow(/yyyy-mm-dd/);
    expect(() => renameGroup(doc, g, '')).toThrow(ModelError);
    expect(readGroups(doc)[0]?.actions).toMatchObject([{ owner: '', status: 'todo', due: '' }]);
  });

  it('removes actions and groups; edits of a removed group are no-ops', () => {
    const doc = createMapDoc();
    const g = createGroup(doc, { name: 'A' });
    const a = addAction(doc, g, { text: 'Faire' })!;
    expect(removeAction(doc, g, a)).toBe(true);
    expect(removeAction(doc, g, a)).toBe(false);
    expect(removeGroup(doc, g)).toBe(true);
    expect(addAction(doc, g, { text: 'x' })).toBeNull();
    expect(renameGroup(doc, g, 'C')).toBe(false);
    expect(updateAction(doc, g, a, { text: 'y' })).toBe(false);
    expect(readGroups(doc)).toEqual([]);
  });

  it('two people adding actions at once keep both, and editing different fields merges', () => {
    const one = createMapDoc();
    const g = createGroup(one, { name: 'A' });
    const a = addAction(one, g, { text: 'Faire' })!;
    const two = new Y.Doc();
    sync(one, two);
    addAction(one, g, { text: 'Un' });
    addAction(two, g, { text: 'Deux' });
    updateAction(one, g, a, { owner: 'Awa' });
    updateAction(two, g, a, { status: 'doing' });
    sync(one, two);
    const [group] = readGroups(two);
    expect(group?.actions.map((x) => x.text).sort()).toEqual(['Deux', 'Faire', 'Un']);
    expect(group?.actions.find((x) => x.id === a)).toMatchObject({ owner: 'Awa', status: 'doing' });
  });

  it('a group outlives the factor it started from, and undo covers group edits', () => {
    const doc = createMapDoc();
    const f = addFactor(doc, { label: 'Eau', x: 0, y: 0 });
    const undo = createUndoManager(doc);
    const g = createGroup(doc, { name: 'A', origin: { kind: 'factor', id: f } });
    removeFactors(doc, [f]);
    expect(readGroups(doc)[0]?.origin).toEqual({ kind: 'factor', id: f });
    undo.stopCapturing();
    renameGroup(doc, g, 'B');
    undo.undo();
    expect(readGroups(doc)[0]?.name).toBe('A');
  });

  it('checks calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('1/2/2024')).toBe(false);
  });
});

describe('reading groups written by peers', () => {
  it('skips malformed groups and actions, drops malformed fields, with a warning', () => {
    const doc = createMapDoc();
    const g = createGroup(doc, { name: 'A', now: 1 });
    const a = addAction(doc, g, { text: 'Faire', now: 2 })!;
    doc.transact(() => {
      groupsOf(doc).set('junk', [] as never);
      const m = groupsOf(doc).get(g)!;
      m.set('origin', { kind: 'river', id: 'x' });
      m.set('members', 7);
      const actions = m.get('actions') as Y.Map<unknown>;
      actions.set('bad', 'text');
      const noStatus = new Y.Map<unknown>();
      actions.set('nostatus', noStatus);
      noStatus.set('text', 'x');
      (actions.get(a) as Y.Map<unknown>).set('due', 'demain');
    });
    const warn = vi.fn();
    expect(readGroups(doc, warn)).toEqual([{
      id: g, name: 'A', members: '', origin: null, createdAt: 1,
      actions: [{ id: a, text: 'Faire', owner: '', status: 'todo', due: '', createdAt: 2 }],
    }]);
    expect(warn).toHaveBeenCalledTimes(5);
  });
});
