import { useRef } from 'react';
import { useSnapshot } from '../../session';
import type { AnalysisInput } from '../../model/analysis';
import type { MapSnapshot } from '../../model';

/** Only what the analysis reads: what is posted to the worker, and compared between edits. */
export function toInput(snap: Pick<MapSnapshot, 'factors' | 'links'>): AnalysisInput {
  return {
    factors: snap.factors.map((f) => ({ id: f.id, label: f.label })),
    links: snap.links.map((l) => ({ id: l.id, source: l.source, target: l.target, polarity: l.polarity })),
  };
}

export function sameInput(a: AnalysisInput, b: AnalysisInput): boolean {
  if (a.factors.length !== b.factors.length || a.links.length !== b.links.length) return false;
  for (let i = 0; i < a.factors.length; i++) {
    const x = a.factors[i];
    const y = b.factors[i];
    if (x?.id !== y?.id || x?.label !== y?.label) return false;
  }
  for (let i = 0; i < a.links.length; i++) {
    const x = a.links[i];
    const y = b.links[i];
    if (x?.id !== y?.id || x?.source !== y?.source || x?.target !== y?.target || x?.polarity !== y?.polarity) return false;
  }
  return true;
}

/**
 * The analysis input of the open map, the same object until a factor, link, label or polarity
 * changes: moving factors about (most edits in a workshop) triggers no new analysis.
 */
export function useAnalysisInput(): AnalysisInput {
  const snap = useSnapshot();
  const last = useRef<{ factors: unknown; links: unknown; input: AnalysisInput } | null>(null);
  const prev = last.current;
  if (prev && prev.factors === snap.factors && prev.links === snap.links) return prev.input;
  const fresh = toInput(snap);
  const input = prev && sameInput(prev.input, fresh) ? prev.input : fresh;
  last.current = { factors: snap.factors, links: snap.links, input };
  return input;
}
