import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addFactor, addLink, readSnapshot, renameFactor, setPolarity } from '../../../src/model';
import { reapplyReplaced, watchReplaced, type ReplacedChange } from '../../../src/model/history';
import { docWithClient, Peers } from './peers';

const quiet = () => undefined;
const label = (d: Y.Doc, id: string) => readSnapshot(d, quiet).factorById.get(id)?.label;

/** Moussa (client 10) and Aminata (client 20) on one map with one factor. */
function room() {
  const origin = docWithClient(1);
  const id = addFactor(origin, { label: 'Orpaillage', x: 0, y: 0 });
  const moussa = docWithClient(10, origin);
  const aminata = docWithClient(20, origin);
  const peers = new Peers([moussa, aminata]);
  const notices = new Map<Y.Doc, ReplacedChange[]>([[moussa, []], [aminata, []]]);
  for (const d of [moussa, aminata]) {
    watchReplaced(d, { isMine: (c) => c === d.clientID, onReplaced: (c) => notices.get(d)!.push(c) });
  }
  return { id, moussa, aminata, peers, notices };
}

describe('a change of yours replaced by a concurrent one', () => {
  it('is reported to the one whose name lost when both renamed while one was offline', () => {
    const { id, moussa, aminata, peers, notices } = room();
    peers.offline(moussa);
    renameFactor(moussa, id, 'Orpaillage artisanal');
    renameFactor(aminata, id, 'Sites d’orpaillage');
    peers.reconnect(moussa);
    const winner = label(moussa, id)!;
    expect(label(aminata, id)).toBe(winner);
    const [loser, other] = winner === 'Sites d’orpaillage' ? [moussa, aminata] : [aminata, moussa];
    expect(notices.get(other)).toEqual([]);
    expect(notices.get(loser)).toEqual([{
      kind: 'factor', id, field: 'label',
      yours: loser === moussa ? 'Orpaillage artisanal' : 'Sites d’orpaillage',
      theirs: winner,
      by: other.clientID,
    }]);
  });

  it('is not reported when the other person saw your value and changed it', () => {
    const { id, moussa, aminata, notices } = room();
    renameFactor(moussa, id, 'Orpaillage artisanal');
    renameFactor(aminata, id, 'Orpaillage artisanal et semi-mécanisé');
    expect(label(moussa, id)).toBe('Orpaillage artisanal et semi-mécanisé');
    expect(notices.get(moussa)).toEqual([]);
    expect(notices.get(aminata)).toEqual([]);
  });

  it('covers link fields, and Rétablir writes yours again for everyone', () => {
    const { id, moussa, aminata, peers, notices } = room();
    const other = addFactor(moussa, { label: 'Conflits', x: 0, y: 0 });
    const link = addLink(moussa, { source: id, target: other, polarity: '+' });
    peers.offline(aminata);
    setPolarity(moussa, link, '-');
    setPolarity(aminata, link, '?');
    peers.reconnect(aminata);
    const all = [...notices.get(moussa)!, ...notices.get(aminata)!];
    expect(all).toHaveLength(1);
    const notice = all[0]!;
    expect(notice).toMatchObject({ kind: 'link', id: link, field: 'polarity' });
    const loser = notices.get(moussa)!.length === 1 ? moussa : aminata;
    expect(reapplyReplaced(loser, notice)).toBe(true);
    for (const d of [moussa, aminata]) {
      expect(readSnapshot(d, quiet).links.find((l) => l.id === link)?.polarity).toBe(notice.yours);
    }
    // Writing it again is a change the other saw coming: no notice back and forth.
    expect([...notices.get(moussa)!, ...notices.get(aminata)!]).toHaveLength(1);
  });

  it('counts edits made in an earlier session of the same device as yours', () => {
    const origin = docWithClient(1);
    const id = addFactor(origin, { label: 'Orpaillage', x: 0, y: 0 });
    const before = docWithClient(30, origin);
    renameFactor(before, id, 'Orpaillage artisanal');
    // The page is reloaded: same device, new client id, the offline edit came from IndexedDB.
    const after = docWithClient(40, before);
    const aminata = docWithClient(20, origin);
    renameFactor(aminata, id, 'Orpaillage (or)');
    const seen: ReplacedChange[] = [];
    watchReplaced(after, { isMine: (c) => c === 30 || c === 40, onReplaced: (c) => seen.push(c) });
    watchReplaced(aminata, { isMine: (c) => c === 20, onReplaced: (c) => seen.push(c) });
    Y.applyUpdate(after, Y.encodeStateAsUpdate(aminata));
    Y.applyUpdate(aminata, Y.encodeStateAsUpdate(after));
    expect(seen).toHaveLength(1);
    expect(seen[0]!.yours).not.toBe(seen[0]!.theirs);
  });
});
