import { describe, expect, it } from 'vitest';
import { addFactor, addLink, createMapDoc, createUndoManager, moveFactors, readSnapshot } from '../../../src/model';
import { applyTidy, estimateFactorSize, placedByHand, planTidy, runTidy } from '../../../src/model/layout';
import { quiet } from '../io/helpers';

/**
 * Respect for the hand (issue 12): a drag records that a person placed the factor, a layout
 * does not; "tidy around what I placed" leaves those factors exactly where they are and lays
 * the others out around them, without overlap, as one undo step; the plan and the moves are
 * plain data, so the layout can run in a worker.
 */
function ring(n: number) {
  const doc = createMapDoc();
  const ids = Array.from({ length: n }, (_, i) => addFactor(doc, { label: `Facteur ${i}`, x: 400, y: 300 }));
  ids.forEach((id, i) => addLink(doc, { source: id, target: ids[(i + 1) % n]! }));
  addLink(doc, { source: ids[0]!, target: ids[Math.floor(n / 2)]! });
  return { doc, ids };
}

function overlapping(doc: ReturnType<typeof createMapDoc>): number {
  const fs = readSnapshot(doc, quiet).factors.map((f) => ({ ...f, ...estimateFactorSize(f.label) }));
  let n = 0;
  for (let i = 0; i < fs.length; i++) {
    for (let j = i + 1; j < fs.length; j++) {
      const a = fs[i]!;
      const b = fs[j]!;
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) n++;
    }
  }
  return n;
}

describe('factors placed by hand', () => {
  it('a drag marks the factor as placed, a layout does not', () => {
    const { doc, ids } = ring(6);
    moveFactors(doc, [{ id: ids[1]!, x: -500, y: -200 }]);
    expect(placedByHand(readSnapshot(doc, quiet))).toEqual([ids[1]]);
    const plan = planTidy(readSnapshot(doc, quiet), undefined, 'all')!;
    applyTidy(doc, runTidy(plan));
    expect(placedByHand(readSnapshot(doc, quiet))).toEqual([ids[1]]);
    expect(overlapping(doc)).toBe(0);
  });

  it('the mark and the move are one undo step', () => {
    const { doc, ids } = ring(4);
    const undo = createUndoManager(doc);
    moveFactors(doc, [{ id: ids[0]!, x: 10, y: 20 }]);
    undo.undo();
    const f = readSnapshot(doc, quiet).factorById.get(ids[0]!)!;
    expect(f).toMatchObject({ x: 400, y: 300 });
    expect(f.placed).toBeUndefined();
  });
});

describe('tidy around what I placed', () => {
  it('leaves the placed factors where they were, lays out the rest around them, one undo step', () => {
    const { doc, ids } = ring(12);
    moveFactors(doc, [{ id: ids[0]!, x: 0, y: 0 }, { id: ids[6]!, x: 900, y: 400 }]);
    const undo = createUndoManager(doc);
    const plan = planTidy(readSnapshot(doc, quiet), undefined, 'around-placed')!;
    // Plain data both ways: what a worker receives and sends back.
    const moves = runTidy(structuredClone(plan));
    applyTidy(doc, structuredClone(moves));
    const snap = readSnapshot(doc, quiet);
    expect(snap.factorById.get(ids[0]!)).toMatchObject({ x: 0, y: 0 });
    expect(snap.factorById.get(ids[6]!)).toMatchObject({ x: 900, y: 400 });
    expect(overlapping(doc)).toBe(0);
    // The others moved off the pile they were in.
    expect(new Set(snap.factors.map((f) => `${f.x},${f.y}`)).size).toBe(12);
    undo.undo();
    const back = readSnapshot(doc, quiet);
    expect(back.factors.filter((f) => f.x === 400 && f.y === 300)).toHaveLength(10);
  });

  it('"tidy everything" moves the placed factors too', () => {
    const { doc, ids } = ring(8);
    moveFactors(doc, [{ id: ids[0]!, x: 5000, y: 5000 }]);
    applyTidy(doc, runTidy(planTidy(readSnapshot(doc, quiet), undefined, 'all')!));
    expect(readSnapshot(doc, quiet).factorById.get(ids[0]!)).not.toMatchObject({ x: 5000, y: 5000 });
    expect(overlapping(doc)).toBe(0);
  });
});
