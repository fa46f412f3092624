import type { Analysis } from '../../model/analysis';
import type { LoopKind } from '../../model/analysis/loops';
import type { LoopNote } from '../../model';

export interface LoopCounts {
  readonly reinforcing: number;
  readonly balancing: number;
  readonly unknown: number;
}

export function loopCounts(analysis: Analysis): LoopCounts {
  const c = { reinforcing: 0, balancing: 0, unknown: 0 };
  for (const l of analysis.loops) c[l.kind]++;
  return c;
}

export interface NamedLoopChange {
  readonly name: string;
  readonly from: LoopKind;
  readonly to: LoopKind;
}

/** Named loops whose kind differs between two analyses: what a changed polarity did to them. */
export function namedLoopChanges(before: Analysis, after: Analysis, notes: ReadonlyMap<string, LoopNote>): NamedLoopChange[] {
  const was = new Map(before.loops.map((l) => [l.id, l.kind]));
  const out: NamedLoopChange[] = [];
  for (const l of after.loops) {
    const name = notes.get(l.id)?.name;
    const from = was.get(l.id);
    if (name && from && from !== l.kind) out.push({ name, from, to: l.kind });
  }
  return out;
}
