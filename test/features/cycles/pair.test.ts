import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addFactor, moveFactors, readSnapshot, removeFactors, renameFactor } from '../../../src/model';
import { compareMaps, mapStateOf } from '../../../src/model/compare';
import { pairOf } from '../../../src/features/cycles/pair';
import { statusCss, statusLayer, STATUS_INK } from '../../../src/features/cycles/status';
import { POLARITY_COLOUR } from '../../../src/ui/polarity';
import { factorId, maliDoc } from '../../model/compare/mali';

const quiet = () => undefined;
const t = ((k: string, o?: Record<string, unknown>) => (o?.fields ? `${k}:${String(o.fields)}` : k)) as unknown as TFunction;

function copy(doc: Y.Doc): Y.Doc {
  const out = new Y.Doc();
  Y.applyUpdate(out, Y.encodeStateAsUpdate(doc));
  return out;
}

/** Cycle 1 and the map after it: one factor added, one removed, one renamed, one moved. */
function cycles() {
  const cycle1 = maliDoc();
  const now = copy(cycle1);
  const ecoles = factorId(now, 'Fermeture des écoles');
  const corruption = factorId(now, 'Corruption');
  const trafics = factorId(now, 'Trafics illicites');
  removeFactors(now, [ecoles]);
  const orpaillage = addFactor(now, { label: 'Orpaillage artisanal', x: 900, y: 40 });
  renameFactor(now, trafics, 'Trafics illicites (or, armes)');
  moveFactors(now, [{ id: corruption, x: 1234, y: 567 }]);
  const toState = mapStateOf(now);
  const diff = compareMaps(mapStateOf(cycle1), toState);
  return { cycle1, now, diff, toState, ids: { ecoles, corruption, trafics, orpaillage } };
}

describe('a comparison side by side', () => {
  it('gives each half the marks of its own elements: removed and changed before, added and changed after', () => {
    const { cycle1, now, diff, toState, ids } = cycles();
    const { before, after } = pairOf(diff, toState, { doc: cycle1, name: 'Cycle 1' }, { doc: now, name: 'Maintenant' });
    expect(before.name).toBe('Cycle 1');
    expect(after.name).toBe('Maintenant');
    expect(before.factorStatus.get(ids.ecoles)).toBe('removed');
    expect(before.factorStatus.get(ids.trafics)).toBe('changed');
    expect(before.factorStatus.has(ids.orpaillage)).toBe(false);
    expect(after.factorStatus.get(ids.orpaillage)).toBe('added');
    expect(after.factorStatus.get(ids.trafics)).toBe('changed');
    expect(after.factorStatus.has(ids.ecoles)).toBe(false);
    // The removed factor's links are marked on the left only, each by its own id there.
    const ecolesLinks = readSnapshot(cycle1, quiet).links.filter((l) => l.source === ids.ecoles || l.target === ids.ecoles);
    expect(ecolesLinks.length).toBeGreaterThan(0);
    for (const l of ecolesLinks) expect(before.linkStatus.get(l.id)).toBe('removed');
    expect([...after.linkStatus.values()]).not.toContain('removed');
  });

  it('puts the factors both states have where the later state has them, in the earlier one’s copy only', () => {
    const { cycle1, now, diff, toState, ids } = cycles();
    const at = (doc: Y.Doc, id: string) => {
      const f = readSnapshot(doc, quiet).factors.find((x) => x.id === id)!;
      return { x: f.x, y: f.y };
    };
    const removedAt = at(cycle1, ids.ecoles);
    pairOf(diff, toState, { doc: cycle1, name: 'Cycle 1' }, { doc: now, name: 'Maintenant' });
    expect(at(cycle1, ids.corruption)).toEqual({ x: 1234, y: 567 });
    for (const f of readSnapshot(now, quiet).factors) {
      if (f.id !== ids.orpaillage) expect(at(cycle1, f.id)).toEqual({ x: f.x, y: f.y });
    }
    // What only the earlier state has stays where it was.
    expect(at(cycle1, ids.ecoles)).toEqual(removedAt);
  });
});

describe('the marks of a comparison', () => {
  const { diff, toState, cycle1, now, ids } = cycles();
  const { before, after } = pairOf(diff, toState, { doc: cycle1, name: 'Cycle 1' }, { doc: now, name: 'Maintenant' });

  it('never use a negative link’s red, and never recolour a link (its colour is its polarity)', () => {
    const css = readFileSync(join(import.meta.dirname, '../../../src/features/cycles/cycles.css'), 'utf8');
    const removed = /--cycles-removed:\s*(#[0-9a-f]{6})/i.exec(css)?.[1];
    expect(removed).toBeDefined();
    expect(removed!.toLowerCase()).not.toBe(POLARITY_COLOUR['-'].toLowerCase());
    expect(STATUS_INK.removed.toLowerCase()).not.toBe(POLARITY_COLOUR['-'].toLowerCase());
    const sheet = statusCss('.cycles-half.before', before.factorStatus, before.linkStatus);
    expect(sheet).not.toMatch(/[^-]stroke:/);
    expect(sheet).not.toContain(POLARITY_COLOUR['-']);
  });

  it('tell each status by more than its colour: an outline of its own and its word beside the element', () => {
    const sheet = statusCss('.cycles-half.before', before.factorStatus, before.linkStatus)
      + statusCss('.cycles-half.after', after.factorStatus, after.linkStatus);
    const ruleFor = (scope: string, id: string) => sheet.split('}').find((r) => r.includes(`${scope} [data-testid="rf__node-${id}"] .factor`)) ?? '';
    expect(ruleFor('.cycles-half.before', ids.ecoles)).toContain('border-style: dashed');
    expect(ruleFor('.cycles-half.after', ids.orpaillage)).toContain('border-style: solid');
    expect(ruleFor('.cycles-half.after', ids.trafics)).toMatch(/box-shadow: 0 0 0 3px #fff, 0 0 0 6px/);
    expect(sheet).toMatch(/rf__edge-[^"]+"\] \.react-flow__edge-path[^{]*\{ stroke-dasharray: 7 5/);

    const left = statusLayer(t, before.factorStatus, before.linkStatus, diff);
    const right = statusLayer(t, after.factorStatus, after.linkStatus, diff);
    expect(left.factorBadges?.get(ids.ecoles)).toEqual([{ text: 'cycles.status.removed', title: 'cycles.status.removed', tone: 'removed' }]);
    expect(right.factorBadges?.get(ids.orpaillage)?.[0]?.tone).toBe('added');
    expect(right.factorBadges?.get(ids.trafics)?.[0]).toMatchObject({ tone: 'changed', title: 'cycles.changedFields:cycles.field.label' });
    expect(right.factorBadges?.has(ids.corruption)).toBe(false);
    expect([...(left.linkBadges?.values() ?? [])].flat().every((b) => b.tone === 'removed')).toBe(true);
  });
});
